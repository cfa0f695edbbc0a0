import { z } from 'zod';

/** The Swedish OpenID Connect profile's claim for a personal identity number (id.oidc.se). */
export const PERSONNUMMER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
const PERSONNUMMER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

/** How a provider's identity is matched to an existing account; a sign-in never creates one. */
export type OidcMatch = 'email' | 'personnummer';

/** One OpenID Connect provider: a municipality's identity provider, or a Swedish e-ID broker. */
export interface OidcProviderSettings {
  /** Short id in addresses and variable names: `lulea` → KANSLI_OIDC_LULEA_… */
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  /** Never shown after it is set (no page prints it). */
  clientSecret: string | undefined;
  match: OidcMatch;
  /** The claim holding the identity matched: `email` (or e.g. `upn`), or the personnummer claim. */
  claim: string;
  scope: string;
  /** acr_values asked for at sign-in, e.g. http://id.elegnamnden.se/loa/1.0/loa3. */
  acr: string | undefined;
  /** The organisation (slug) whose staff sign in here. */
  organisation: string | undefined;
  /** False: users holding a role in that organisation may no longer sign in with a local password. */
  passwordsAllowed: boolean;
  /** The variable naming the issuer, for the start-up check's one line. */
  issuerVariable: string;
}

export interface OidcSettings {
  providers: OidcProviderSettings[];
  /** Accepted difference between our clock and the provider's, in seconds. */
  clockToleranceSeconds: number;
}

/** A wrong value: the variable and what is wrong (config.ts turns it into a ConfigError). */
export class OidcConfigProblem extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

const ZId = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/);
const ZBool = z.enum(['true', 'false']);

function read(env: Record<string, string | undefined>, variable: string, schema: z.ZodType<unknown>, problem: string): unknown {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new OidcConfigProblem(variable, problem);
  return parsed.data;
}

function providerFrom(env: Record<string, string | undefined>, id: string): OidcProviderSettings {
  const prefix = `KANSLI_OIDC_${id.toUpperCase().replace(/-/g, '_')}_`;
  const required = (name: string) => {
    const value = env[prefix + name];
    if (!value) throw new OidcConfigProblem(prefix + name, 'required for every provider in KANSLI_OIDC_PROVIDERS');
    return value;
  };
  const issuer = required('ISSUER');
  if (!z.url().safeParse(issuer).success || !/^https?:\/\//.test(issuer)) throw new OidcConfigProblem(`${prefix}ISSUER`, 'must be an http(s) URL');
  const match = (read(env, `${prefix}MATCH`, z.enum(['email', 'personnummer']), 'must be email or personnummer') ?? 'email') as OidcMatch;
  const defaultClaim = match === 'personnummer' ? PERSONNUMMER_CLAIM : 'email';
  const defaultScope = match === 'personnummer' ? `openid profile ${PERSONNUMMER_SCOPE}` : 'openid email profile';
  const scope = (read(env, `${prefix}SCOPE`, z.string().regex(/(^|\s)openid(\s|$)/), 'must contain openid') ?? defaultScope) as string;
  return {
    id,
    name: (env[`${prefix}NAME`] || id).trim(),
    issuer,
    clientId: required('CLIENT_ID'),
    clientSecret: env[`${prefix}CLIENT_SECRET`] || undefined,
    match,
    claim: (env[`${prefix}CLAIM`] || defaultClaim).trim(),
    scope,
    acr: env[`${prefix}ACR`] || undefined,
    organisation: (read(env, `${prefix}ORGANISATION`, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), 'must be an organisation slug') as string | undefined) ?? undefined,
    passwordsAllowed: (read(env, `${prefix}PASSWORDS`, ZBool, 'must be true or false') ?? 'true') === 'true',
    issuerVariable: `${prefix}ISSUER`,
  };
}

/** The OpenID Connect providers named in KANSLI_OIDC_PROVIDERS, each from its own variables. */
export function loadOidcSettings(env: Record<string, string | undefined>): OidcSettings {
  const list = (env.KANSLI_OIDC_PROVIDERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ids = new Set<string>();
  for (const id of list) {
    if (!ZId.safeParse(id).success) throw new OidcConfigProblem('KANSLI_OIDC_PROVIDERS', `"${id}" is not a provider id (a–z, 0–9, hyphens)`);
    if (ids.has(id)) throw new OidcConfigProblem('KANSLI_OIDC_PROVIDERS', `"${id}" is named twice`);
    ids.add(id);
  }
  const tolerance = read(env, 'KANSLI_OIDC_CLOCK_TOLERANCE_SECONDS', z.coerce.number().int().min(0).max(300), 'must be 0–300 seconds');
  return { providers: list.map((id) => providerFrom(env, id)), clockToleranceSeconds: (tolerance as number | undefined) ?? 60 };
}
