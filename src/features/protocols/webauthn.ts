import { randomBytes } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/** @simplewebauthn/server on first use: about a second of a cold start, needed only at justering. */
const webauthnLibrary = () => import('@simplewebauthn/server');

/** For the warm-up after the server's first answer: the library loaded before a chair adds a passkey. */
export async function loadWebauthnLibrary(): Promise<void> {
  await webauthnLibrary();
}
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/database.js';
import * as repo from './webauthn.repository.js';
import { DomainError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';

/** Where a WebAuthn ceremony happens: the relying party id (a host name) and the page's origin. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

/** rpID from the configured public URL (else the request's host name); the origin is the request's. */
export function relyingPartyFor(request: FastifyRequest, config: Config): RelyingParty {
  const rpID = config.publicUrl ? new URL(config.publicUrl).hostname : request.hostname;
  return { rpID, origin: `${request.protocol}://${request.host}` };
}

export const CHALLENGE_MINUTES = 5;

const passkeyFailed = () =>
  new DomainError('UNAUTHENTICATED', {
    userMessage: {
      sv: 'Passkey-signaturen kunde inte kontrolleras. Försök igen.',
      en: 'The passkey signature could not be verified. Try again.',
    },
  });

/** Keep a one-time challenge for the user (5 minutes); expired ones are cleared on the way. */
async function storeChallenge(db: Db, clock: Clock, userId: string, purpose: string, challenge: string): Promise<void> {
  const now = clock();
  await repo.insertChallenge(db, { challenge, userId, purpose, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) }, now);
}

/** Take a challenge (deleting it: one use only); refused unless it is the user's, for this purpose, and alive. */
export async function consumeChallenge(db: Db, clock: Clock, userId: string, purpose: string, challenge: string): Promise<void> {
  const row = await repo.takeChallenge(db, challenge);
  if (!row || row.userId !== userId || row.purpose !== purpose || row.expiresAt.getTime() < clock().getTime()) throw passkeyFailed();
}

/** The challenge the client saw, read from clientDataJSON (checked again by the library). */
export function challengeOf(response: { response: { clientDataJSON: string } }): string {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    if (typeof data.challenge === 'string') return data.challenge;
  } catch {
    // fall through
  }
  throw passkeyFailed();
}

export function parseCredentialJson<T>(raw: unknown): T {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 20_000) throw passkeyFailed();
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && 'id' in value && 'response' in value) return value as T;
  } catch {
    // fall through
  }
  throw passkeyFailed();
}

export const listCredentials = repo.listCredentials;

export function createWebauthn(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async registrationOptions(user: { userId: string; email: string; name: string }, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
      const existing = await listCredentials(db, user.userId);
      const options = await (await webauthnLibrary()).generateRegistrationOptions({
        rpName: 'Kansli',
        rpID: rp.rpID,
        userName: user.email,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(user.userId),
        attestationType: 'none',
        excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransportFuture[] })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      });
      await storeChallenge(db, clock, user.userId, 'register', options.challenge);
      return options;
    },

    async register(userId: string, raw: unknown, rp: RelyingParty, label: string): Promise<string> {
      const response = parseCredentialJson<RegistrationResponseJSON>(raw);
      const challenge = challengeOf(response);
      await consumeChallenge(db, clock, userId, 'register', challenge);
      const result = await (await webauthnLibrary()).verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: true,
      }).catch(() => ({ verified: false as const, registrationInfo: undefined }));
      if (!result.verified) throw passkeyFailed();
      const { credential } = result.registrationInfo;
      await repo.insertCredential(db, {
        userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        label: label.slice(0, 100),
      });
      return credential.id;
    },

    /**
     * Options for signing: the challenge is the signed digest (32 bytes) followed by a random
     * nonce (16 bytes), so the assertion itself carries what was signed; kept one-time.
     */
    async signingOptions(userId: string, digestHex: string, purpose: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const credentials = await listCredentials(db, userId);
      const challenge = Buffer.concat([Buffer.from(digestHex, 'hex'), randomBytes(16)]);
      const options = await (await webauthnLibrary()).generateAuthenticationOptions({
        rpID: rp.rpID,
        challenge: new Uint8Array(challenge),
        allowCredentials: credentials.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransportFuture[] })),
        userVerification: 'required',
      });
      await storeChallenge(db, clock, userId, purpose, options.challenge);
      return options;
    },

    /** Check a signing assertion over the digest; returns the credential id used. */
    async verifySigning(userId: string, raw: unknown, digestHex: string, purpose: string, rp: RelyingParty): Promise<string> {
      const response = parseCredentialJson<AuthenticationResponseJSON>(raw);
      const challenge = challengeOf(response);
      await consumeChallenge(db, clock, userId, purpose, challenge);
      if (!Buffer.from(challenge, 'base64url').subarray(0, 32).equals(Buffer.from(digestHex, 'hex'))) throw passkeyFailed();
      const stored = await repo.findCredential(db, userId, response.id);
      if (!stored) throw passkeyFailed();
      const result = await (await webauthnLibrary()).verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: { id: stored.credentialId, publicKey: new Uint8Array(stored.publicKey), counter: stored.counter, transports: stored.transports as AuthenticatorTransportFuture[] },
        requireUserVerification: true,
      }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
      if (!result.verified) throw passkeyFailed();
      await repo.setCredentialCounter(db, stored.id, result.authenticationInfo.newCounter);
      return stored.credentialId;
    },
  };
}

export type Webauthn = ReturnType<typeof createWebauthn>;
