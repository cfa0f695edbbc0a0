/**
 * A second factor for one act, on top of the sign-in (issue 18): the person's own passkey or a
 * TOTP code, as at justering. Used before a member reads a secret paper in the members' room.
 * Codes are counted like sign-ins (the same counter as justering signatures); a code is used once.
 */
import { createHash } from 'node:crypto';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/auth/policy.js';
import { createWebauthn, listCredentials, type RelyingParty } from '../protocols/webauthn.js';
import * as authRepo from './auth.repository.js';
import { releaseAttempt, reserveAttempt } from './login-limit.js';
import { consumeTotp } from './totp.js';

export type StepUpInput = { method: 'passkey'; assertion: string } | { method: 'totp'; code: string };

export const stepUpRequired = () =>
  new DomainError('INVALID_INPUT', {
    userMessage: {
      sv: 'Lösenordet räcker inte. Bekräfta med din passkey eller med en kod från din autentiseringsapp (TOTP). Har du ingen av dem, registrera en själv under Mitt konto.',
      en: 'The password is not enough. Confirm with your passkey or with a code from your authenticator app (TOTP). If you have neither, register one yourself under My account.',
    },
  });

const wrongCode = () =>
  new DomainError('UNAUTHENTICATED', {
    userMessage: { sv: 'Fel kod, eller en kod som redan använts. Vänta på nästa kod och försök igen.', en: 'Wrong code, or a code already used. Wait for the next code and try again.' },
    fieldErrors: [{ field: 'code', message: { sv: 'Fel kod, eller en kod som redan använts.', en: 'Wrong code, or a code already used.' } }],
  });

/** The passkey challenge carries the SHA-256 of what is confirmed (the purpose), as a signature carries the protocol's. */
const digestOf = (purpose: string) => createHash('sha256').update(purpose).digest('hex').toUpperCase();

type StepUpDeps = { db: Db; config: Config; clock: Clock };

/**
 * The person's own TOTP code for one act (a step-up, a justering signature): used once, and
 * counted like sign-ins on the key `sign:<user>`. `notRegistered` is the refusal when the person
 * has no TOTP.
 */
export async function confirmTotpCode(deps: StepUpDeps, userId: string, code: string, notRegistered: () => DomainError): Promise<void> {
  const { db, config } = deps;
  const user = await authRepo.findUserById(db, userId);
  if (!user?.totpEnabled) throw notRegistered();
  const now = deps.clock();
  const reservation = await reserveAttempt(db, { keys: [{ key: `sign:${userId}`, limit: config.loginMaxAttempts }], now, windowMinutes: config.loginWindowMinutes });
  if (!(await consumeTotp(db, user, code, now))) throw wrongCode();
  await releaseAttempt(db, reservation);
}

export function createStepUp(deps: StepUpDeps) {
  const { db, clock } = deps;
  const webauthn = createWebauthn({ db, clock });
  return {
    /** Which second factors the person has registered. */
    async methods(userId: string): Promise<{ hasPasskey: boolean; hasTotp: boolean }> {
      return { hasPasskey: (await listCredentials(db, userId)).length > 0, hasTotp: (await authRepo.findUserById(db, userId))?.totpEnabled ?? false };
    },

    async passkeyOptions(userId: string, purpose: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      if ((await listCredentials(db, userId)).length === 0) throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Du har ingen passkey registrerad.', en: 'You have no passkey registered.' } });
      return webauthn.signingOptions(userId, digestOf(purpose), purpose, rp);
    },

    /** Checks the second factor for this purpose; throws with a clear message when it fails. */
    async verify(principal: Principal, input: StepUpInput | null, purpose: string, rp: RelyingParty): Promise<'passkey' | 'totp'> {
      if (input?.method === 'passkey') {
        await webauthn.verifySigning(principal.userId, input.assertion, digestOf(purpose), purpose, rp);
        return 'passkey';
      }
      if (input?.method !== 'totp') throw stepUpRequired();
      await confirmTotpCode(deps, principal.userId, input.code, stepUpRequired);
      return 'totp';
    },
  };
}

export type StepUp = ReturnType<typeof createStepUp>;
