import * as client from 'openid-client';
import type { Config } from '../../platform/config/config.js';
import type { OidcProviderSettings, OidcSettings } from '../../platform/config/oidc-config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { LOA3 } from '../../domain/assurance.js';
import { sha256 } from './auth.service.js';
import * as repo from './oidc.repository.js';
import { matchIdentity, type IdentityClaims } from './oidc-match.js';
import { OidcRefused } from './oidc-errors.js';
import { verifyLogoutToken } from './oidc-logout.js';
import { accountOrganisationId } from './account-organisation.js';
import type { OidcTransactionRow } from './auth.tables.js';

/** How long a started sign-in may take at the provider. */
const TRANSACTION_MINUTES = 15;
/** A signing must follow an authentication this recent (the provider is asked for max_age=0). */
export const FRESH_SIGN_IN_SECONDS = 300;

/** What a fresh e-ID sign-in proved, handed to the justering service to sign with. */
export interface EidAssurance {
  providerId: string;
  providerName: string;
  acr: string;
  authenticatedAt: Date;
  userId: string;
  personId: string;
  /** `sign:<protocol id>:<paragraph id or "protocol">`: what the sign-in was started for. */
  purpose: string;
}

export type OidcOutcome =
  | { kind: 'signed-in'; token: string; returnTo: string }
  | { kind: 'signing'; assurance: EidAssurance; protocolId: string; paragraphId: string | null; returnTo: string };

const refusedResponse = () =>
  new OidcRefused('invalid-response', {
    sv: 'Inloggningen kunde inte kontrolleras och har avbrutits. Försök logga in igen.',
    en: 'The sign-in could not be verified and was stopped. Try signing in again.',
  });

const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

export function createOidcService(deps: { database: Database; config: Config; clock: Clock; openSession: (userId: string) => Promise<string> }) {
  const { database, config, clock } = deps;
  const db = database.db;
  const settings = config.oidc;
  const discovered = new Map<string, Promise<client.ServerMetadata>>();
  const jwksCaches = new Map<string, NonNullable<ReturnType<typeof client.getJwksCache>>>();

  function provider(id: string): OidcProviderSettings {
    const found = settings.providers.find((p) => p.id === id);
    if (!found) throw notFound({ sv: 'Det finns ingen sådan inloggning.', en: 'There is no such sign-in.' });
    return found;
  }

  function serverMetadata(p: OidcProviderSettings): Promise<client.ServerMetadata> {
    let pending = discovered.get(p.id);
    if (!pending) {
      const options = isLoopback(p.issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
      pending = client.discovery(new URL(p.issuer), p.clientId, undefined, undefined, options).then((c) => c.serverMetadata());
      discovered.set(p.id, pending);
      pending.catch(() => discovered.delete(p.id));
    }
    return pending;
  }

  /** A client configuration on Kansli's clock (tests move it), with the configured tolerance. */
  async function configurationOf(p: OidcProviderSettings): Promise<client.Configuration> {
    const metadata = {
      [client.clockSkew]: Math.round((clock().getTime() - Date.now()) / 1000),
      [client.clockTolerance]: settings.clockToleranceSeconds,
    };
    const auth = p.clientSecret ? client.ClientSecretBasic(p.clientSecret) : client.None();
    const configuration = new client.Configuration(await serverMetadata(p), p.clientId, metadata, auth);
    if (isLoopback(p.issuer)) client.allowInsecureRequests(configuration);
    // The ID token's signature is checked too, not only the TLS connection it came over.
    client.enableNonRepudiationChecks(configuration);
    const keys = jwksCaches.get(p.id);
    if (keys) client.setJwksCache(configuration, keys);
    return configuration;
  }

  const callbackUrl = (base: string, p: OidcProviderSettings) => `${base}/logga-in/oidc/${p.id}/callback`;

  async function audit(actor: Actor, action: string, after: Record<string, unknown>, entityId?: string) {
    await db.transaction(async (tx) => recordAudit(tx, actor, { action, entity: 'user', entityId, after, organisationId: await accountOrganisationId(tx, entityId ?? null) }, clock()));
  }

  async function begin(input: { providerId: string; base: string; returnTo: string; purpose: string; userId: string | null; acr?: string | undefined; fresh: boolean }) {
    const p = provider(input.providerId);
    const configuration = await configurationOf(p);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const now = clock();
    await repo.deleteExpiredTransactions(db, now);
    await repo.insertTransaction(db, {
      state,
      providerId: p.id,
      nonce,
      codeVerifier,
      purpose: input.purpose,
      userId: input.userId,
      returnTo: input.returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TRANSACTION_MINUTES * 60_000),
    });
    const params: Record<string, string> = {
      redirect_uri: callbackUrl(input.base, p),
      scope: p.scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    };
    const acr = input.acr ?? p.acr;
    if (acr) params.acr_values = acr;
    if (input.fresh) Object.assign(params, { prompt: 'login', max_age: '0' });
    return { url: client.buildAuthorizationUrl(configuration, params).href, state };
  }

  /** Checks the answer (state, PKCE, signature, issuer, audience, nonce, expiry) and reads the claims. */
  async function redeem(p: OidcProviderSettings, transaction: OidcTransactionRow, currentUrl: URL) {
    const configuration = await configurationOf(p);
    const fresh = transaction.purpose.startsWith('sign:');
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedNonce: transaction.nonce,
        expectedState: transaction.state,
        idTokenExpected: true,
        ...(fresh ? { maxAge: FRESH_SIGN_IN_SECONDS } : {}),
      });
    } catch (error) {
      await audit({ userId: null, label: `oidc:${p.id}` }, 'oidc.refused', { provider: p.id, reason: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown' });
      throw refusedResponse();
    }
    const keys = client.getJwksCache(configuration);
    if (keys) jwksCaches.set(p.id, keys);
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw refusedResponse();
    let claims: IdentityClaims = { ...idClaims };
    if (!(p.claim in claims) && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      // Scope claims may come only from the userinfo endpoint (OpenID Connect Core 5.4).
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
    }
    return { claims, idToken: tokens.id_token, sid: typeof idClaims.sid === 'string' ? idClaims.sid : null, acr: typeof idClaims.acr === 'string' ? idClaims.acr : null, authTime: typeof idClaims.auth_time === 'number' ? new Date(idClaims.auth_time * 1000) : null };
  }

  return {
    providers(): { id: string; name: string; eid: boolean }[] {
      return settings.providers.map((p) => ({ id: p.id, name: p.name, eid: p.match === 'personnummer' }));
    },

    /** The e-ID provider used for justering (the first matching by personnummer), or null. */
    eidProvider(): { id: string; name: string } | null {
      const p = settings.providers.find((x) => x.match === 'personnummer');
      return p ? { id: p.id, name: p.name } : null;
    },

    /** Sign-in: the provider's authorization URL (code flow, PKCE S256, state and nonce kept here). */
    beginSignIn(input: { providerId: string; base: string; returnTo: string }) {
      return begin({ ...input, purpose: 'signin', userId: null, fresh: false });
    },

    /** Justering: a fresh sign-in at the e-ID provider at the committee's level of assurance. */
    beginSigning(input: { userId: string; base: string; protocolId: string; paragraphId: string | null; acr: string | null; returnTo: string }) {
      const eid = settings.providers.find((x) => x.match === 'personnummer');
      if (!eid) throw notFound({ sv: 'Ingen e-legitimation är inställd.', en: 'No e-ID is configured.' });
      return begin({ providerId: eid.id, base: input.base, returnTo: input.returnTo, purpose: `sign:${input.protocolId}:${input.paragraphId ?? 'protocol'}`, userId: input.userId, acr: input.acr ?? LOA3, fresh: true });
    },

    /** The provider's answer: a new Kansli session, or an e-ID assurance for a signing. */
    async complete(input: { providerId: string; currentUrl: URL; stateCookie: string | undefined }): Promise<OidcOutcome> {
      const p = provider(input.providerId);
      const state = input.currentUrl.searchParams.get('state') ?? '';
      // The state must also be the one this browser started with (login CSRF).
      if (!state || state !== input.stateCookie) throw refusedResponse();
      const transaction = await repo.takeTransaction(db, state);
      if (!transaction || transaction.providerId !== p.id) throw refusedResponse();
      if (transaction.expiresAt < clock()) {
        throw new OidcRefused('expired', { sv: 'Inloggningen tog för lång tid. Börja om.', en: 'The sign-in took too long. Start again.' });
      }
      const answer = await redeem(p, transaction, input.currentUrl);
      const user = await matchIdentity(db, p, answer.claims, transaction.userId);
      if (!user.ok) {
        await audit({ userId: null, label: `oidc:${p.id}` }, 'oidc.unknown_identity', { provider: p.id, subject: String(answer.claims.sub), identity: user.label });
        throw user.error;
      }
      if (transaction.purpose.startsWith('sign:')) {
        const [, protocolId = '', paragraph = 'protocol'] = transaction.purpose.split(':');
        if (!answer.acr || !answer.authTime || !user.personId) throw refusedResponse();
        return {
          kind: 'signing',
          protocolId,
          paragraphId: paragraph === 'protocol' ? null : paragraph,
          returnTo: transaction.returnTo,
          assurance: { providerId: p.id, providerName: p.name, acr: answer.acr, authenticatedAt: answer.authTime, userId: user.userId, personId: user.personId, purpose: transaction.purpose },
        };
      }
      const token = await deps.openSession(user.userId);
      await repo.insertOidcSession(db, { tokenHash: sha256(token), userId: user.userId, providerId: p.id, subject: String(answer.claims.sub), providerSessionId: answer.sid, acr: answer.acr, authenticatedAt: answer.authTime, idToken: answer.idToken, createdAt: clock() });
      await audit({ userId: user.userId, label: `oidc:${p.id}` }, 'oidc.sign_in', { provider: p.id, acr: answer.acr }, user.userId);
      return { kind: 'signed-in', token, returnTo: transaction.returnTo };
    },

    /** Where to send the browser when the user signs out of Kansli: the provider's end-session endpoint, or null. */
    async endSessionUrl(sessionToken: string, base: string): Promise<string | null> {
      const row = await repo.findOidcSession(db, sha256(sessionToken));
      const p = row && settings.providers.find((x) => x.id === row.providerId);
      if (!row || !p) return null;
      const configuration = await configurationOf(p);
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(configuration, { id_token_hint: row.idToken, post_logout_redirect_uri: `${base}/`, client_id: p.clientId }).href;
    },

    /** OpenID Connect Back-Channel Logout 1.0: the provider's session ended; end ours. */
    async backChannelLogout(providerId: string, logoutToken: string): Promise<number> {
      const p = provider(providerId);
      const configuration = await configurationOf(p);
      const claims = await verifyLogoutToken({ token: logoutToken, configuration, provider: p, now: clock(), toleranceSeconds: settings.clockToleranceSeconds });
      return endSessions(p, { sid: claims.sid, subject: claims.sub }, 'back-channel');
    },

    /** OpenID Connect Front-Channel Logout 1.0: the provider's page loads ours with iss and sid. */
    async frontChannelLogout(providerId: string, query: { iss?: string | undefined; sid?: string | undefined }): Promise<number> {
      const p = provider(providerId);
      const issuer = (await serverMetadata(p)).issuer;
      if (query.iss !== issuer || !query.sid) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Utloggningen saknar utfärdare eller session.', en: 'The logout names no issuer or session.' } });
      }
      return endSessions(p, { sid: query.sid }, 'front-channel');
    },
  };

  async function endSessions(p: OidcProviderSettings, where: { sid?: string | undefined; subject?: string | undefined }, channel: string): Promise<number> {
    const rows = await repo.findSessionsOf(db, { providerId: p.id, ...where });
    await db.transaction(async (tx) => {
      for (const row of rows) await repo.deleteKansliSession(tx, row.tokenHash);
      await recordAudit(tx, { userId: null, label: `oidc:${p.id}` }, { action: 'oidc.logout', entity: 'user', entityId: rows[0]?.userId, after: { provider: p.id, channel, sessions: rows.length }, organisationId: await accountOrganisationId(tx, rows[0]?.userId ?? null) }, clock());
    });
    return rows.length;
  }
}

/** A provider's issuer did not answer at start: Kansli stops (exit 2) naming the variable. */
export class OidcIssuerUnreachable extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Ogiltig inställning / invalid setting ${variable}: ${problem}`.replace(/\s+/g, ' '));
  }
}

/** At start: every issuer must answer its discovery document with itself as issuer. */
export async function checkOidcIssuers(settings: OidcSettings): Promise<void> {
  for (const p of settings.providers) {
    try {
      await client.discovery(new URL(p.issuer), p.clientId, undefined, undefined, isLoopback(p.issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 });
    } catch (error) {
      const why = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
      throw new OidcIssuerUnreachable(p.issuerVariable, `no OpenID provider answers at ${p.issuer}: ${why}`);
    }
  }
}

export type OidcService = ReturnType<typeof createOidcService>;
