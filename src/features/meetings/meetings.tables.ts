/**
 * The meetings feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, origin, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../auth/auth.tables.js';
import { bodies, organisations, people } from '../organisation/organisation.tables.js';
import { cases, documents } from '../registry/registry.tables.js';

/** A meeting of a body (the committee or the preparation group), or a strategy day. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    bodyId: ref('body_id', () => bodies.id).notNull(),
    kind: text('kind', { enum: ['meeting', 'strategy_day'] }).notNull().default('meeting'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at'),
    place: text('place').notNull(),
    status: text('status', { enum: ['planned', 'open', 'closed', 'cancelled'] }).notNull().default('planned'),
    noticeSentAt: instant('notice_sent_at'),
    /** Reglemente 10 §: a notice sent later than the notice period needs a recorded reason. */
    noticeLateReason: text('notice_late_reason'),
    openedAt: instant('opened_at'),
    /** Why the meeting was opened before its day or more than a week after it (domain openingOutsideDay); null on its day. */
    openReason: text('open_reason'),
    closedAt: instant('closed_at'),
    /** The member appointed to adjust the protocol with the chair (reglemente 22 §). */
    adjusterPersonId: ref('adjuster_person_id', () => people.id),
    justeringPlace: text('justering_place'),
    justeringDate: date('justering_date'),
    /** Reglemente 16 §: the member the committee elected to chair when neither chair nor vice chair can. */
    temporaryChairPersonId: ref('temporary_chair_person_id', () => people.id),
    /** The chair shows the big screen (storbild) on the public portal while the meeting is open. */
    livePublic: boolean('live_public').notNull().default(false),
    /** Talartid: minutes per speaker entry the chair set for the meeting; null: no limit. */
    speakerMinutes: integer('speaker_minutes'),
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
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['decision', 'information', 'election'] }).notNull().default('decision'),
    caseId: ref('case_id', () => cases.id),
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
    tabledToMeetingId: ref('tabled_to_meeting_id', (): AnyPgColumn => meetings.id),
    tabledFromItemId: ref('tabled_from_item_id', (): AnyPgColumn => agendaItems.id),
    protocolNotes: text('protocol_notes').notNull().default(''),
    immediateJustering: boolean('immediate_justering').notNull().default(false),
    isSecret: boolean('is_secret').notNull().default(false),
    /** The OSL provision a secret item is kept secret under, in full (OSL 5:5); null for a public item. */
    secrecyProvision: text('secrecy_provision'),
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
    itemId: ref('item_id', () => agendaItems.id, { onDelete: 'cascade' }).notNull(),
    documentId: ref('document_id', () => documents.id).notNull(),
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
    meetingId: ref('meeting_id', () => meetings.id).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    type: text('type', { enum: ['present', 'remote', 'absent', 'arrived', 'left', 'jav'] }).notNull(),
    /** The item from which the event counts (null: from the start of the meeting). */
    itemId: ref('item_id', () => agendaItems.id),
    note: text('note'),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('attendance_events_meeting_idx').on(t.meetingId)],
);
/** A motion (yrkande) by a member on an item. */
export const motions = pgTable('motions', {
  id: id(),
  itemId: ref('item_id', () => agendaItems.id).notNull(),
  personId: ref('person_id', () => people.id).notNull(),
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
  itemId: ref('item_id', () => agendaItems.id).notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  outcome: text('outcome', { enum: ['approved', 'rejected'] }).notNull(),
  createdAt: createdAt(),
});
/** An open vote (votering), or a lottery in an election; the ballots are in vote_ballots. */
export const votes = pgTable('votes', {
  id: id(),
  itemId: ref('item_id', () => agendaItems.id).notNull(),
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
    voteId: ref('vote_id', () => votes.id, { onDelete: 'cascade' }).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    municipalityId: ref('municipality_id', () => organisations.id),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.personId] })],
);
/**
 * Val (election) at a meeting: places, the candidates' counts, and the lot when candidates tied
 * across the last place(s) (KL 5:55–56). A closed ballot keeps only the counts: no ballots.
 */
export const elections = pgTable(
  'elections',
  {
    id: id(),
    itemId: ref('item_id', () => agendaItems.id).notNull(),
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
    electionId: ref('election_id', () => elections.id, { onDelete: 'cascade' }).notNull(),
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
    electionId: ref('election_id', () => elections.id, { onDelete: 'cascade' }).notNull(),
    personId: ref('person_id', () => people.id).notNull(),
    municipalityId: ref('municipality_id', () => organisations.id),
    /** Null: abstained. */
    candidate: text('candidate'),
  },
  (t) => [primaryKey({ name: 'election_ballots_pk', columns: [t.electionId, t.personId] })],
);
/** A reservation: announced before the meeting closes, reasons in writing before justering. */
export const reservations = pgTable('reservations', {
  id: id(),
  itemId: ref('item_id', () => agendaItems.id).notNull(),
  personId: ref('person_id', () => people.id).notNull(),
  announcedAt: instant('announced_at').notNull().defaultNow(),
  reason: text('reason'),
  reasonSubmittedAt: instant('reason_submitted_at'),
});
/** A member's own report before the meeting: absence, or jäv on an item. */
export const memberReports = pgTable('member_reports', {
  id: id(),
  meetingId: ref('meeting_id', () => meetings.id).notNull(),
  personId: ref('person_id', () => people.id).notNull(),
  type: text('type', { enum: ['absence', 'jav'] }).notNull(),
  itemId: ref('item_id', () => agendaItems.id),
  note: text('note'),
  createdAt: createdAt(),
});
/** A member's private notes on an item: only the author ever sees them. */
export const memberNotes = pgTable(
  'member_notes',
  {
    itemId: ref('item_id', () => agendaItems.id, { onDelete: 'cascade' }).notNull(),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    text: text('text').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);
/** Årshjul: what a body's meetings in a month must handle (business plan 6.1.1). */
export const annualCycleItems = pgTable('annual_cycle_items', {
  id: id(),
  bodyId: ref('body_id', () => bodies.id).notNull(),
  /** 1–12; an item may name several months by one row each. */
  month: integer('month').notNull(),
  title: text('title').notNull(),
  /** Words that, found in an agenda item's heading, show the item is on the agenda. */
  matchWords: jsonb('match_words').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

/** What a select of each table above returns. */
export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type AgendaItemDocumentRow = typeof agendaItemDocuments.$inferSelect;
export type AttendanceEventRow = typeof attendanceEvents.$inferSelect;
export type MotionRow = typeof motions.$inferSelect;
export type PropositionRow = typeof propositions.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;
export type VoteBallotRow = typeof voteBallots.$inferSelect;
export type ElectionRow = typeof elections.$inferSelect;
export type ElectionCandidateRow = typeof electionCandidates.$inferSelect;
export type ElectionBallotRow = typeof electionBallots.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
export type MemberReportRow = typeof memberReports.$inferSelect;
export type MemberNoteRow = typeof memberNotes.$inferSelect;
export type AnnualCycleItemRow = typeof annualCycleItems.$inferSelect;
