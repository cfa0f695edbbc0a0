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
} from 'drizzle-orm/pg-core';

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
