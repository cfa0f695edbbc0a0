/**
 * The one Drizzle schema for both databases (PGlite and PostgreSQL).
 * Migrations in `drizzle/` are generated from this file with `npm run db:generate`.
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  customType,
} from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** PostgreSQL tsvector (full-text search); written only by a generated column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();

/** An organisation: the joint committee (`committee`) or one of its member municipalities (`municipality`). */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: text('kind', { enum: ['committee', 'municipality'] }).notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** For a municipality: the joint committee it is a member of. */
    committeeId: uuid('committee_id').references((): AnyPgColumn => organisations.id),
    /** Värdkommun: the host municipality that employs the staff. */
    isHost: boolean('is_host').notNull().default(false),
    orgNumber: text('org_number'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug), index('organisations_committee_idx').on(t.committeeId)],
);

/** Population of a municipality on 31 December of a year, with its source. */
export const populations = pgTable(
  'populations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

/** A body (organ) of the committee: the committee itself or its preparation group (beredningsgrupp). */
export const bodies = pgTable(
  'bodies',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['committee', 'preparation_group'] }).notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** Reglemente 10 §: days between notice and meeting. */
    noticeDays: integer('notice_days').notNull().default(5),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('bodies_slug_key').on(t.organisationId, t.slug)],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    /** The municipality or committee the person belongs to. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('people_org_idx').on(t.organisationId)],
);

/** A mandate (uppdrag): a person sits in a body for a municipality in a role over a term. */
export const mandates = pgTable(
  'mandates',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ['member', 'substitute', 'official'] }).notNull(),
    position: text('position', { enum: ['chair', 'vice_chair'] }),
    termFrom: date('term_from').notNull(),
    termTo: date('term_to'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('mandates_body_idx').on(t.bodyId), index('mandates_person_idx').on(t.personId)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id').references(() => people.id),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    locale: text('locale', { enum: ['sv', 'en'] }).notNull().default('sv'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** A role a user holds in one organisation (a user may hold roles in several). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId, t.role] })],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** False until the second factor is given, for users with TOTP. */
    verified: boolean('verified').notNull().default(true),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

/** Failed sign-in attempts, kept in the database so that all app servers share the limit. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);

/** Append-only audit log; each entry's hash covers the previous entry's hash. */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

// ---------------------------------------------------------------------------------------------
// Registry (diarium): classification scheme, cases, registered documents, files, search index.

/** The organisation's classification scheme (klassificeringsstruktur): code, title, retention. */
export const classificationCodes = pgTable(
  'classification_codes',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
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
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
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
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    classificationCode: text('classification_code').notNull(),
    title: text('title').notNull(),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cases_number_key').on(t.organisationId, t.year, t.number), index('cases_code_idx').on(t.organisationId, t.classificationCode)],
);

/** Handling: a registered document with its id YEAR.NUMBER and its secrecy state. */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    direction: text('direction', { enum: ['incoming', 'outgoing', 'drawn_up'] }).notNull(),
    documentDate: date('document_date').notNull(),
    counterpart: text('counterpart'),
    description: text('description').notNull(),
    /** public, secret (with provision, date and who marked it) or internal (not yet a public record). */
    secrecy: text('secrecy', { enum: ['public', 'secret', 'internal'] }).notNull().default('public'),
    secrecyProvision: text('secrecy_provision'),
    secrecyMarkedOn: date('secrecy_marked_on'),
    secrecyMarkedBy: text('secrecy_marked_by'),
    /** For a secret document: the description the public registry may show (OSL 5:5). */
    publicDescription: text('public_description'),
    securityClass: text('security_class').notNull().default('Öppen'),
    registeredAt: timestamp('registered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    registeredBy: text('registered_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('documents_number_key').on(t.organisationId, t.year, t.number), index('documents_case_idx').on(t.caseId)],
);

/** File contents, addressed by SHA-256 (the database is the default file storage). */
export const fileBlobs = pgTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
});

/** A version of a file attached to a document; a new version keeps the old. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => fileBlobs.sha256),
    textContent: text('text_content').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('document_files_version_key').on(t.documentId, t.version)],
);

/**
 * One row per searchable thing (case, document, file, protocol paragraph), kept by the services
 * in the same transaction as the thing itself. `visibility` decides who may find it.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    kind: text('kind', { enum: ['case', 'document', 'file', 'paragraph'] }).notNull(),
    refId: uuid('ref_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    year: integer('year').notNull(),
    classificationCode: text('classification_code'),
    bodyId: uuid('body_id'),
    visibility: text('visibility', { enum: ['public', 'restricted', 'internal'] }).notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    url: text('url').notNull(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(content, '')), 'B')`,
      ),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId] }), index('search_entries_tsv_idx').using('gin', t.tsv), index('search_entries_filter_idx').on(t.visibility, t.year)],
);

// ---------------------------------------------------------------------------------------------
// Meetings (sammanträden): schedule, agenda, attendance, the handling of each item, notices.

/** A meeting of a body (the committee or the preparation group), or a strategy day. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: text('kind', { enum: ['meeting', 'strategy_day'] }).notNull().default('meeting'),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }),
    place: text('place').notNull(),
    status: text('status', { enum: ['planned', 'open', 'closed', 'cancelled'] }).notNull().default('planned'),
    noticeSentAt: timestamp('notice_sent_at', { withTimezone: true, precision: 3 }),
    /** Reglemente 10 §: a notice sent later than the notice period needs a recorded reason. */
    noticeLateReason: text('notice_late_reason'),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    /** The member appointed to adjust the protocol with the chair (reglemente 22 §). */
    adjusterPersonId: uuid('adjuster_person_id').references(() => people.id),
    justeringPlace: text('justering_place'),
    justeringDate: date('justering_date'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meetings_body_idx').on(t.bodyId, t.startsAt)],
);

/** An item of the agenda (föredragningslista) and, once handled, what the meeting decided. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['decision', 'information', 'election'] }).notNull().default('decision'),
    caseId: uuid('case_id').references(() => cases.id),
    heading: text('heading').notNull(),
    /** Förslag till beslut; numbered points are lines starting with "1." etc. */
    proposal: text('proposal').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** "Beslutet skickas till". */
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['pending', 'decided', 'noted', 'tabled'] }).notNull().default('pending'),
    decisionText: text('decision_text'),
    decidedBy: text('decided_by', { enum: ['acclamation', 'vote', 'lottery'] }),
    /** Bordläggning: the later meeting the item moved to, and on the new item, where it came from. */
    tabledToMeetingId: uuid('tabled_to_meeting_id').references((): AnyPgColumn => meetings.id),
    tabledFromItemId: uuid('tabled_from_item_id').references((): AnyPgColumn => agendaItems.id),
    protocolNotes: text('protocol_notes').notNull().default(''),
    immediateJustering: boolean('immediate_justering').notNull().default(false),
    isSecret: boolean('is_secret').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agenda_items_position_key').on(t.meetingId, t.position), index('agenda_items_case_idx').on(t.caseId)],
);

/** Beslutsunderlag: registered documents an item's decision is based on. */
export const agendaItemDocuments = pgTable(
  'agenda_item_documents',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.documentId] })],
);

/**
 * Attendance as events in meeting order: the state at the start (present, remote, absent), then
 * arrivals and departures from an item on, and jäv for one item. The serving member per
 * municipality is derived from these by the domain's servingMembers.
 */
export const attendanceEvents = pgTable(
  'attendance_events',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    type: text('type', { enum: ['present', 'remote', 'absent', 'arrived', 'left', 'jav'] }).notNull(),
    /** The item from which the event counts (null: from the start of the meeting). */
    itemId: uuid('item_id').references(() => agendaItems.id),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('attendance_events_meeting_idx').on(t.meetingId)],
);

/** A motion (yrkande) by a member on an item. */
export const motions = pgTable('motions', {
  id: id(),
  itemId: uuid('item_id')
    .notNull()
    .references(() => agendaItems.id),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id),
  text: text('text').notNull(),
  position: integer('position').notNull(),
  withdrawn: boolean('withdrawn').notNull().default(false),
  createdAt: createdAt(),
});

/** The chair's propositions on an item, in order, with what the committee answered. */
export const propositions = pgTable('propositions', {
  id: id(),
  itemId: uuid('item_id')
    .notNull()
    .references(() => agendaItems.id),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  outcome: text('outcome', { enum: ['approved', 'rejected'] }).notNull(),
  createdAt: createdAt(),
});

/** An open vote (votering), or a lottery in an election; the ballots are in vote_ballots. */
export const votes = pgTable('votes', {
  id: id(),
  itemId: uuid('item_id')
    .notNull()
    .references(() => agendaItems.id),
  kind: text('kind', { enum: ['decision', 'election', 'tabling'] }).notNull(),
  /** What "yes" and "no" stand for, as the chair put it. */
  yesMeans: text('yes_means').notNull(),
  noMeans: text('no_means').notNull(),
  yes: integer('yes').notNull(),
  no: integer('no').notNull(),
  abstain: integer('abstain').notNull(),
  outcome: text('outcome', { enum: ['yes', 'no', 'lottery'] }).notNull(),
  decidedByCastingVote: boolean('decided_by_casting_vote').notNull().default(false),
  lotteryResult: text('lottery_result'),
  createdAt: createdAt(),
});

export const voteBallots = pgTable(
  'vote_ballots',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.personId] })],
);

/** A reservation: announced before the meeting closes, reasons in writing before justering. */
export const reservations = pgTable('reservations', {
  id: id(),
  itemId: uuid('item_id')
    .notNull()
    .references(() => agendaItems.id),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id),
  announcedAt: timestamp('announced_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  reason: text('reason'),
  reasonSubmittedAt: timestamp('reason_submitted_at', { withTimezone: true, precision: 3 }),
});

/** A member's own report before the meeting: absence, or jäv on an item. */
export const memberReports = pgTable('member_reports', {
  id: id(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id),
  type: text('type', { enum: ['absence', 'jav'] }).notNull(),
  itemId: uuid('item_id').references(() => agendaItems.id),
  note: text('note'),
  createdAt: createdAt(),
});

/** A member's private notes on an item: only the author ever sees them. */
export const memberNotes = pgTable(
  'member_notes',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);

/** Årshjul: what a body's meetings in a month must handle (business plan 6.1.1). */
export const annualCycleItems = pgTable('annual_cycle_items', {
  id: id(),
  bodyId: uuid('body_id')
    .notNull()
    .references(() => bodies.id),
  /** 1–12; an item may name several months by one row each. */
  month: integer('month').notNull(),
  title: text('title').notNull(),
  /** Words that, found in an agenda item's heading, show the item is on the agenda. */
  matchWords: jsonb('match_words').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

/** Every e-mail Kansli sends, with its delivery state; the outbox when no SMTP server is set. */
export const mailLog = pgTable(
  'mail_log',
  {
    id: id(),
    kind: text('kind').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'outbox', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    /** The file in the outbox folder when no SMTP server is configured. */
    outboxFile: text('outbox_file'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('mail_log_meeting_idx').on(t.meetingId)],
);

// ---------------------------------------------------------------------------------------------
// Protocols: paragraphs numbered through the year, justering with signatures, final and sealed.

/** The last § number used per body and year (paragraphs run continuously through the calendar year). */
export const paragraphCounters = pgTable(
  'paragraph_counters',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
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
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    status: text('status', { enum: ['draft', 'locked', 'final'] }).notNull().default('draft'),
    /** Editable texts of the header: other people present, the place of justering, and so on. */
    otherPresent: text('other_present').notNull().default(''),
    justeringPlace: text('justering_place').notNull().default(''),
    justeringDate: date('justering_date'),
    chairPersonId: uuid('chair_person_id').references(() => people.id),
    adjusterPersonId: uuid('adjuster_person_id').references(() => people.id),
    secretaryName: text('secretary_name').notNull().default(''),
    lockedAt: timestamp('locked_at', { withTimezone: true, precision: 3 }),
    /** SHA-256 of the canonical form at locking: what the signers sign. */
    canonicalSha256: text('canonical_sha256'),
    finalAt: timestamp('final_at', { withTimezone: true, precision: 3 }),
    /** The sealed PDF/A of the final protocol and its public version (file_blobs). */
    sealedPdfSha256: text('sealed_pdf_sha256').references(() => fileBlobs.sha256),
    publicPdfSha256: text('public_pdf_sha256').references(() => fileBlobs.sha256),
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
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
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
    immediateJustering: boolean('immediate_justering').notNull().default(false),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('protocol_paragraphs_position_key').on(t.protocolId, t.position), index('protocol_paragraphs_number_idx').on(t.year, t.number)],
);

/** A justering signature: the chair's or the adjuster's, over the canonical SHA-256. */
export const protocolSignatures = pgTable('protocol_signatures', {
  id: id(),
  protocolId: uuid('protocol_id')
    .notNull()
    .references(() => protocols.id),
  /** Set when one paragraph was adjusted on its own at the meeting (omedelbar justering). */
  paragraphId: uuid('paragraph_id').references(() => protocolParagraphs.id),
  personId: uuid('person_id').references(() => people.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  role: text('role', { enum: ['chair', 'adjuster'] }).notNull(),
  method: text('method', { enum: ['webauthn', 'password'] }).notNull(),
  sha256: text('sha256').notNull(),
  credentialId: text('credential_id'),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** KL 5:69: later than 14 days after the meeting. */
  late: boolean('late').notNull().default(false),
});

/** Passkeys (WebAuthn credentials) a user has registered for signing. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    credentialId: text('credential_id').notNull(),
    publicKey: bytea('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    label: text('label').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('webauthn_credentials_id_key').on(t.credentialId)],
);

/** One-time WebAuthn challenges, kept in the database so that any app server can check them. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  challenge: text('challenge').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** A certified extract (protokollsutdrag) of one paragraph. */
export const protocolExtracts = pgTable('protocol_extracts', {
  id: id(),
  paragraphId: uuid('paragraph_id')
    .notNull()
    .references(() => protocolParagraphs.id),
  pdfSha256: text('pdf_sha256')
    .notNull()
    .references(() => fileBlobs.sha256),
  certifiedBy: text('certified_by').notNull(),
  createdAt: createdAt(),
});
