import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type * as client from 'openid-client';
import type { OidcProviderSettings } from '../../platform/config/oidc-config.js';
import { DomainError } from '../../platform/errors.js';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

const invalidLogoutToken = (why: string) =>
  new DomainError('INVALID_INPUT', {
    message: `logout token refused: ${why}`,
    userMessage: { sv: 'Utloggningsbeskedet kunde inte kontrolleras.', en: 'The logout token could not be verified.' },
  });

/**
 * OpenID Connect Back-Channel Logout 1.0, 2.6: the provider's signature, issuer, audience and
 * issue time, the logout event, a sid or sub, and no nonce. Returns the sid and sub.
 */
export async function verifyLogoutToken(input: {
  token: string;
  configuration: client.Configuration;
  provider: OidcProviderSettings;
  now: Date;
  toleranceSeconds: number;
}): Promise<{ sid: string | undefined; sub: string | undefined }> {
  const server = input.configuration.serverMetadata();
  if (!server.jwks_uri) throw invalidLogoutToken('the provider publishes no keys');
  let jwks = jwksByUri.get(server.jwks_uri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(server.jwks_uri));
    jwksByUri.set(server.jwks_uri, jwks);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(input.token, jwks, {
      issuer: server.issuer,
      audience: input.provider.clientId,
      currentDate: input.now,
      clockTolerance: input.toleranceSeconds,
      maxTokenAge: 300 + input.toleranceSeconds,
      requiredClaims: ['iat', 'jti', 'events'],
    }));
  } catch (error) {
    throw invalidLogoutToken(error instanceof Error ? error.message : 'invalid');
  }
  const events = payload.events;
  if (!events || typeof events !== 'object' || !(BACKCHANNEL_EVENT in events)) throw invalidLogoutToken('no back-channel logout event');
  if ('nonce' in payload) throw invalidLogoutToken('a nonce is not allowed');
  const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
  const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
  if (!sid && !sub) throw invalidLogoutToken('neither sid nor sub');
  return { sid, sub };
}
