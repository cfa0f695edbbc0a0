/**
 * Closed-ballot elections held on the members' devices (sluten omröstning, KL 5 kap. 46–47 §§).
 * A live election keeps the candidates and their running counts in ONE row, and who has voted in
 * another table with nothing else: no choice, no time, no order number. Nothing links a voter to
 * a choice. On closing, the counts go into `elections`/`election_candidates` as the secretary's
 * closed ballot does, and the protocol prints them.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant, ref } from '../../platform/db/columns.js';
import { agendaItems, elections, meetings } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';

export const liveElections = pgTable(
  'live_elections',
  {
    id: id(),
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    itemId: ref('item_id', () => agendaItems.id).notNull(),
    places: integer('places').notNull(),
    /** The candidates' names in ballot order. */
    candidates: jsonb('candidates').$type<string[]>().notNull(),
    /** Votes per candidate, in the order of `candidates`: the whole count in one row, written at each ballot. */
    tally: jsonb('tally').$type<number[]>().notNull(),
    allowBlank: boolean('allow_blank').notNull(),
    blank: integer('blank').notNull().default(0),
    /** Ballots cast: the number of rows in live_election_voters. */
    cast: integer('cast').notNull().default(0),
    /** Those serving when the election opened; a ballot also needs the voter serving when cast. */
    eligible: jsonb('eligible').$type<string[]>().notNull(),
    openedAt: instant('opened_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    closedAt: instant('closed_at'),
    /** The record written on closing. */
    electionId: ref('election_id', () => elections.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('live_elections_one_open_key').on(t.meetingId).where(sql`"closed_at" IS NULL`)],
);

/** That a person has voted, to refuse a second ballot: deliberately nothing more. */
export const liveElectionVoters = pgTable(
  'live_election_voters',
  {
    liveElectionId: ref('live_election_id', () => liveElections.id, { onDelete: 'cascade' }).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
  },
  (t) => [primaryKey({ name: 'live_election_voters_pk', columns: [t.liveElectionId, t.personId] })],
);

/** What a select of each table above returns. */
export type LiveElectionRow = typeof liveElections.$inferSelect;
export type LiveElectionVoterRow = typeof liveElectionVoters.$inferSelect;
