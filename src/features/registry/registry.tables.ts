/**
 * The registry feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { blobRef } from '../../platform/db/file-blobs.tables.js';
import { organisations, people } from '../organisation/organisation.tables.js';

/** The organisation's classification scheme (klassificeringsstruktur): code, title, retention. */
export const classificationCodes = pgTable(
  'classification_codes',
  {
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    retention: text('retention').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);
/** The last number handed out per organisation, series and year; rows are locked while numbering. */
export const registryCounters = pgTable(
  'registry_counters',
  {
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    series: text('series', { enum: ['case', 'document'] }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.series, t.year] })],
);
/** Ärende: a case with its case number YEAR/NUMBER-CODE. */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    classificationCode: text('classification_code').notNull(),
    title: text('title').notNull(),
    responsiblePersonId: ref('responsible_person_id', () => people.id),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('cases_number_key').on(t.organisationId, t.year, t.number), index('cases_code_idx').on(t.organisationId, t.classificationCode)],
);
/** Handling: a registered document with its id YEAR.NUMBER and its secrecy state. */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    caseId: ref('case_id', () => cases.id).notNull(),
    direction: text('direction', { enum: ['incoming', 'outgoing', 'drawn_up'] }).notNull(),
    documentDate: date('document_date').notNull(),
    counterpart: text('counterpart'),
    description: text('description').notNull(),
    /**
     * public, secret (with provision, date and who marked it) or internal: a drawn-up draft in an
     * open case, not yet a public record (TF 2:10; CHECK documents_internal_drawn_up_check refuses
     * it for incoming and outgoing documents, and closing the case makes it public).
     */
    secrecy: text('secrecy', { enum: ['public', 'secret', 'internal'] }).notNull().default('public'),
    secrecyProvision: text('secrecy_provision'),
    secrecyMarkedOn: date('secrecy_marked_on'),
    secrecyMarkedBy: text('secrecy_marked_by'),
    /** For a secret document: the description the public registry may show (OSL 5:5). */
    publicDescription: text('public_description'),
    securityClass: text('security_class').notNull().default('Öppen'),
    registeredAt: instant('registered_at').notNull().defaultNow(),
    registeredBy: text('registered_by').notNull(),
    /**
     * Gallrad: the files were destroyed under an approved disposal list on this day; the entry itself
     * (number, date, sender or recipient, description) stays in the registry (OSL 5 kap.).
     */
    disposedOn: date('disposed_on'),
    /** The disposal list that destroyed it (foreign key in the migration; archive's table). */
    disposalListId: uuid('disposal_list_id'),
    /** The decision: the approved list, who approved it and the plan's rule, in words. */
    disposalReference: text('disposal_reference'),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('documents_number_key').on(t.organisationId, t.year, t.number), index('documents_case_idx').on(t.caseId)],
);
/** A version of a file attached to a document; a new version keeps the old. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: id(),
    documentId: ref('document_id', () => documents.id).notNull(),
    version: integer('version').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: blobRef('sha256').notNull(),
    textContent: text('text_content').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('document_files_version_key').on(t.documentId, t.version)],
);

/**
 * A correction to a case's or a document's registered details while the case is open: who
 * changed which field, from what, to what, and when. Append-only (a trigger refuses changes).
 */
export const registryChanges = pgTable(
  'registry_changes',
  {
    id: id(),
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    entity: text('entity', { enum: ['case', 'document'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
    changedBy: text('changed_by').notNull(),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [index('registry_changes_entity_idx').on(t.entity, t.entityId, t.changedAt)],
);

/** What a select of each table above returns. */
export type ClassificationCodeRow = typeof classificationCodes.$inferSelect;
export type RegistryCounterRow = typeof registryCounters.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFileRow = typeof documentFiles.$inferSelect;
export type RegistryChangeRow = typeof registryChanges.$inferSelect;
