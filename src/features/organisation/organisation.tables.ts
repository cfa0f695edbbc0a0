/**
 * The organisation feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';

/** An organisation: the joint committee (`committee`) or one of its member municipalities (`municipality`). */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: text('kind', { enum: ['committee', 'municipality'] }).notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** For a municipality: the joint committee it is a member of. */
    committeeId: ref('committee_id', (): AnyPgColumn => organisations.id),
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
    organisationId: ref('organisation_id', () => organisations.id, { onDelete: 'cascade' }).notNull(),
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
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
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
    organisationId: ref('organisation_id', () => organisations.id),
    /** Personnummer (12 digits) a Swedish e-ID asserts; matched at sign-in, never shown publicly. */
    personalIdentityNumber: text('personal_identity_number'),
    /** Set when the person's name and contact details were replaced on request (GDPR). */
    pseudonymisedAt: instant('pseudonymised_at'),
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
    personId: ref('person_id', () => people.id).notNull(),
    bodyId: ref('body_id', () => bodies.id).notNull(),
    municipalityId: ref('municipality_id', () => organisations.id).notNull(),
    role: text('role', { enum: ['member', 'substitute', 'official'] }).notNull(),
    position: text('position', { enum: ['chair', 'vice_chair'] }),
    termFrom: date('term_from').notNull(),
    termTo: date('term_to'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('mandates_body_idx').on(t.bodyId), index('mandates_person_idx').on(t.personId)],
);

/** What a select of each table above returns. */
export type OrganisationRow = typeof organisations.$inferSelect;
export type PopulationRow = typeof populations.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type MandateRow = typeof mandates.$inferSelect;
