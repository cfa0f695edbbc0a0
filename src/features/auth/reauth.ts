import { verify as argonVerify } from '@node-rs/argon2';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { findUserById } from './auth.repository.js';
import { releaseAttempt, reserveAttempt } from './login-limit.js';

export const wrongPassword = (field = 'password') =>
  new DomainError('UNAUTHENTICATED', {
    userMessage: { sv: 'Fel lösenord.', en: 'Wrong password.' },
    fieldErrors: [{ field, message: { sv: 'Fel lösenord. Skriv ditt nuvarande lösenord igen.', en: 'Wrong password. Type your current password again.' } }],
  });

/**
 * The signed-in user proves again that they know their password, before a change to how they sign
 * in or sign (a new password, a second factor added, replaced or removed). Counted like sign-ins.
 */
export async function verifyOwnPassword(deps: { db: Db; config: Config; now: Date }, userId: string, password: string, field = 'password'): Promise<void> {
  const { db, config, now } = deps;
  const reservation = await reserveAttempt(db, { keys: [{ key: `password:${userId}`, limit: config.loginMaxAttempts }], now, windowMinutes: config.loginWindowMinutes });
  const user = await findUserById(db, userId);
  if (!user || user.disabled || !password || !(await argonVerify(user.passwordHash, password))) throw wrongPassword(field);
  await releaseAttempt(db, reservation);
}
