/**
 * The archive feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, ref, updatedAt } from '../../platform/db/columns.js';
import { blobRef } from '../../platform/db/file-blobs.tables.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { cases, documents } from '../registry/registry.tables.js';

/** Dokumenthanteringsplan: per classification code, keep or dispose after N years. */
export const retentionRules = pgTable(
  'retention_rules',
  {
    id: id(),
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    /** A code of the registry's classification scheme; it covers every code below it. */
    classificationCode: text('classification_code').notNull(),
    action: text('action', { enum: ['keep', 'dispose'] }).notNull(),
    retentionYears: integer('retention_years'),
    format: text('format').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('retention_rules_key').on(t.committeeId, t.classificationCode)],
);
/** A delivery to the e-archive (one or more SIPs); what was delivered is in `archive_delivery_items`. */
export const archiveDeliveries = pgTable('archive_deliveries', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  scope: text('scope', { enum: ['year', 'case'] }).notNull(),
  year: integer('year'),
  caseId: ref('case_id', () => cases.id),
  packageId: text('package_id').notNull(),
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull().default('running'),
  progress: integer('progress').notNull().default(0),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  createdByUserId: ref('created_by_user_id', () => users.id),
  createdAt: createdAt(),
  finishedAt: instant('finished_at'),
});
export const archiveDeliveryItems = pgTable(
  'archive_delivery_items',
  {
    deliveryId: ref('delivery_id', () => archiveDeliveries.id).notNull(),
    kind: text('kind', { enum: ['case', 'document', 'file', 'protocol'] }).notNull(),
    objectId: uuid('object_id').notNull(),
    path: text('path').notNull().default(''),
    sha256: text('sha256').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.kind, t.objectId] })],
);
/** A legal hold: nothing in the case (or the document) may be disposed of while it is active. */
export const legalHolds = pgTable('legal_holds', {
  id: id(),
  caseId: ref('case_id', () => cases.id),
  documentId: ref('document_id', () => documents.id),
  reason: text('reason').notNull(),
  placedByUserId: ref('placed_by_user_id', () => users.id),
  placedAt: instant('placed_at').notNull().defaultNow(),
  releasedAt: instant('released_at'),
});
/** A disposal list (gallringslista): proposed, approved by a named person, then executed. */
export const disposalLists = pgTable('disposal_lists', {
  id: id(),
  committeeId: ref('committee_id', () => organisations.id).notNull(),
  status: text('status', { enum: ['proposed', 'approved', 'executed', 'cancelled'] }).notNull().default('proposed'),
  createdByUserId: ref('created_by_user_id', () => users.id),
  approvedByUserId: ref('approved_by_user_id', () => users.id),
  approvedByName: text('approved_by_name'),
  approvedAt: instant('approved_at'),
  executedAt: instant('executed_at'),
  createdAt: createdAt(),
});
/** What a disposal list holds; kept after execution as the record of what was disposed of. */
export const disposalItems = pgTable(
  'disposal_items',
  {
    listId: ref('list_id', () => disposalLists.id).notNull(),
    /** No foreign key: the document is gone after execution; the record stays. */
    documentId: uuid('document_id').notNull(),
    handlingId: text('handling_id').notNull(),
    caseNumber: text('case_number').notNull(),
    description: text('description').notNull(),
    ruleId: ref('rule_id', () => retentionRules.id),
    ruleText: text('rule_text').notNull(),
    disposedAt: instant('disposed_at'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.documentId] })],
);
/** A package read back from an e-archive delivery: read-only archive content. */
export const archivedPackages = pgTable(
  'archived_packages',
  {
    id: id(),
    /** The committee whose archive the package is (the archive creator it was imported for). */
    committeeId: ref('committee_id', () => organisations.id).notNull(),
    packageId: text('package_id').notNull(),
    label: text('label').notNull(),
    mets: jsonb('mets').$type<Record<string, unknown>>().notNull().default({}),
    importedAt: instant('imported_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('archived_packages_key').on(t.packageId), index('archived_packages_committee_idx').on(t.committeeId)],
);
export const archivedObjects = pgTable(
  'archived_objects',
  {
    id: id(),
    packageId: ref('package_id', () => archivedPackages.id).notNull(),
    kind: text('kind', { enum: ['case', 'document', 'file', 'protocol'] }).notNull(),
    path: text('path').notNull(),
    title: text('title').notNull().default(''),
    sha256: blobRef('sha256'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('archived_objects_package_idx').on(t.packageId)],
);

// ---------------------------------------------------------------------------------------------
// OpenID Connect sign-in (issue 22): providers are configured in the environment.

/** What a select of each table above returns. */
export type RetentionRuleRow = typeof retentionRules.$inferSelect;
export type ArchiveDeliveryRow = typeof archiveDeliveries.$inferSelect;
export type ArchiveDeliveryItemRow = typeof archiveDeliveryItems.$inferSelect;
export type LegalHoldRow = typeof legalHolds.$inferSelect;
export type DisposalListRow = typeof disposalLists.$inferSelect;
export type DisposalItemRow = typeof disposalItems.$inferSelect;
export type ArchivedPackageRow = typeof archivedPackages.$inferSelect;
export type ArchivedObjectRow = typeof archivedObjects.$inferSelect;
