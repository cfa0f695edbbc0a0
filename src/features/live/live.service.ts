/**
 * The live meeting for members, the chair and the room: presence reported from the member's own
 * device (the secretary confirms it into the attendance record), the speakers' list, electronic
 * open votes (live-vote.ts) and the state the big screen shows. Every change is one transaction
 * with the meeting row locked, like the secretary's live screen, and is published after the commit
 * on the meeting's realtime topic so that every open page, on every app server, reads it again.
 */
import { z } from 'zod';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import * as repo from './live.repository.js';
import { deleteAttendanceEvent, insertAttendanceEvent } from '../meetings/proceedings/proceedings.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { assertCan, can, PolicyDenied, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { publicHeadingOf, type PropositionStage } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { cooperationScope } from '../organisation/scope.js';
import { findBody, findMeeting, findPersonIdOfUser, lockMeeting } from '../meetings/meetings.repository.js';
import { describeAlternatives, loadAttendanceModel, servingAt, type Alternative, type AttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import { requireOpen, type WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import { liveRoomMessages as M, refuse } from './live.messages.js';
import { createLiveSpeakers, currentIndex, orderSpeakers, type SpeakerEntry } from './live-speakers.js';

export { currentIndex, orderSpeakers, type SpeakerEntry } from './live-speakers.js';
import { createLiveVotes } from './live-vote.js';
import { createLiveElections, electionBallotOf, readElectionState, type ElectionState } from './live-election.js';
import { createLiveMemberActions, readJav, writeMeetingSetting, readMemberRecord, readMotionOrder, readReservations, readSpokenTimes, type MotionEntry } from './live-member.js';
import type { AgendaItemRow, MeetingRow } from '../meetings/meetings.tables.js';
import type { BodyRow } from '../organisation/organisation.tables.js';

export const topicOf = (meetingId: string): string => `meeting:${meetingId}`;

const ZCheckin = z.object({ mode: z.enum(['present', 'remote'], msg(M['lr.err.mode'].sv, M['lr.err.mode'].en)) });
const ZPersonRef = z.object({ personId: z.uuid(msg('Välj en person.', 'Choose a person.')) });
const ZPublic = z.object({ livePublic: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()) });

export interface VoteResult {
  yes: number;
  no: number;
  abstain: number;
  outcome: 'yes' | 'no' | 'lottery';
  castingVote: boolean;
  decisionText: string | null;
  ballots: { name: string; municipalityName: string; choice: 'yes' | 'no' | 'abstain' }[];
  /** Who reserved themselves against the decision (names; the reasons are in the record). */
  reservations: string[];
}

/** What every page of the room shows alike: the shared state, sent over Server-Sent Events. */
export interface RoomState {
  meetingId: string;
  bodyName: string;
  status: MeetingRow['status'];
  livePublic: boolean;
  current: { number: number; heading: string; itemId: string } | null;
  /** Who serves at the current item (person ids, sorted): a change calls the members' own parts again. */
  serving: string[];
  /** The attendance record as a key: when the secretary records a change the members' own parts are read again. */
  attendanceKey: string;
  /** Talartid: minutes per speaker entry, or null for no limit. */
  speakerMinutes: number | null;
  speakers: SpeakerEntry[];
  /** The motions of the current item in the proposition order. */
  motions: { stage: PropositionStage; motions: MotionEntry[] }[];
  vote: {
    id: string;
    itemNumber: number;
    itemHeading: string;
    yesMeans: string;
    noMeans: string;
    closesAt: Date;
    closed: boolean;
    voted: number;
    eligible: number;
    result: VoteResult | null;
  } | null;
  /** The latest election by closed ballot (live-election.ts): counts only once it has closed. */
  election: ElectionState | null;
}

export type Audience = 'internal' | 'public';

export function createLiveRoomService(deps: { database: Database; clock: Clock; realtime: Realtime; random: () => number }) {
  const db = deps.database.db;
  const { clock, realtime } = deps;

  async function meetingAndBody(meetingId: string, from: Db = db): Promise<{ meeting: MeetingRow; body: BodyRow }> {
    const meeting = await findMeeting(from, meetingId);
    const body = meeting ? await findBody(from, meeting.bodyId) : undefined;
    if (!meeting || !body) throw notFound(M['lr.err.noMeeting']);
    return { meeting, body };
  }

  /** The member: signed in with a role of the room in the cooperation, linked to a person called to the meeting. */
  async function requireMember(principal: Principal | null, meetingId: string) {
    if (!principal) throw new PolicyDenied('meetingRoom.use');
    const { meeting, body } = await meetingAndBody(meetingId);
    if (!can(principal, 'meetingRoom.use', await cooperationScope(db, body.organisationId))) throw new PolicyDenied('meetingRoom.use');
    const personId = await findPersonIdOfUser(db, principal.userId);
    if (!personId) throw notFound(M['lr.err.noPerson']);
    const model = await loadAttendanceModel(db, meeting);
    const person = model.people.find((p) => p.personId === personId);
    if (!person) throw notFound(M['lr.err.notCalled']);
    return { meeting, body, model, person, principal };
  }

  /** The chair or the secretary: meeting.run in the committee that owns the meeting's body. */
  async function requireRun(principal: Principal | null, meetingId: string) {
    const { meeting, body } = await meetingAndBody(meetingId);
    assertCan(principal, 'meeting.run', scopeOf([body.organisationId]));
    return { meeting, body, principal };
  }

  /**
   * One change in one transaction: the meeting row locked, refused unless the meeting is open,
   * the audit entry in the same transaction; published after the commit.
   */
  async function write<T>(actor: Actor, meetingId: string, run: (w: WriteContext) => Promise<T>, options: { allowPlanned?: boolean } = {}): Promise<T> {
    const { body } = await meetingAndBody(meetingId);
    const result = await db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (!meeting) throw notFound(M['lr.err.noMeeting']);
      if (!(options.allowPlanned && meeting.status === 'planned')) requireOpen(meeting);
      const now = clock();
      const model = await loadAttendanceModel(tx, meeting);
      const audit: WriteContext['audit'] = (action, entity, entityId, change) =>
        recordAudit(tx, actor, { action: `meeting.live.${action}`, entity, entityId, ...change, organisationId: body.organisationId }, now);
      return run({ tx, meeting, model, audit, now });
    });
    await publish(meetingId);
    return result;
  }

  async function publish(meetingId: string): Promise<void> {
    // The change is committed; a failed notice only delays the pages until their next reconnect.
    await realtime.publish(topicOf(meetingId)).catch(() => {});
  }

  const liveVotesUseCases = createLiveVotes({ db, clock, write, publish, requireRun, requireMember, random: deps.random });
  const memberActions = createLiveMemberActions({ db, write, requireRun, requireMember });

  /** The shared state of the room; `public` shows a secret item by its public heading and no names of voters. */
  /**
   * Read in one snapshot (REPEATABLE READ): a change committed while the state is read (the vote
   * closed and its item decided in one transaction) is either all in it or not at all, never a
   * result beside the item it decided.
   */
  function readState(meetingId: string, audience: Audience): Promise<RoomState> {
    return db.transaction((tx) => readStateIn(tx, meetingId, audience), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }

  async function readStateIn(db: Db, meetingId: string, audience: Audience): Promise<RoomState> {
    const { meeting, body } = await meetingAndBody(meetingId, db);
    const model = await loadAttendanceModel(db, meeting);
    const headingOf = (item: AgendaItemRow) => (audience === 'public' && item.isSecret ? publicHeadingOf({ publicHeading: item.publicHeading, caseNumber: null }) : item.heading);
    const index = currentIndex(model);
    const item = model.items[index];
    const personOf = (id: string) => model.people.find((p) => p.personId === id);
    const speakerRows = item ? await repo.listOpenSpeakers(db, item.id) : [];
    const speakers = orderSpeakers(speakerRows).map((r) => ({
      id: r.id,
      personId: r.personId,
      name: personOf(r.personId)?.name ?? '',
      municipalityName: personOf(r.personId)?.municipalityName ?? '',
      kind: r.kind,
      speaking: r.startedAt !== null,
      startedAt: r.startedAt,
    }));
    const lv = await repo.findLatestLiveVote(db, meetingId);
    let vote: RoomState['vote'] = null;
    if (lv) {
      const voteIndex = model.items.findIndex((i) => i.id === lv.itemId);
      const voteItem = model.items[voteIndex];
      const voted = await repo.countLiveBallots(db, lv.id);
      vote = {
        id: lv.id,
        itemNumber: voteIndex + 1,
        itemHeading: voteItem ? headingOf(voteItem) : '',
        yesMeans: lv.yesMeans,
        noMeans: lv.noMeans,
        closesAt: lv.closesAt,
        closed: lv.closedAt !== null,
        voted,
        eligible: lv.eligible.length,
        result: lv.voteId ? await readResult(db, lv.voteId, model, voteItem, audience) : null,
      };
    }
    return {
      meetingId,
      bodyName: body.name,
      status: meeting.status,
      livePublic: meeting.livePublic,
      current: item ? { number: index + 1, heading: headingOf(item), itemId: item.id } : null,
      serving: index >= 0 ? [...servingAt(model, index).servingIds].sort() : [],
      attendanceKey: model.rows.map((r) => `${r.id}:${r.type}`).join(','),
      speakerMinutes: meeting.speakerMinutes,
      speakers: audience === 'public' && item?.isSecret ? [] : speakers,
      motions: !item || (audience === 'public' && item.isSecret) ? [] : (await readMotionOrder(db, model, item)).filter((g) => g.motions.length > 0),
      vote,
      election: await readElectionState(db, meetingId, model, headingOf),
    };
  }

  async function readResult(db: Db, voteId: string, model: AttendanceModel, item: AgendaItemRow | undefined, audience: Audience): Promise<VoteResult | null> {
    const found = await repo.findVoteRecord(db, voteId);
    if (!found) return null;
    const { vote: row, ballots } = found;
    const order = new Map(model.people.map((p, i) => [p.personId, i]));
    const hidden = audience === 'public' && item?.isSecret === true;
    const reserved = item && !hidden ? await readReservations(db, model, item.id) : [];
    return {
      yes: row.yes,
      no: row.no,
      abstain: row.abstain,
      outcome: row.outcome,
      castingVote: row.decidedByCastingVote,
      decisionText: hidden ? null : (item?.decisionText ?? null),
      ballots: hidden
        ? []
        : ballots
            .sort((a, b) => (order.get(a.personId) ?? 0) - (order.get(b.personId) ?? 0))
            .map((b) => ({ name: b.name, municipalityName: model.people.find((p) => p.personId === b.personId)?.municipalityName ?? '', choice: b.choice })),
      reservations: reserved.map((r) => r.name),
    };
  }

  /** Speaker rows of the current item not finished; refuses when no item is left. */
  return {
    ...liveVotesUseCases,
    ...createLiveElections({ db, clock, write, publish, requireRun, requireMember, random: deps.random }),
    ...memberActions,
    ...createLiveSpeakers({ write, requireMember, requireRun }),
    readState,
    topicOf,

    /** The member's own page: the shared state, who they are, their check-in, their request and ballot. */
    async memberView(principal: Principal | null, meetingId: string) {
      const { meeting, model, person } = await requireMember(principal, meetingId);
      const state = await readState(meetingId, 'internal');
      const checkin = await repo.findCheckin(db, meetingId, person.personId);
      const index = currentIndex(model);
      const serving = index >= 0 && servingAt(model, index).servingIds.has(person.personId);
      const mine = state.speakers.filter((s) => s.personId === person.personId);
      const openVote = state.vote && !state.vote.closed ? state.vote : null;
      const lv = openVote ? await repo.findLiveVote(db, openVote.id) : undefined;
      const ballot = openVote ? await repo.findLiveBallot(db, openVote.id, person.personId) : undefined;
      return {
        meeting,
        person,
        state,
        checkin: checkin ?? null,
        serving,
        mySpeakerRequests: mine,
        ballot: { eligible: lv ? lv.eligible.includes(person.personId) : false, choice: ballot?.choice ?? null },
        electionBallot: await electionBallotOf(db, state.election, person.personId),
        record: await readMemberRecord(db, model, person.personId),
        now: clock(),
      };
    },

    /** The chair's page: the shared state, check-ins to confirm, and the alternatives of the current item. */
    async chairView(principal: Principal | null, meetingId: string) {
      const { meeting, body } = await requireRun(principal, meetingId);
      const state = await readState(meetingId, 'internal');
      const model = await loadAttendanceModel(db, meeting);
      const pending = await repo.listPendingCheckins(db, meetingId);
      const checkins = pending.flatMap((c) => {
        const p = model.people.find((x) => x.personId === c.personId);
        return p ? [{ person: p, mode: c.mode, reportedAt: c.reportedAt }] : [];
      });
      const index = currentIndex(model);
      const item = model.items[index];
      let alternatives: Alternative[] = [];
      if (item) {
        const itemMotions = await repo.listMotionsOfItem(db, item.id);
        alternatives = describeAlternatives(item, itemMotions, new Map(model.people.map((p) => [p.personId, p.name])));
      }
      const jav = item ? readJav(model, item.id) : [];
      const spoken = item ? await readSpokenTimes(db, model, item.id) : [];
      return { meeting, body, state, checkins, alternatives, jav, spoken, hasProposal: (item?.proposal.trim() ?? '') !== '', currentIsElection: item?.kind === 'election', now: clock() };
    },

    /** The big screen inside: anyone who may read the cooperation's meetings. */
    async screenView(principal: Principal | null, meetingId: string) {
      const { body } = await meetingAndBody(meetingId);
      assertCan(principal, 'meeting.read', await cooperationScope(db, body.organisationId));
      return readState(meetingId, 'internal');
    },

    /** The public big screen: only while the meeting is open and the chair has made it public; else 404. */
    async publicScreen(meetingId: string) {
      const meeting = await findMeeting(db, meetingId);
      if (!meeting || meeting.status !== 'open' || !meeting.livePublic) throw notFound(M['lr.err.noMeeting']);
      return readState(meetingId, 'public');
    },

    /** Whether the stream of a meeting should run: only while it is open (a 204 ends the browser's retries). */
    async isOpen(meetingId: string): Promise<boolean> {
      const meeting = await findMeeting(db, meetingId);
      return meeting?.status === 'open';
    },

    /** The member reports presence: in the room, or remotely (KL 5:16). The secretary confirms. */
    async checkIn(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await requireMember(principal, meetingId);
      const input = parseInput(ZCheckin, raw);
      await write(
        actorOf(principal as Principal),
        meetingId,
        async (w) => {
          const existing = await repo.findCheckin(w.tx, meetingId, person.personId);
          if (existing?.confirmedAt && existing.mode === input.mode) refuse('CONFLICT', 'lr.err.alreadyConfirmed');
          await repo.upsertCheckin(w.tx, { meetingId, personId: person.personId, mode: input.mode, reportedAt: w.now });
          await w.audit('checkin', 'person', person.personId, { before: existing ?? null, after: { mode: input.mode } });
        },
        { allowPlanned: true },
      );
    },

    /**
     * The secretary confirms a reported presence into the attendance record: before any item is
     * handled as the state at the start (present or remote), later as an arrival at the current
     * item (remote noted). The record is the one the secretary's own form writes.
     */
    async confirmCheckin(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await requireRun(principal, meetingId);
      const { personId } = parseInput(ZPersonRef, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const checkin = await repo.findCheckin(w.tx, meetingId, personId, { forUpdate: true });
        if (!checkin || checkin.confirmedAt) throw notFound(M['lr.err.noCheckin']);
        const index = currentIndex(w.model);
        const started = w.model.items.some((i) => i.status !== 'pending');
        let type: 'present' | 'remote' | 'arrived';
        let itemId: string | null = null;
        if (!started) {
          type = checkin.mode;
          for (const row of w.model.rows.filter((r) => r.personId === personId && r.itemId === null && r.type !== 'jav')) await deleteAttendanceEvent(w.tx, row.id);
        } else {
          const item = w.model.items[index];
          if (!item) refuse('CONFLICT', 'lr.err.noCurrentItem');
          type = 'arrived';
          itemId = item.id;
        }
        const note = checkin.mode === 'remote' ? `${M['lr.stored.checkin'].sv}. ${M['lr.stored.remote'].sv}` : M['lr.stored.checkin'].sv;
        const event = await insertAttendanceEvent(w.tx, { meetingId, personId, type, itemId, note, recordedAt: w.now });
        await repo.confirmCheckinRow(w.tx, meetingId, personId, { confirmedAt: w.now, attendanceEventId: event.id });
        await w.audit('attendance.record', 'attendance_event', event.id, { after: { personId, type, itemId, note, source: 'checkin' } });
      });
    },

    /** The chair shows the big screen on the public portal while the meeting is open, or stops it. */
    async setPublic(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await requireRun(principal, meetingId);
      const { livePublic } = parseInput(ZPublic, raw);
      await writeMeetingSetting(write, principal as Principal, meetingId, {
        action: 'public',
        key: 'livePublic',
        value: livePublic,
        save: (w) => repo.setLivePublic(w.tx, meetingId, livePublic, w.now),
      });
    },
  };
}

export type LiveRoomService = ReturnType<typeof createLiveRoomService>;
