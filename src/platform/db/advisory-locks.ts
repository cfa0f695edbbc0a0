import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
/**
 * Keys of the PostgreSQL advisory locks Kansli takes (pg_advisory_xact_lock), in one place so
 * that no two uses share a key by accident. Each is held until its transaction ends.
 */
export const ADVISORY_LOCK = {
  /** Applying migrations: two servers starting at once. */
  migrate: 7283001,
  /** Appending to the audit chain: one writer at a time keeps the chain linear. */
  auditChain: 7283002,
  /** First-run setup: only one first administrator. */
  setup: 7283003,
  /** Counting failed sign-ins (with a hash of the key as second number): one check-and-count at a time per key. */
  loginAttempts: 7283004,
} as const;

/** Takes one advisory lock until the transaction ends (pg_advisory_xact_lock). */
export async function lockForTransaction(tx: Db, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}
