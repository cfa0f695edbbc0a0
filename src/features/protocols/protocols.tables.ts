/**
 * The protocols feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, ref, updatedAt } from '../../platform/db/columns.js';
import { blobRef } from '../../platform/db/file-blobs.tables.js';
import { users } from '../auth/auth.tables.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { bodies, people } from '../organisation/organisation.tables.js';

/** The last § number used per body and year (paragraphs run continuously through the calendar year). */
export const paragraphCounters = pgTable(
  'paragraph_counters',
  {
    bodyId: ref('body_id', () => bodies.id).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.year] })],
);
/** The protocol of one meeting: draft → locked for justering → final (signed, sealed, unchangeable). */
export const protocols = pgTable(
  'protocols',
  {
    id: id(),
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    status: text('status', { enum: ['draft', 'locked', 'final'] }).notNull().default('draft'),
    /** Editable texts of the header: other people present, the place of justering, and so on. */
    otherPresent: text('other_present').notNull().default(''),
    justeringPlace: text('justering_place').notNull().default(''),
    justeringDate: date('justering_date'),
    chairPersonId: ref('chair_person_id', () => people.id),
    adjusterPersonId: ref('adjuster_person_id', () => people.id),
    secretaryName: text('secretary_name').notNull().default(''),
    lockedAt: instant('locked_at'),
    /** SHA-256 of the canonical form at locking: what the signers sign. */
    canonicalSha256: text('canonical_sha256'),
    /**
     * The canonical form canonical_sha256 was computed with (protocol.model.ts `canonicalProtocol`):
     * 1 signs the planned justering date (protocols locked before migration 0016), 2 leaves it out.
     */
    digestVersion: smallint('digest_version').notNull().default(2),
    finalAt: instant('final_at'),
    /** The sealed PDF/A of the final protocol and its public version (file_blobs). */
    sealedPdfSha256: blobRef('sealed_pdf_sha256'),
    publicPdfSha256: blobRef('public_pdf_sha256'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('protocols_meeting_key').on(t.meetingId)],
);
/** A paragraph (§) of a protocol: its number is fixed when the draft is locked. */
export const protocolParagraphs = pgTable(
  'protocol_paragraphs',
  {
    id: id(),
    protocolId: ref('protocol_id', () => protocols.id).notNull(),
    agendaItemId: ref('agenda_item_id', () => agendaItems.id),
    position: integer('position').notNull(),
    number: integer('number'),
    year: integer('year').notNull(),
    heading: text('heading').notNull(),
    caseNumber: text('case_number'),
    decision: text('decision').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** "Sammanträdet": the secretary's words; the facts (motions, votes, reservations) come from the meeting record. */
    handling: text('handling').notNull().default(''),
    decisionBasis: jsonb('decision_basis').$type<{ documentId: string | null; text: string }[]>().notNull().default([]),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** Left out of the public version, with the provision named. */
    secrecyProvision: text('secrecy_provision'),
    /** What a secret paragraph is called in the public version, the notice and the extract. */
    publicHeading: text('public_heading'),
    immediateJustering: boolean('immediate_justering').notNull().default(false),
    adjustedAt: instant('adjusted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('protocol_paragraphs_position_key').on(t.protocolId, t.position), index('protocol_paragraphs_number_idx').on(t.year, t.number)],
);
/** A justering signature: the chair's or the adjuster's, over the canonical SHA-256. */
export const protocolSignatures = pgTable('protocol_signatures', {
  id: id(),
  protocolId: ref('protocol_id', () => protocols.id).notNull(),
  /** Set when one paragraph was adjusted on its own at the meeting (omedelbar justering). */
  paragraphId: ref('paragraph_id', () => protocolParagraphs.id),
  personId: ref('person_id', () => people.id),
  userId: ref('user_id', () => users.id).notNull(),
  role: text('role', { enum: ['chair', 'adjuster'] }).notNull(),
  /** 'passkey', 'totp' or 'e-id'; signatures made before issue 15 may read 'webauthn' (a passkey) or 'password'. */
  method: text('method', { enum: ['passkey', 'totp', 'e-id', 'webauthn', 'password'] }).notNull(),
  sha256: text('sha256').notNull(),
  credentialId: text('credential_id'),
  signedAt: instant('signed_at').notNull().defaultNow(),
  /** KL 5:69: later than 14 days after the meeting. */
  late: boolean('late').notNull().default(false),
  /** For method e-id: the provider's name, the level of assurance (acr) and when the signer authenticated. */
  assuranceProvider: text('assurance_provider'),
  assuranceLevel: text('assurance_level'),
  authenticatedAt: instant('authenticated_at'),
  /** Set once when the protocol was unlocked for correction after this signature (issue 18): it no longer counts. */
  voidedAt: instant('voided_at'),
  voidedReason: text('voided_reason'),
});
/** A certified extract (protokollsutdrag) of one paragraph. */
export const protocolExtracts = pgTable('protocol_extracts', {
  id: id(),
  paragraphId: ref('paragraph_id', () => protocolParagraphs.id).notNull(),
  pdfSha256: blobRef('pdf_sha256').notNull(),
  certifiedBy: text('certified_by').notNull(),
  createdAt: createdAt(),
});
/**
 * A final protocol as it was at justering (issue 16): the document (the protocol model as JSON),
 * the signatures with the names they had, and both sealed PDFs. Written once, in the transaction
 * that makes the protocol final (or on first read for protocols made final before this table);
 * every later view of a final protocol reads it. The database refuses updates and deletes.
 */
export const protocolSnapshots = pgTable('protocol_snapshots', {
  protocolId: ref('protocol_id', () => protocols.id).primaryKey(),
  document: jsonb('document').notNull(),
  /** protocolDigest(document, digestVersion): equals protocols.canonical_sha256 unless the snapshot was made late from changed data. */
  documentSha256: text('document_sha256').notNull(),
  /** The canonical form of document_sha256: the protocol's digest version (1 for every snapshot before migration 0016). */
  digestVersion: smallint('digest_version').notNull().default(1),
  signatures: jsonb('signatures').notNull().default([]),
  /** The open votes of the protocol's public paragraphs with each ballot's person and name, for OParl. */
  votes: jsonb('votes').notNull().default([]),
  fullPdfSha256: blobRef('full_pdf_sha256').notNull(),
  publicPdfSha256: blobRef('public_pdf_sha256').notNull(),
  /** PAdES-B-B, PAdES-B-T, or adbe.pkcs7.detached for a full PDF sealed before PAdES baseline. */
  sealLevel: text('seal_level').notNull(),
  /** justering: made when the protocol became final; backfill: made later from the tables. */
  origin: text('origin', { enum: ['justering', 'backfill'] }).notNull(),
  createdAt: createdAt(),
});
/**
 * The protocol as it was locked for justering (issue 18), one row per lock: what the chair and the
 * adjuster read on the review page, never rebuilt from the live tables. Append-only.
 */
export const protocolReviewCopies = pgTable(
  'protocol_review_copies',
  {
    protocolId: ref('protocol_id', () => protocols.id).notNull(),
    /** The locked digest (protocols.canonical_sha256) of this copy. */
    sha256: text('sha256').notNull(),
    digestVersion: smallint('digest_version').notNull(),
    document: jsonb('document').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'protocol_review_copies_pk', columns: [t.protocolId, t.sha256] })],
);
/**
 * A signer's comment on a paragraph of the locked protocol (issue 18), answered or applied by the
 * secretary once. Applying unlocks the protocol for correction. What was said never changes.
 */
export const protocolReviewComments = pgTable(
  'protocol_review_comments',
  {
    id: id(),
    protocolId: ref('protocol_id', () => protocols.id).notNull(),
    /** The paragraph of the locked copy commented on, with its § and heading as the signer read them. */
    paragraphId: uuid('paragraph_id').notNull(),
    paragraphNumber: integer('paragraph_number'),
    paragraphHeading: text('paragraph_heading').notNull(),
    /** The locked digest the signer read. */
    protocolSha256: text('protocol_sha256').notNull(),
    authorUserId: ref('author_user_id', () => users.id).notNull(),
    authorRole: text('author_role', { enum: ['chair', 'adjuster'] }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolution: text('resolution', { enum: ['answered', 'applied'] }),
    answer: text('answer'),
    resolvedByUserId: ref('resolved_by_user_id', () => users.id),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [index('protocol_review_comments_protocol_idx').on(t.protocolId)],
);
/**
 * A rättelse (FL 36 §): a correction of an obvious error in a final protocol, as a new sealed
 * addendum; the protocol itself is never rewritten. Append-only in the database.
 */
export const protocolCorrections = pgTable(
  'protocol_corrections',
  {
    id: id(),
    protocolId: ref('protocol_id', () => protocols.id).notNull(),
    /** 1, 2, … within the protocol. */
    number: integer('number').notNull(),
    /** The paragraph corrected, or null for the protocol's header. */
    paragraphId: ref('paragraph_id', () => protocolParagraphs.id),
    /** What was wrong and what it should read. */
    correction: text('correction').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedByUserId: ref('decided_by_user_id', () => users.id),
    /** Shown in the public version (not when it corrects a paragraph under secrecy). */
    public: boolean('public').notNull(),
    pdfSha256: blobRef('pdf_sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('protocol_corrections_number_key').on(t.protocolId, t.number)],
);

// ---------------------------------------------------------------------------------------------
// Publication: the justering notice on every member municipality's notice board (anslagstavla).

/** What a select of each table above returns. */
export type ParagraphCounterRow = typeof paragraphCounters.$inferSelect;
export type ProtocolRow = typeof protocols.$inferSelect;
export type ProtocolParagraphRow = typeof protocolParagraphs.$inferSelect;
export type ProtocolSignatureRow = typeof protocolSignatures.$inferSelect;
export type ProtocolExtractRow = typeof protocolExtracts.$inferSelect;
export type ProtocolSnapshotRow = typeof protocolSnapshots.$inferSelect;
export type ProtocolReviewCopyRow = typeof protocolReviewCopies.$inferSelect;
export type ProtocolReviewCommentRow = typeof protocolReviewComments.$inferSelect;
export type ProtocolCorrectionRow = typeof protocolCorrections.$inferSelect;
