/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for tests, with a plain login
 * page, back-channel logout, and a hook that lets a test replace the ID token it hands out (to
 * play a provider or network that lies). Two clients: municipal staff and e-ID.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, type JWTPayload } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { PERSONNUMMER_CLAIM } from '../../src/platform/config/oidc-config.js';
import type { OidcProviderSettings } from '../../src/platform/config/oidc-config.js';

export const LOA2 = 'http://id.elegnamnden.se/loa/1.0/loa2';
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

export interface TestAccount {
  email?: string;
  name?: string;
  personnummer?: string;
  /** The level of assurance this account's sign-in gives. */
  acr?: string;
}

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Set to change the next ID tokens the token endpoint returns; null: leave them alone. */
  rewriteIdToken: ((token: string) => Promise<string>) | null;
  /** Sign claims with the provider's own key (for tokens that are valid but wrong in one respect). */
  sign(payload: JWTPayload): Promise<string>;
  decode(token: string): JWTPayload;
  settings(kind: 'staff' | 'eid'): OidcProviderSettings;
  close(): Promise<void>;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, client: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Testleverantör – logga in</title></head>
<body><main><h1>Testleverantör</h1><p>Inloggning för ${escape(client)}</p>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Användare</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Logga in</button></form></main></body></html>`;
}

export async function startTestProvider(options: { kansliBase: string }): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();
  const base = options.kansliBase;
  const clientFor = (id: 'kommun' | 'eid') => ({
    client_id: `kansli-${id}`,
    client_secret: `hemlighet-${id}-0123456789abcdef`,
    redirect_uris: [`${base}/logga-in/oidc/${id}/callback`],
    post_logout_redirect_uris: [`${base}/`],
    backchannel_logout_uri: `${base}/api/oidc/${id}/backchannel-logout`,
    backchannel_logout_session_required: true,
  });

  const provider = new Provider(issuer, {
    clients: [clientFor('kommun'), clientFor('eid')],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    acrValues: [LOA2, LOA3],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      'https://id.oidc.se/scope/naturalPersonNumber': [PERSONNUMMER_CLAIM],
    },
    conformIdTokenClaims: false,
    // Kansli runs on 127.0.0.1 here: let the back-channel logout reach it past the SSRF guard.
    fetch: (url: URL | string, init: RequestInit & { dispatcher?: unknown }) => {
      delete init.dispatcher;
      return globalThis.fetch(url, init);
    },
    cookies: { keys: ['testleverantor-cookie-key'] },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email ? { email: account.email, email_verified: true } : {}),
            ...(account.name ? { name: account.name } : {}),
            ...(account.personnummer ? { [PERSONNUMMER_CLAIM]: account.personnummer } : {}),
          };
        },
      };
    },
    // First-party clients: no consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  } as ConstructorParameters<typeof Provider>[1]);

  const state: { rewrite: TestProvider['rewriteIdToken'] } = { rewrite: null };

  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
    if (match) {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      if (ctx.method === 'GET' && !match[2]) {
        ctx.type = 'html';
        ctx.body = loginPage(details.uid, String(details.params.client_id));
        return;
      }
      const login = (await readForm(ctx.req)).get('login') ?? '';
      const account = accounts.get(login);
      const result = account ? { login: { accountId: login, acr: account.acr ?? LOA2, amr: ['pwd'] } } : { error: 'access_denied', error_description: 'unknown user' };
      await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
      return;
    }
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.rewrite && body && typeof body.id_token === 'string') {
      ctx.body = { ...body, id_token: await state.rewrite(body.id_token) };
    }
  });
  server.on('request', provider.callback());

  const key: KeyObject = privateKey;
  return {
    issuer,
    accounts,
    get rewriteIdToken() {
      return state.rewrite;
    },
    set rewriteIdToken(value) {
      state.rewrite = value;
    },
    sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(key),
    decode: (token) => decodeJwt(token),
    settings(kind) {
      const id = kind === 'staff' ? 'kommun' : 'eid';
      return {
        id,
        name: kind === 'staff' ? 'Testby kommuns inloggning' : 'Test-e-legitimation',
        issuer,
        clientId: `kansli-${id}`,
        clientSecret: `hemlighet-${id}-0123456789abcdef`,
        match: kind === 'staff' ? 'email' : 'personnummer',
        claim: kind === 'staff' ? 'email' : PERSONNUMMER_CLAIM,
        scope: kind === 'staff' ? 'openid email profile' : 'openid profile https://id.oidc.se/scope/naturalPersonNumber',
        acr: kind === 'staff' ? LOA2 : LOA3,
        organisation: undefined,
        passwordsAllowed: true,
        issuerVariable: `KANSLI_OIDC_${id.toUpperCase()}_ISSUER`,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
