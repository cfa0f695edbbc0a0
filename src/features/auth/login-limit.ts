import type { Db } from '../../platform/db/database.js';
import { ADVISORY_LOCK } from '../../platform/db/advisory-locks.js';
import { countRecentAttempts, deleteAttempts, insertAttempts, lockAttemptKey } from './auth.repository.js';
import { DomainError } from '../../platform/errors.js';

/** One counter: a key (`email:…`, `ip:…`, `totp:<user>`, `sign:<user>`, `password:<user>`) and how many attempts it may have. */
export interface AttemptKey {
  key: string;
  limit: number;
}

/** What a reservation wrote: the rows to take back when the attempt succeeds. */
export interface Reservation {
  ids: number[];
}

export const rateLimited = (windowMinutes: number) =>
  new DomainError('RATE_LIMITED', {
    userMessage: {
      sv: `För många misslyckade försök. Vänta ${windowMinutes} minuter och försök igen.`,
      en: `Too many failed attempts. Wait ${windowMinutes} minutes and try again.`,
    },
  });

/**
 * Count an attempt before it is checked, atomically: under an advisory lock per key, count the
 * attempts in the window and, if every key is under its limit, record one more for each, in one
 * transaction. So at most `limit` checks run for a key in a window however many requests arrive at
 * once, on one server or several (the counter is the database). A check that succeeds gives its
 * rows back with `releaseAttempt`; a failed one leaves them counted. Refused: throws RATE_LIMITED.
 */
export async function reserveAttempt(db: Db, options: { keys: AttemptKey[]; now: Date; windowMinutes: number }): Promise<Reservation> {
  const since = new Date(options.now.getTime() - options.windowMinutes * 60_000);
  // Locks in one order on every server, so that two reservations never wait for each other.
  const keys = [...options.keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ids = await db.transaction(async (tx) => {
    for (const { key } of keys) await lockAttemptKey(tx, ADVISORY_LOCK.loginAttempts, key);
    for (const { key, limit } of keys) {
      if ((await countRecentAttempts(tx, key, since)) >= limit) return null;
    }
    return insertAttempts(tx, keys.map(({ key }) => key), options.now);
  });
  if (!ids) throw rateLimited(options.windowMinutes);
  return { ids };
}

/** The attempt succeeded: it no longer counts against its keys. */
export async function releaseAttempt(db: Db, reservation: Reservation): Promise<void> {
  await deleteAttempts(db, reservation.ids);
}
