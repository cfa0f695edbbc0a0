import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from './audit.tables.js';
import { ADVISORY_LOCK } from '../db/advisory-locks.js';
import { noteDataChanged } from '../db/data-version.js';

/** Who did something: a signed-in user, or the command line / system. */
export interface Actor {
  userId: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The organisation the entry concerns (the owner of the entity acted on): its admins and
   * auditors see the entry. Required, so that no call can forget it; null only for entries that
   * concern no organisation (the installation itself, an account without any role) — those are
   * shown to the committees' readers only. Say why where you pass null.
   */
  organisationId: string | null;
  /** True when before/after hold secret material (a secret document's description, a secret agenda item's text). */
  secret?: boolean;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so that the hash does not depend on how jsonb orders them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Plain JSON values only (dates become ISO strings), as they will read back from jsonb. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

export interface HashedFields {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** Hashed only when set, so that entries written before these columns existed still verify. */
  organisationId?: string;
  secret?: true;
}

export function hashAuditEntry(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Append one entry, chained to the previous one. Call inside the transaction that makes the
 * change; the advisory lock orders concurrent writers on every app server.
 */
export async function recordAudit(tx: Db, actor: Actor, input: AuditInput, now = new Date()): Promise<void> {
  noteDataChanged();
  await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK.auditChain})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const fields: HashedFields = {
    seq,
    at: now.toISOString(),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    ...(input.secret ? { secret: true as const } : {}),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({
    ...fields,
    at: now,
    prevHash,
    hash: hashAuditEntry(prevHash, fields),
  });
}

export type AuditVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBrokenSeq: number; reason: string };

/** Walk the whole chain in order; name the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} >= ${expectedSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      const broken = (reason: string): AuditVerification => ({ ok: false, count, firstBrokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) return { ok: false, count, firstBrokenSeq: expectedSeq, reason: 'entry missing' };
      if (row.prevHash !== prevHash) return broken('link to previous entry does not match');
      const fields: HashedFields = {
        seq: row.seq,
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        actorLabel: row.actorLabel,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        ...(row.organisationId ? { organisationId: row.organisationId } : {}),
        ...(row.secret ? { secret: true as const } : {}),
      };
      if (hashAuditEntry(prevHash, fields) !== row.hash) return broken('content does not match its hash');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
