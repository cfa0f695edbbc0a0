/**
 * The frame of every write on the live screen: access first, then one transaction with the
 * meeting row locked, refused once the meeting is closed, with the audit entry in the same
 * transaction; and the guards the use cases share.
 */
import { randomInt } from 'node:crypto';
import type { Database, Db } from '../../../platform/db/database.js';
import type { Clock } from '../../../platform/clock.js';
import { propositions, type AgendaItemRow, type MeetingRow } from '../meetings.tables.js';
import * as repo from './proceedings.repository.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { notFound } from '../../../platform/errors.js';
import { actorOf } from '../../auth/auth.service.js';
import { assertCan, scopeOf, type Principal } from '../../../platform/auth/policy.js';
import { findBody, findMeeting, lockMeeting } from '../meetings.repository.js';
import { loadAttendanceModel, servingAt, type AttendanceModel } from './live-meeting.state.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { refuseWith } from '../../../platform/i18n/fill.js';

/** Where the page goes after a write: the anchor of the item or of the attendance table. */
export type Anchor = string;

/** A number in [0, 1) from the operating system's random source: lottery in elections (KL 5:56). */
export const cryptoRandom = (): number => randomInt(0, 2 ** 32) / 2 ** 32;

/** Everything a write needs: the locked meeting, its attendance model and the actor. */
export interface WriteContext {
  tx: Db;
  meeting: MeetingRow;
  model: AttendanceModel;
  audit(action: string, entity: string, entityId: string | null, change: { before?: unknown; after?: unknown }): Promise<void>;
  now: Date;
}

export function requireOpen(meeting: MeetingRow): void {
  if (meeting.status === 'closed') refuseWith('CONFLICT', M['live.error.closed']);
  if (meeting.status === 'cancelled') refuseWith('CONFLICT', M['live.error.cancelled']);
  if (meeting.status !== 'open') refuseWith('CONFLICT', M['live.error.notOpen']);
}

export function createWriter(deps: { database: Database; clock: Clock; onChange?: (meetingId: string) => Promise<void> }) {
  const db = deps.database.db;
  const { clock } = deps;

  /** Access first: meeting.run in the committee that owns the meeting's body. */
  async function requireRun(principal: Principal | null, meetingId: string) {
    const meeting = await findMeeting(db, meetingId);
    const body = meeting ? await findBody(db, meeting.bodyId) : undefined;
    if (!meeting || !body) throw notFound(M['live.error.noMeeting']);
    assertCan(principal, 'meeting.run', scopeOf([body.organisationId]));
    return { meeting, body, principal };
  }

  async function lockOpenable(tx: Db, meetingId: string): Promise<MeetingRow> {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) throw notFound(M['live.error.noMeeting']);
    return meeting;
  }

  /** Run one change of an open meeting in one transaction, with the meeting row locked. */
  async function write<T>(principal: Principal | null, meetingId: string, run: (w: WriteContext) => Promise<T>, options: { allowClosed?: boolean } = {}): Promise<T> {
    const { principal: actor, body } = await requireRun(principal, meetingId);
    const result = await db.transaction(async (tx) => {
      const meeting = await lockOpenable(tx, meetingId);
      if (!options.allowClosed) requireOpen(meeting);
      const now = clock();
      const model = await loadAttendanceModel(tx, meeting);
      const audit: WriteContext['audit'] = (action, entity, entityId, change) =>
        recordAudit(tx, actorOf(actor), { action: `meeting.live.${action}`, entity, entityId, ...change, organisationId: body.organisationId }, now);
      return run({ tx, meeting, model, audit, now });
    });
    // Committed: the live pages of the meeting (members, chair, big screen) read it again.
    await deps.onChange?.(meetingId);
    return result;
  }

  return { requireRun, write };
}

export type Writer = ReturnType<typeof createWriter>;

export function requireItem(w: WriteContext, itemId: string): { item: AgendaItemRow; index: number } {
  const index = w.model.items.findIndex((i) => i.id === itemId);
  const item = w.model.items[index];
  if (!item) throw notFound(M['live.error.noItem']);
  return { item, index };
}

export function requirePending(item: AgendaItemRow, index: number): void {
  if (item.status !== 'pending') refuseWith('CONFLICT', M['live.error.notPending'], { n: index + 1 });
}

/** KL 6:27: a committee may handle a matter only when more than half of its members serve. */
export function requireQuorum(w: WriteContext, index: number): void {
  const { quorum } = servingAt(w.model, index);
  if (!quorum?.quorate) {
    refuseWith('INVALID_ATTENDANCE', M['live.error.noQuorum'], { n: index + 1, present: quorum?.present ?? 0, seats: w.model.seats, required: quorum?.required ?? 1 });
  }
}

/** Only a person serving at the item may move, vote or reserve (KL 4:24, 4:27). */
export function requireServing(w: WriteContext, index: number, personId: string, message: keyof typeof M): void {
  if (servingAt(w.model, index).servingIds.has(personId)) return;
  const name = w.model.people.find((p) => p.personId === personId)?.name ?? personId;
  refuseWith('INVALID_ATTENDANCE', M[message], { name, n: index + 1 });
}

export const anchor = (index: number): Anchor => `punkt-${index + 1}`;

export { nextPosition } from './proceedings.repository.js';

/** Record the decision on the item; `proposition` is what the chair put, kept in the audit entry too. */
export async function decide(w: WriteContext, item: AgendaItemRow, change: Pick<AgendaItemRow, 'status' | 'decisionText' | 'decidedBy'>, proposition?: string): Promise<void> {
  if (proposition !== undefined) {
    const position = await repo.nextPosition(w.tx, propositions, item.id);
    await repo.insertProposition(w.tx, { itemId: item.id, position, text: proposition, outcome: 'approved' });
  }
  await repo.updateItem(w.tx, item.id, { ...change, updatedAt: w.now });
  const before = { status: item.status, decisionText: item.decisionText, decidedBy: item.decidedBy };
  await w.audit('item.decide', 'agenda_item', item.id, { before, after: { ...change, ...(proposition !== undefined ? { proposition } : {}) } });
}
