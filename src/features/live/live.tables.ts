/**
 * The live feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../../platform/db/columns.js';
import { agendaItems, attendanceEvents, meetings, votes } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';

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
