/**
 * The audit log: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { bigserial, boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.js';

/** Append-only audit log; each entry's hash covers the previous entry's hash. */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  /** The organisation the entry concerns: its readers are that organisation's (or its committee's) admins and auditors. */
  organisationId: uuid('organisation_id'),
  /** The before/after hold secret material: shown only to those who may read secrets there. */
  secret: boolean('secret').notNull().default(false),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

// ---------------------------------------------------------------------------------------------
// Registry (diarium): classification scheme, cases, registered documents, files, search index.

/** What a select of each table above returns. */
export type AuditRow = typeof auditLog.$inferSelect;
