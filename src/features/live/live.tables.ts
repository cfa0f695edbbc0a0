/**
 * The live feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant, ref } from '../../platform/db/columns.js';
import { agendaItems, attendanceEvents, meetings, votes } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';

/** A member's own report of presence from their device; the secretary confirms it into attendance_events. */
export const liveCheckins = pgTable(
  'live_checkins',
  {
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    /** In the room, or taking part remotely (KL 5:16 via 6:24). */
    mode: text('mode', { enum: ['present', 'remote'] }).notNull(),
    reportedAt: instant('reported_at').notNull().defaultNow(),
    confirmedAt: instant('confirmed_at'),
    attendanceEventId: ref('attendance_event_id', () => attendanceEvents.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ name: 'live_checkins_pk', columns: [t.meetingId, t.personId] })],
);
/** Talarlistan: a request to speak (or a reply, replik) on an item, in order. */
export const liveSpeakers = pgTable(
  'live_speakers',
  {
    id: id(),
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    itemId: ref('item_id', () => agendaItems.id).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    kind: text('kind', { enum: ['speak', 'reply'] }).notNull(),
    requestedAt: instant('requested_at').notNull().defaultNow(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
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
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    itemId: ref('item_id', () => agendaItems.id).notNull(),
    /** 'proposal' or 'motion:<id>', as the manual vote form takes them. */
    yesAlternative: text('yes_alternative').notNull(),
    noAlternative: text('no_alternative').notNull(),
    yesMeans: text('yes_means').notNull(),
    noMeans: text('no_means').notNull(),
    eligible: jsonb('eligible').$type<string[]>().notNull(),
    openedAt: instant('opened_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    closedAt: instant('closed_at'),
    voteId: ref('vote_id', () => votes.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('live_votes_one_open_key').on(t.meetingId).where(sql`"closed_at" IS NULL`)],
);
export const liveBallots = pgTable(
  'live_ballots',
  {
    liveVoteId: ref('live_vote_id', () => liveVotes.id, { onDelete: 'cascade' }).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    castAt: instant('cast_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'live_ballots_pk', columns: [t.liveVoteId, t.personId] })],
);

/** What a select of each table above returns. */
export type LiveCheckinRow = typeof liveCheckins.$inferSelect;
export type LiveSpeakerRow = typeof liveSpeakers.$inferSelect;
export type LiveVoteRow = typeof liveVotes.$inferSelect;
export type LiveBallotRow = typeof liveBallots.$inferSelect;
