/**
 * Bordläggning (tabling): the item moves to a later meeting of the same body. The item here
 * keeps its place with status `tabled` and where it went; the later meeting gets a new item at
 * the end of its agenda that points back, with the same case, heading, proposal and decision
 * basis (beslutsunderlag). KL 6:33 (simple majority); seed § 22, tabled to 2023-03-03.
 */
import type { Db } from '../../../platform/db/database.js';
import { propositions, type AgendaItemRow } from '../meetings.tables.js';
import * as repo from './decisions.repository.js';
import { insertProposition, nextPosition, updateItem } from './proceedings.repository.js';
import { swedishDate } from '../../../platform/clock.js';
import { DomainError } from '../../../platform/errors.js';
import { lockMeeting } from '../meetings.repository.js';
import type { WriteContext } from './live-meeting.write.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { fillMessage } from '../../../platform/i18n/fill.js';

/** Refuses a target that is not a planned meeting of the same body after this one. */
async function lockTarget(w: WriteContext, targetMeetingId: string) {
  const target = await lockMeeting(w.tx, targetMeetingId);
  const valid = target && target.id !== w.meeting.id && target.bodyId === w.meeting.bodyId && target.status === 'planned' && target.startsAt > w.meeting.startsAt;
  if (!valid) {
    const message = M['live.error.tablingTarget'];
    throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'targetMeetingId', message }] });
  }
  return target;
}

/** The next ordinary meeting of the body after `meeting`, if one is planned. */
async function nextOrdinaryMeeting(tx: Db, meeting: { id: string; bodyId: string; startsAt: Date }) {
  return repo.lockNextOrdinaryMeeting(tx, meeting);
}

/** Appends a copy of `item` to the target meeting's agenda, pointing back to it; returns the new item. */
async function appendToTarget(tx: Db, item: AgendaItemRow, targetId: string): Promise<string> {
  return repo.appendItemWithBasis(
    tx,
    targetId,
    {
      kind: item.kind,
      caseId: item.caseId,
      heading: item.heading,
      proposal: item.proposal,
      summary: item.summary,
      recipients: item.recipients,
      isSecret: item.isSecret,
      publicHeading: item.publicHeading,
      tabledFromItemId: item.id,
    },
    item.id,
  );
}

/** Tables `item` to the target meeting, in the caller's transaction. */
export async function tableItem(w: WriteContext, options: { item: AgendaItemRow; targetMeetingId: string }): Promise<{ newItemId: string; date: string }> {
  const { item } = options;
  const target = await lockTarget(w, options.targetMeetingId);
  const date = swedishDate(target.startsAt);
  const newItemId = await appendToTarget(w.tx, item, target.id);
  const decisionText = fillMessage(M['live.stored.tabled'], { date }).sv;
  const proposition = fillMessage(M['live.stored.tablingProposition'], { date }).sv;
  await insertProposition(w.tx, { itemId: item.id, position: await nextPosition(w.tx, propositions, item.id), text: proposition, outcome: 'approved' });
  await updateItem(w.tx, item.id, { status: 'tabled', tabledToMeetingId: target.id, decisionText, decidedBy: 'acclamation', updatedAt: w.now });
  await w.audit('item.table', 'agenda_item', item.id, {
    before: { status: item.status },
    after: { status: 'tabled', tabledToMeetingId: target.id, newItemId, decisionText, proposition },
  });
  return { newItemId, date };
}

/**
 * Bordläggning to "the next ordinary meeting": to it when it is planned; before it is planned the
 * item is tabled with no target yet and waits, and placeWaitingItems puts it on the next ordinary
 * meeting when that is planned.
 */
export async function tableToNextOrdinary(w: WriteContext, item: AgendaItemRow): Promise<{ newItemId: string | null }> {
  const next = await nextOrdinaryMeeting(w.tx, w.meeting);
  if (next) return tableItem(w, { item, targetMeetingId: next.id });
  const decisionText = M['live.stored.tabledNext'].sv;
  const proposition = M['live.stored.tablingPropositionNext'].sv;
  await insertProposition(w.tx, { itemId: item.id, position: await nextPosition(w.tx, propositions, item.id), text: proposition, outcome: 'approved' });
  await updateItem(w.tx, item.id, { status: 'tabled', tabledToMeetingId: null, decisionText, decidedBy: 'acclamation', updatedAt: w.now });
  await w.audit('item.table', 'agenda_item', item.id, { before: { status: item.status }, after: { status: 'tabled', tabledToMeetingId: null, waitsForNextOrdinary: true, decisionText, proposition } });
  return { newItemId: null };
}

/**
 * A newly planned ordinary meeting takes the items tabled to "the next ordinary meeting" of its
 * body at earlier meetings, in the order they were tabled (meeting, then agenda order). Runs in
 * the transaction that plans the meeting; returns the items placed.
 */
export async function placeWaitingItems(tx: Db, meeting: { id: string; bodyId: string; kind: string; startsAt: Date }, now: Date): Promise<string[]> {
  if (meeting.kind !== 'meeting') return [];
  const waiting = await repo.lockWaitingTabledItems(tx, meeting.bodyId, meeting.startsAt);
  const placed: string[] = [];
  for (const item of waiting) {
    placed.push(await appendToTarget(tx, item, meeting.id));
    await updateItem(tx, item.id, { tabledToMeetingId: meeting.id, updatedAt: now });
  }
  return placed;
}

/** The counted vote on a motion to table (KL 6:33), kept on the item whatever its outcome. */
export async function recordTablingVote(w: WriteContext, options: { itemId: string; votesFor: number; votesAgainst: number; tabled: boolean }): Promise<void> {
  const vote = await repo.insertTablingVote(w.tx, {
      itemId: options.itemId,
      kind: 'tabling',
      yesMeans: M['live.stored.tablingYes'].sv,
      noMeans: M['live.stored.tablingNo'].sv,
      yes: options.votesFor,
      no: options.votesAgainst,
      abstain: 0,
      outcome: options.tabled ? 'yes' : 'no',
  });
  await w.audit('vote.tabling', 'vote', vote.id, { after: { itemId: options.itemId, votesFor: options.votesFor, votesAgainst: options.votesAgainst, tabled: options.tabled } });
}
