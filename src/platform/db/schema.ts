/**
 * The one Drizzle schema for both databases (PGlite and PostgreSQL).
 * Migrations in `drizzle/` are generated from this file with `npm run db:generate`.
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
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

/**
 * Where a record came from, for the demo committee's records: 'seed' (taken from the seed
 * protocol), 'demo' (invented for the demo: shown as "Exempeldata" wherever the record appears,
 * src/platform/views/example-data.tsx) or null (entered by a user). CHECK in migration 0017.
 */
export const RECORD_ORIGINS = ['seed', 'demo'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];
const origin = () => text('origin', { enum: RECORD_ORIGINS });

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
    /** Per-organisation settings kept as data (e.g. reminder days, where the protocol is kept). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
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
    origin: origin(),
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
    /** KL 6:27, reglemente 13 §: the number of seats, vacancies included; null: one per member municipality. */
    seats: integer('seats'),
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
    /** Reglemente 16 §: the eldest member presides when neither chair nor vice chair can. */
    bornOn: date('born_on'),
    /** The municipality or committee the person belongs to. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Personnummer (12 digits) a Swedish e-ID asserts; matched at sign-in, never shown publicly. */
    personalIdentityNumber: text('personal_identity_number'),
    /** Set when the person's name and contact details were replaced on request (GDPR). */
    pseudonymisedAt: timestamp('pseudonymised_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_org_idx').on(t.organisationId),
    uniqueIndex('people_personal_identity_number_key').on(t.personalIdentityNumber).where(sql`${t.personalIdentityNumber} IS NOT NULL`),
  ],
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
    /** A new TOTP secret, not in use until a code from it is confirmed. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The last accepted TOTP time step: a code is accepted once only. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    locale: text('locale', { enum: ['sv', 'en'] }).notNull().default('sv'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    /** A person links to at most one active account. */
    uniqueIndex('users_person_active_key').on(t.personId).where(sql`${t.personId} is not null and not ${t.disabled}`),
  ],
);

/** One-time password-reset links sent by e-mail; only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
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
  /** The organisation the entry concerns: its readers are that organisation's (or its committee's) admins and auditors. */
  organisationId: uuid('organisation_id'),
  /** The before/after hold secret material: shown only to those who may read secrets there. */
  secret: boolean('secret').notNull().default(false),
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
    origin: origin(),
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
    registeredAt: timestamp('registered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    registeredBy: text('registered_by').notNull(),
    /**
     * Gallrad: the files were destroyed under an approved disposal list on this day; the entry itself
     * (number, date, sender or recipient, description) stays in the registry (OSL 5 kap.).
     */
    disposedOn: date('disposed_on'),
    disposalListId: uuid('disposal_list_id').references((): AnyPgColumn => disposalLists.id),
    /** The decision: the approved list, who approved it and the plan's rule, in words. */
    disposalReference: text('disposal_reference'),
    updatedAt: updatedAt(),
    origin: origin(),
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
    /** Why the meeting was opened before its day or more than a week after it (domain openingOutsideDay); null on its day. */
    openReason: text('open_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    /** The member appointed to adjust the protocol with the chair (reglemente 22 §). */
    adjusterPersonId: uuid('adjuster_person_id').references(() => people.id),
    justeringPlace: text('justering_place'),
    justeringDate: date('justering_date'),
    /** Reglemente 16 §: the member the committee elected to chair when neither chair nor vice chair can. */
    temporaryChairPersonId: uuid('temporary_chair_person_id').references(() => people.id),
    /** The chair shows the big screen (storbild) on the public portal while the meeting is open. */
    livePublic: boolean('live_public').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
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
    /** What a secret item is called in public (OSL 5:2); null: the default (domain publicHeadingOf). */
    publicHeading: text('public_heading'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
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
  /** Bifall, avslag, ändring, tillägg, återremiss or bordläggning (domain MotionKind); null: free text from before migration 0022. */
  kind: text('kind', { enum: ['approve', 'reject', 'amend', 'add', 'refer_back', 'table'] }),
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

/** A member's own report of presence from their device; the secretary confirms it into attendance_events. */
export const liveCheckins = pgTable(
  'live_checkins',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** In the room, or taking part remotely (KL 5:16 via 6:24). */
    mode: text('mode', { enum: ['present', 'remote'] }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, precision: 3 }),
    attendanceEventId: uuid('attendance_event_id').references(() => attendanceEvents.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ name: 'live_checkins_pk', columns: [t.meetingId, t.personId] })],
);

/** Talarlistan: a request to speak (or a reply, replik) on an item, in order. */
export const liveSpeakers = pgTable(
  'live_speakers',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['speak', 'reply'] }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
    removed: boolean('removed').notNull().default(false),
  },
  (t) => [index('live_speakers_meeting_idx').on(t.meetingId, t.itemId)],
);

/**
 * An electronic open vote while it runs: who may vote (those serving at the item when it opened),
 * until when; on closing it is recorded in votes/vote_ballots as a manual vote is (vote_id).
 */
export const liveVotes = pgTable(
  'live_votes',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** 'proposal' or 'motion:<id>', as the manual vote form takes them. */
    yesAlternative: text('yes_alternative').notNull(),
    noAlternative: text('no_alternative').notNull(),
    yesMeans: text('yes_means').notNull(),
    noMeans: text('no_means').notNull(),
    eligible: jsonb('eligible').$type<string[]>().notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true, precision: 3 }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    voteId: uuid('vote_id').references(() => votes.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('live_votes_one_open_key').on(t.meetingId).where(sql`"closed_at" IS NULL`)],
);

export const liveBallots = pgTable(
  'live_ballots',
  {
    liveVoteId: uuid('live_vote_id')
      .notNull()
      .references(() => liveVotes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    castAt: timestamp('cast_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'live_ballots_pk', columns: [t.liveVoteId, t.personId] })],
);

/**
 * Val (election) at a meeting: places, the candidates' counts, and the lot when candidates tied
 * across the last place(s) (KL 5:55–56). A closed ballot keeps only the counts: no ballots.
 */
export const elections = pgTable(
  'elections',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    places: integer('places').notNull(),
    closedBallot: boolean('closed_ballot').notNull().default(false),
    /** Everyone elected, the lot's winners included. */
    elected: jsonb('elected').$type<string[]>().notNull().default([]),
    lotteryAmong: jsonb('lottery_among').$type<string[]>(),
    lotteryPlaces: integer('lottery_places'),
    lotteryDrawn: jsonb('lottery_drawn').$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('elections_item_idx').on(t.itemId)],
);

export const electionCandidates = pgTable(
  'election_candidates',
  {
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    votes: integer('votes').notNull(),
  },
  (t) => [primaryKey({ name: 'election_candidates_pk', columns: [t.electionId, t.position] })],
);

/** How each member voted in an open election (KL 5:67); never written for a closed ballot. */
export const electionBallots = pgTable(
  'election_ballots',
  {
    electionId: uuid('election_id')
      .notNull()
      .references(() => elections.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    municipalityId: uuid('municipality_id').references(() => organisations.id),
    /** Null: abstained. */
    candidate: text('candidate'),
  },
  (t) => [primaryKey({ name: 'election_ballots_pk', columns: [t.electionId, t.personId] })],
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
/** A queued mail's message, stored with its log row until it is delivered. */
export interface QueuedMailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; contentType?: string; sha256: string }[];
}

export const mailLog = pgTable(
  'mail_log',
  {
    id: id(),
    kind: text('kind').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /** 'queued' until delivered; 'sending' while a dispatcher holds it; then 'sent', 'outbox' or, after the last attempt, 'failed'. */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'outbox', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    /** The file in the outbox folder when no SMTP server is configured. */
    outboxFile: text('outbox_file'),
    /** The message of a queued mail (attachments by their file_blobs SHA-256), kept until it is delivered. */
    payload: jsonb('payload').$type<QueuedMailPayload>(),
    /** A queued mail is not tried before this time (the delay after a failed attempt). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }),
    /** When a dispatcher took it; a mail 'sending' for long was cut off and is taken again. */
    claimedAt: timestamp('claimed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('mail_log_meeting_idx').on(t.meetingId), index('mail_log_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Issue 18: an e-mail telling someone that a task has become theirs (a protocol to adjust, a notice
 * to post). The key (kind, ref, recipient) is claimed before the mail is queued, so that each goes out once;
 * `no_account` records a signer without a user account, who could not be told.
 */
export const taskNotifications = pgTable(
  'task_notifications',
  {
    id: id(),
    /** 'justering.locked' (ref: protocol), 'posting.manual' (ref: notice). */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    /** 'person:<id>' for a signer, 'user:<id>' for a registrar. */
    recipientKey: text('recipient_key').notNull(),
    personId: uuid('person_id').references(() => people.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** 'queued': the mail is in the queue (its state in mail_log); 'no_account': nobody to send to. */
    status: text('status', { enum: ['queued', 'no_account'] }).notNull(),
    mailLogId: uuid('mail_log_id').references(() => mailLog.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('task_notifications_key').on(t.kind, t.refId, t.recipientKey)],
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
    /**
     * The canonical form canonical_sha256 was computed with (protocol.model.ts `canonicalProtocol`):
     * 1 signs the planned justering date (protocols locked before migration 0016), 2 leaves it out.
     */
    digestVersion: smallint('digest_version').notNull().default(2),
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
    /** What a secret paragraph is called in the public version, the notice and the extract. */
    publicHeading: text('public_heading'),
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
  /** 'passkey', 'totp' or 'e-id'; signatures made before issue 15 may read 'webauthn' (a passkey) or 'password'. */
  method: text('method', { enum: ['passkey', 'totp', 'e-id', 'webauthn', 'password'] }).notNull(),
  sha256: text('sha256').notNull(),
  credentialId: text('credential_id'),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** KL 5:69: later than 14 days after the meeting. */
  late: boolean('late').notNull().default(false),
  /** For method e-id: the provider's name, the level of assurance (acr) and when the signer authenticated. */
  assuranceProvider: text('assurance_provider'),
  assuranceLevel: text('assurance_level'),
  authenticatedAt: timestamp('authenticated_at', { withTimezone: true, precision: 3 }),
  /** Set once when the protocol was unlocked for correction after this signature (issue 18): it no longer counts. */
  voidedAt: timestamp('voided_at', { withTimezone: true, precision: 3 }),
  voidedReason: text('voided_reason'),
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

/**
 * A final protocol as it was at justering (issue 16): the document (the protocol model as JSON),
 * the signatures with the names they had, and both sealed PDFs. Written once, in the transaction
 * that makes the protocol final (or on first read for protocols made final before this table);
 * every later view of a final protocol reads it. The database refuses updates and deletes.
 */
export const protocolSnapshots = pgTable('protocol_snapshots', {
  protocolId: uuid('protocol_id')
    .primaryKey()
    .references(() => protocols.id),
  document: jsonb('document').notNull(),
  /** protocolDigest(document, digestVersion): equals protocols.canonical_sha256 unless the snapshot was made late from changed data. */
  documentSha256: text('document_sha256').notNull(),
  /** The canonical form of document_sha256: the protocol's digest version (1 for every snapshot before migration 0016). */
  digestVersion: smallint('digest_version').notNull().default(1),
  signatures: jsonb('signatures').notNull().default([]),
  /** The open votes of the protocol's public paragraphs with each ballot's person and name, for OParl. */
  votes: jsonb('votes').notNull().default([]),
  fullPdfSha256: text('full_pdf_sha256')
    .notNull()
    .references(() => fileBlobs.sha256),
  publicPdfSha256: text('public_pdf_sha256')
    .notNull()
    .references(() => fileBlobs.sha256),
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
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
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
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
    /** The paragraph of the locked copy commented on, with its § and heading as the signer read them. */
    paragraphId: uuid('paragraph_id').notNull(),
    paragraphNumber: integer('paragraph_number'),
    paragraphHeading: text('paragraph_heading').notNull(),
    /** The locked digest the signer read. */
    protocolSha256: text('protocol_sha256').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role', { enum: ['chair', 'adjuster'] }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolution: text('resolution', { enum: ['answered', 'applied'] }),
    answer: text('answer'),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }),
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
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
    /** 1, 2, … within the protocol. */
    number: integer('number').notNull(),
    /** The paragraph corrected, or null for the protocol's header. */
    paragraphId: uuid('paragraph_id').references(() => protocolParagraphs.id),
    /** What was wrong and what it should read. */
    correction: text('correction').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    /** Shown in the public version (not when it corrects a paragraph under secrecy). */
    public: boolean('public').notNull(),
    pdfSha256: text('pdf_sha256')
      .notNull()
      .references(() => fileBlobs.sha256),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('protocol_corrections_number_key').on(t.protocolId, t.number)],
);

// ---------------------------------------------------------------------------------------------
// Publication: the justering notice on every member municipality's notice board (anslagstavla).

/**
 * One notice of one final protocol on one member municipality's board. The appeal period of a
 * joint committee counts from the latest `postedOn` of all rows of the protocol (KL 13:5).
 */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
    /** Set for the notice of one paragraph adjusted at the meeting (omedelbar justering, KL 8:12). */
    paragraphId: uuid('paragraph_id').references(() => protocolParagraphs.id),
    /** The member municipality whose board carries the notice. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** When Kansli posts automatically; null with `postingMethod = 'manual'` until the registrar records it. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, precision: 3 }),
    postingMethod: text('posting_method', { enum: ['automatic', 'manual'] }).notNull().default('automatic'),
    /** The day the notice was put up (the registrar's date when posted by hand). */
    postedOn: date('posted_on'),
    postedAt: timestamp('posted_at', { withTimezone: true, precision: 3 }),
    postedByUserId: uuid('posted_by_user_id').references(() => users.id),
    /** Where the municipality posted it by hand (its own site), if it did. */
    externalUrl: text('external_url'),
    takenDownOn: date('taken_down_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notices_protocol_org_key').on(t.protocolId, t.organisationId).where(sql`${t.paragraphId} is null`),
    uniqueIndex('notices_paragraph_org_key').on(t.paragraphId, t.organisationId).where(sql`${t.paragraphId} is not null`),
    index('notices_org_idx').on(t.organisationId, t.postedOn),
  ],
);

/** A correction of a recorded posting date: the only way it changes (a trigger refuses any other), shown on the board. */
export const noticeCorrections = pgTable(
  'notice_corrections',
  {
    id: id(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    previousPostedOn: date('previous_posted_on').notNull(),
    correctedPostedOn: date('corrected_posted_on').notNull(),
    reason: text('reason').notNull(),
    correctedByUserId: uuid('corrected_by_user_id')
      .notNull()
      .references(() => users.id),
    /** The name shown on the board, as it was when the correction was made. */
    correctedByName: text('corrected_by_name').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('notice_corrections_notice_idx').on(t.noticeId)],
);

/**
 * KL 8:9, 8:12, 13:5: the municipality has confirmed that Kansli's board (`kansli`) or its
 * embedding at `embedUrl` (`embedded`) is its official notice board; who confirmed and when.
 * Without this row a posting on Kansli's board is not the municipality's posting.
 */
export const officialBoardConfirmations = pgTable('official_board_confirmations', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => organisations.id),
  kind: text('kind', { enum: ['kansli', 'embedded'] }).notNull(),
  embedUrl: text('embed_url'),
  confirmedBy: text('confirmed_by').notNull(),
  confirmedOn: date('confirmed_on').notNull(),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  origin: origin(),
});

/** Feedback from the accessibility statement's form (lag 2018:1937). */
export const accessibilityFeedback = pgTable('accessibility_feedback', {
  id: id(),
  pageUrl: text('page_url').notNull().default(''),
  message: text('message').notNull(),
  contact: text('contact').notNull().default(''),
  createdAt: createdAt(),
  handledAt: timestamp('handled_at', { withTimezone: true, precision: 3 }),
});

/**
 * Tombstones for objects that were deleted, so that open-data readers (OParl `deleted: true`)
 * and synchronising clients learn of the deletion. `kind` is the OParl type name in lower case.
 */
export const deletedObjects = pgTable(
  'deleted_objects',
  {
    kind: text('kind').notNull(),
    objectId: uuid('object_id').notNull(),
    /** The body or organisation the object belonged to, for list filtering. */
    parentId: uuid('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.objectId] }), index('deleted_objects_deleted_idx').on(t.kind, t.deletedAt)],
);

// ---------------------------------------------------------------------------------------------
// Cooperation: joint initiatives and every member municipality's own decision at each phase.

/** One phase of a process template and the decisions it requires, and by whom. */
export interface ProcessPhaseTemplate {
  key: string;
  label: { sv: string; en: string };
  decisions: {
    key: string;
    label: { sv: string; en: string };
    by: 'each_municipality' | 'preparation_group' | 'committee' | 'steering_group' | 'procuring_municipality';
    /** Required for the phase to close. */
    required: boolean;
    /** A yes here makes the municipality a participant of the phase. */
    joins?: boolean;
  }[];
}

/** The process as data: phases and required decisions; the seed's diagram is the default template. */
export const processTemplates = pgTable('process_templates', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  phases: jsonb('phases').$type<ProcessPhaseTemplate[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A joint initiative (e.g. a shared system) moving through the phases of its template. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => processTemplates.id),
    caseId: uuid('case_id').references(() => cases.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The key of the current phase in the template. */
    phaseKey: text('phase_key').notNull(),
    status: text('status', { enum: ['active', 'stopped', 'completed'] }).notNull().default('active'),
    /** The municipality that procures on behalf of the participants. */
    procuringOrganisationId: uuid('procuring_organisation_id').references(() => organisations.id),
    /** The cost allocation key (default: by population among participants). */
    allocationKey: jsonb('allocation_key').$type<Record<string, unknown>>().notNull().default({ kind: 'population' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [index('initiatives_committee_idx').on(t.committeeId)],
);

/** A phase of an initiative: opened, budgeted, closed with its participants fixed. */
export const initiativePhases = pgTable(
  'initiative_phases',
  {
    id: id(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    phaseKey: text('phase_key').notNull(),
    position: integer('position').notNull(),
    /** Budget of the phase in whole kronor. */
    budget: bigint('budget', { mode: 'number' }).notNull().default(0),
    decisionDeadline: date('decision_deadline'),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    /** Municipality ids that participated when the phase was closed. */
    participants: jsonb('participants').$type<string[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('initiative_phases_key').on(t.initiativeId, t.phaseKey)],
);

/** One cell of the decision matrix: one organisation's decision on one required decision of a phase. */
export const initiativeDecisions = pgTable(
  'initiative_decisions',
  {
    id: id(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    phaseKey: text('phase_key').notNull(),
    decisionKey: text('decision_key').notNull(),
    /** The deciding organisation: a municipality, or the committee for its own and its groups' decisions. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: ['pending', 'yes', 'no', 'not_applicable'] }).notNull().default('pending'),
    /** The municipality's own reference: its body, date, paragraph, and extract (document or link). */
    decidingBody: text('deciding_body').notNull().default(''),
    decidedOn: date('decided_on'),
    paragraph: text('paragraph').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id),
    /** For the committee's own decisions: the protocol paragraph. */
    protocolParagraphId: uuid('protocol_paragraph_id').references(() => protocolParagraphs.id),
    link: text('link').notNull().default(''),
    note: text('note').notNull().default(''),
    deadline: date('deadline'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('initiative_decisions_cell_key').on(t.initiativeId, t.phaseKey, t.decisionKey, t.organisationId)],
);

/** Every change of a decision cell, append-only. */
export const initiativeDecisionHistory = pgTable(
  'initiative_decision_history',
  {
    id: id(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => initiativeDecisions.id),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    origin: origin(),
  },
  (t) => [index('initiative_decision_history_idx').on(t.decisionId, t.recordedAt)],
);

/** Fullmakt: a participant's power of attorney to the procuring municipality. */
export const powersOfAttorney = pgTable(
  'powers_of_attorney',
  {
    id: id(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    procuringOrganisationId: uuid('procuring_organisation_id')
      .notNull()
      .references(() => organisations.id),
    grantedOn: date('granted_on').notNull(),
    reference: text('reference').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id),
    createdAt: createdAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('powers_of_attorney_key').on(t.initiativeId, t.organisationId)],
);

/** Reminders sent, so that each is sent once (kind, the thing it concerns, to whom, for which day). */
export const reminderLog = pgTable(
  'reminder_log',
  {
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    dueOn: date('due_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.refId, t.organisationId, t.dueOn] })],
);

// ---------------------------------------------------------------------------------------------
// Economy: cost objects with budgets and allocation keys, PKV, outcome imports, reports.

/** A cost object of a year: base funding, a management service, a shared service or a project. */
export const costObjects = pgTable(
  'cost_objects',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['base_funding', 'management', 'shared_service', 'project'] }).notNull(),
    /** advance: paid in January; arrears: invoiced afterwards; supplier: invoiced by the supplier (shown, not invoiced). */
    invoicing: text('invoicing', { enum: ['advance', 'arrears', 'supplier'] }).notNull().default('advance'),
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    /** The allocation key as data (equal, population of a year, mixed, fixed amounts, participants). */
    allocationKey: jsonb('allocation_key').$type<Record<string, unknown>>().notNull().default({ kind: 'equal' }),
    /** Budget in whole kronor. */
    budgetIncome: bigint('budget_income', { mode: 'number' }).notNull().default(0),
    budgetCost: bigint('budget_cost', { mode: 'number' }).notNull().default(0),
    forecastIncome: bigint('forecast_income', { mode: 'number' }),
    forecastCost: bigint('forecast_cost', { mode: 'number' }),
    /** Surplus (+) or deficit (-) carried over from the previous year. */
    carriedOver: bigint('carried_over', { mode: 'number' }).notNull().default(0),
    comment: text('comment').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [uniqueIndex('cost_objects_code_key').on(t.committeeId, t.year, t.code)],
);

/** SKR's PKV reading (October) used to index the next year's amounts. */
export const pkvReadings = pgTable(
  'pkv_readings',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    /** The year the reading indexes (the reading of October 2022 indexes 2023). */
    year: integer('year').notNull(),
    readOn: date('read_on').notNull(),
    pkvPercent: numeric('pkv_percent', { precision: 6, scale: 2 }).notNull(),
    source: text('source').notNull().default(''),
    createdAt: createdAt(),
    origin: origin(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year] })],
);

/** One import (or manual entry) of outcome from the host's ledger. */
export const outcomeImports = pgTable('outcome_imports', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  year: integer('year').notNull(),
  format: text('format', { enum: ['sie4', 'csv', 'manual'] }).notNull(),
  fileName: text('file_name').notNull().default(''),
  fileSha256: text('file_sha256'),
  encoding: text('encoding'),
  /** The outcome is up to and including this date. */
  periodTo: date('period_to').notNull(),
  /** What was read: counts, totals, unmapped rows (for the record). */
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  importedByUserId: uuid('imported_by_user_id').references(() => users.id),
  createdAt: createdAt(),
});

/** Outcome per cost object, account and cost centre, in öre (signed as in the ledger). */
export const outcomeEntries = pgTable(
  'outcome_entries',
  {
    id: id(),
    importId: uuid('import_id')
      .notNull()
      .references(() => outcomeImports.id),
    costObjectId: uuid('cost_object_id')
      .notNull()
      .references(() => costObjects.id),
    kind: text('kind', { enum: ['income', 'cost'] }).notNull(),
    account: text('account').notNull().default(''),
    costCentre: text('cost_centre').notNull().default(''),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  },
  (t) => [index('outcome_entries_import_idx').on(t.importId), index('outcome_entries_object_idx').on(t.costObjectId)],
);

/** How ledger accounts (and optionally cost centres) map to cost objects; remembered across imports. */
export const accountMappings = pgTable(
  'account_mappings',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    account: text('account').notNull(),
    /** Empty: any cost centre. */
    costCentre: text('cost_centre').notNull().default(''),
    /** The cost object's code (codes persist across years); empty with `ignore`. */
    costObjectCode: text('cost_object_code').notNull().default(''),
    kind: text('kind', { enum: ['income', 'cost', 'ignore'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.account, t.costCentre] })],
);

/** A comment on a cost object's deviation in the report for a date. */
export const outcomeComments = pgTable(
  'outcome_comments',
  {
    costObjectId: uuid('cost_object_id')
      .notNull()
      .references(() => costObjects.id),
    periodTo: date('period_to').notNull(),
    comment: text('comment').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.costObjectId, t.periodTo] })],
);

// ---------------------------------------------------------------------------------------------
// Planning and follow-up: business plan, goals and indicators, internal control, checklists, portfolio.

/** Verksamhetsplan of a year as a structured document. */
export const businessPlans = pgTable(
  'business_plans',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Sections by key: purpose, strategicDirection, effectGoals, organisation, annualCycle, economy. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: ['draft', 'tabled', 'adopted'] }).notNull().default('draft'),
    /** The protocol paragraph that adopted (or tabled) the plan. */
    paragraphId: uuid('paragraph_id').references(() => protocolParagraphs.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('business_plans_year_key').on(t.committeeId, t.year)],
);

/** Utgåvehistorik: edition, date, comment. */
export const businessPlanEditions = pgTable('business_plan_editions', {
  id: id(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => businessPlans.id, { onDelete: 'cascade' }),
  edition: text('edition').notNull(),
  editedOn: date('edited_on').notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: createdAt(),
});

export const goals = pgTable('goals', {
  id: id(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => businessPlans.id, { onDelete: 'cascade' }),
  position: integer('position').notNull().default(0),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An indicator of a goal: measured from Kansli's data (`measure`) or entered by hand (`manual`). */
export const indicators = pgTable('indicators', {
  id: id(),
  goalId: uuid('goal_id')
    .notNull()
    .references(() => goals.id, { onDelete: 'cascade' }),
  position: integer('position').notNull().default(0),
  name: text('name').notNull(),
  measure: text('measure', {
    enum: ['committee_meetings', 'member_attendance', 'prep_meetings', 'prep_municipality_share', 'followup_dialogues', 'manual'],
  }).notNull(),
  /** The target as written ("minst 4", "100 %, minst 75 %") and as numbers. */
  targetText: text('target_text').notNull().default(''),
  target: numeric('target', { precision: 12, scale: 2 }),
  minimum: numeric('minimum', { precision: 12, scale: 2 }),
  maximum: numeric('maximum', { precision: 12, scale: 2 }),
  unit: text('unit').notNull().default(''),
  createdAt: createdAt(),
});

/** A tertial follow-up of an indicator: value (hand-entered or a snapshot of the measured), status, comment. */
export const indicatorFollowups = pgTable(
  'indicator_followups',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    tertial: integer('tertial').notNull(),
    value: numeric('value', { precision: 12, scale: 2 }),
    status: text('status', { enum: ['met', 'on_track', 'at_risk', 'not_met'] }),
    comment: text('comment').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_followups_key').on(t.indicatorId, t.year, t.tertial)],
);

/** A follow-up dialogue (uppföljningsdialog) held with a member municipality. */
export const followupDialogues = pgTable('followup_dialogues', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  heldOn: date('held_on').notNull(),
  note: text('note').notNull().default(''),
  createdAt: createdAt(),
});

/** A risk of the internal control plan: probability × consequence (1–4 each). */
export const risks = pgTable('risks', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  year: integer('year').notNull(),
  position: integer('position').notNull().default(0),
  title: text('title').notNull(),
  responsible: text('responsible').notNull().default(''),
  method: text('method').notNull().default(''),
  probability: integer('probability').notNull(),
  consequence: integer('consequence').notNull(),
  decision: text('decision', { enum: ['accepted', 'internal_control'] }).notNull(),
  analysis: text('analysis').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A mandatory control point issued by the host's executive board, and the committee's assessment. */
export const controlPoints = pgTable('control_points', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  year: integer('year').notNull(),
  issuedBy: text('issued_by').notNull().default(''),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  assessment: text('assessment').notNull().default(''),
  riskId: uuid('risk_id').references(() => risks.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A control activity with owner, due date and result. */
export const controlActivities = pgTable('control_activities', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  year: integer('year').notNull(),
  riskId: uuid('risk_id').references(() => risks.id),
  controlPointId: uuid('control_point_id').references(() => controlPoints.id),
  title: text('title').notNull(),
  owner: text('owner').notNull().default(''),
  dueOn: date('due_on'),
  status: text('status', { enum: ['planned', 'done'] }).notNull().default('planned'),
  result: text('result').notNull().default(''),
  completedOn: date('completed_on'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  origin: origin(),
});

/** A checklist template (e.g. the 25 statements of the yearly work-environment follow-up). */
export const checklistTemplates = pgTable('checklist_templates', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  statements: jsonb('statements').$type<{ key: string; text: string; area?: string }[]>().notNull(),
  createdAt: createdAt(),
});

/** A yearly checklist from a template. */
export const checklists = pgTable(
  'checklists',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => checklistTemplates.id),
    year: integer('year').notNull(),
    status: text('status', { enum: ['open', 'completed'] }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('checklists_year_key').on(t.templateId, t.year)],
);

export const checklistAnswers = pgTable(
  'checklist_answers',
  {
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => checklists.id, { onDelete: 'cascade' }),
    statementKey: text('statement_key').notNull(),
    answer: text('answer', { enum: ['yes', 'partly', 'no', 'not_applicable'] }).notNull(),
    explanation: text('explanation').notNull().default(''),
    /** Required for "partly" and "no": an action with owner and date. */
    action: text('action').notNull().default(''),
    actionOwner: text('action_owner').notNull().default(''),
    actionDueOn: date('action_due_on'),
    updatedAt: updatedAt(),
    origin: origin(),
  },
  (t) => [primaryKey({ columns: [t.checklistId, t.statementKey] })],
);

/** Portfolio: a project, managed service or ongoing work with phase, status and time plan. */
export const portfolioItems = pgTable('portfolio_items', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  kind: text('kind', { enum: ['project', 'managed_service', 'ongoing'] }).notNull(),
  name: text('name').notNull(),
  phase: text('phase').notNull().default(''),
  status: text('status', { enum: ['on_track', 'at_risk', 'delayed', 'paused', 'done'] }).notNull().default('on_track'),
  timePlan: text('time_plan').notNull().default(''),
  comment: text('comment').notNull().default(''),
  initiativeId: uuid('initiative_id').references(() => initiatives.id),
  participants: jsonb('participants').$type<string[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------
// Archive and data protection: document management plan, deliveries, disposal, personal data.

/** Dokumenthanteringsplan: per classification code, keep or dispose after N years. */
export const retentionRules = pgTable(
  'retention_rules',
  {
    id: id(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
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
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  scope: text('scope', { enum: ['year', 'case'] }).notNull(),
  year: integer('year'),
  caseId: uuid('case_id').references(() => cases.id),
  packageId: text('package_id').notNull(),
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull().default('running'),
  progress: integer('progress').notNull().default(0),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
});

export const archiveDeliveryItems = pgTable(
  'archive_delivery_items',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => archiveDeliveries.id),
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
  caseId: uuid('case_id').references(() => cases.id),
  documentId: uuid('document_id').references(() => documents.id),
  reason: text('reason').notNull(),
  placedByUserId: uuid('placed_by_user_id').references(() => users.id),
  placedAt: timestamp('placed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  releasedAt: timestamp('released_at', { withTimezone: true, precision: 3 }),
});

/** A disposal list (gallringslista): proposed, approved by a named person, then executed. */
export const disposalLists = pgTable('disposal_lists', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  status: text('status', { enum: ['proposed', 'approved', 'executed', 'cancelled'] }).notNull().default('proposed'),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
  approvedByName: text('approved_by_name'),
  approvedAt: timestamp('approved_at', { withTimezone: true, precision: 3 }),
  executedAt: timestamp('executed_at', { withTimezone: true, precision: 3 }),
  createdAt: createdAt(),
});

/** What a disposal list holds; kept after execution as the record of what was disposed of. */
export const disposalItems = pgTable(
  'disposal_items',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => disposalLists.id),
    /** No foreign key: the document is gone after execution; the record stays. */
    documentId: uuid('document_id').notNull(),
    handlingId: text('handling_id').notNull(),
    caseNumber: text('case_number').notNull(),
    description: text('description').notNull(),
    ruleId: uuid('rule_id').references(() => retentionRules.id),
    ruleText: text('rule_text').notNull(),
    disposedAt: timestamp('disposed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.listId, t.documentId] })],
);

/** The register of processing of personal data (GDPR art. 30). */
export const personalDataProcessing = pgTable('personal_data_processing', {
  id: id(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  legalBasis: text('legal_basis').notNull(),
  categoriesOfData: text('categories_of_data').notNull().default(''),
  categoriesOfPeople: text('categories_of_people').notNull().default(''),
  recipients: text('recipients').notNull().default(''),
  /** Art. 30(1)(e): transfers to a third country or an international organisation, with the safeguards; "Inga" when none. */
  thirdCountryTransfers: text('third_country_transfers').notNull().default(''),
  retention: text('retention').notNull().default(''),
  /** Art. 30(1)(g), 32(1): a general description of the technical and organisational security measures. */
  securityMeasures: text('security_measures').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Art. 30(1)(a): the controller (the committee) and its data protection officer, with contact details; the register's head. */
export const personalDataControllers = pgTable('personal_data_controllers', {
  committeeId: uuid('committee_id')
    .primaryKey()
    .references(() => organisations.id),
  controllerName: text('controller_name').notNull(),
  controllerContact: text('controller_contact').notNull(),
  dpoName: text('dpo_name').notNull(),
  dpoContact: text('dpo_contact').notNull(),
  updatedAt: updatedAt(),
});

/** A package read back from an e-archive delivery: read-only archive content. */
export const archivedPackages = pgTable(
  'archived_packages',
  {
    id: id(),
    /** The committee whose archive the package is (the archive creator it was imported for). */
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => organisations.id),
    packageId: text('package_id').notNull(),
    label: text('label').notNull(),
    mets: jsonb('mets').$type<Record<string, unknown>>().notNull().default({}),
    importedAt: timestamp('imported_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('archived_packages_key').on(t.packageId), index('archived_packages_committee_idx').on(t.committeeId)],
);

export const archivedObjects = pgTable(
  'archived_objects',
  {
    id: id(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => archivedPackages.id),
    kind: text('kind', { enum: ['case', 'document', 'file', 'protocol'] }).notNull(),
    path: text('path').notNull(),
    title: text('title').notNull().default(''),
    sha256: text('sha256').references(() => fileBlobs.sha256),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('archived_objects_package_idx').on(t.packageId)],
);

// ---------------------------------------------------------------------------------------------
// OpenID Connect sign-in (issue 22): providers are configured in the environment.

/** A sign-in or a signing started at a provider, until its answer comes back (one use). */
export const oidcTransactions = pgTable('oidc_transactions', {
  state: text('state').primaryKey(),
  providerId: text('provider_id').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** `signin`, or `sign:<protocol id>:<paragraph id or "protocol">` for a justering. */
  purpose: text('purpose').notNull(),
  /** For a signing: the signed-in user who must be the one authenticating. */
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  returnTo: text('return_to').notNull().default('/'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** The provider's side of a Kansli session: ended with it by back- or front-channel logout. */
export const oidcSessions = pgTable(
  'oidc_sessions',
  {
    tokenHash: text('token_hash')
      .primaryKey()
      .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    subject: text('subject').notNull(),
    providerSessionId: text('provider_session_id'),
    /** Level of assurance, e.g. http://id.elegnamnden.se/loa/1.0/loa3. */
    acr: text('acr'),
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true, precision: 3 }),
    /** Sent back as id_token_hint when the user signs out of Kansli. */
    idToken: text('id_token').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('oidc_sessions_provider_sid_idx').on(t.providerId, t.providerSessionId), index('oidc_sessions_provider_subject_idx').on(t.providerId, t.subject)],
);
// eslint-disable-next-line no-restricted-imports -- per-feature table files, re-exported so Drizzle sees one schema
export * from '../../features/economy/account-ranges.schema.js';
