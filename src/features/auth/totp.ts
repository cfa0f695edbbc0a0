import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../platform/db/database.js';
import { takeTotpStep } from './users.repository.js';

const PERIOD_SECONDS = 30;

export function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Kansli', label, secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_SECONDS });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The 30-second step a code belongs to, accepting one step either side for clock drift; null if wrong. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Accepts the current 30-second code and one step either side, for clock drift. */
export function checkTotp(secret: string, code: string, now: Date): boolean {
  return totpStep(secret, code, now) !== null;
}

export function generateTotp(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}

/**
 * Check a code against the user's active secret and use it up: a code (its time step) is accepted
 * once only, for sign-in and signing alike (ASVS 2.8.4), also when two requests bring it at once.
 */
export async function consumeTotp(db: Db, user: { id: string; totpSecret: string | null; totpEnabled: boolean }, code: string, now: Date): Promise<boolean> {
  if (!user.totpEnabled || !user.totpSecret) return false;
  const step = totpStep(user.totpSecret, code, now);
  if (step === null) return false;
  return takeTotpStep(db, user.id, step);
}
