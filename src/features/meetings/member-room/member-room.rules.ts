/**
 * The members' meeting room's rules and words, without the database: who is called in whose
 * place (reglemente 17 §), when a report may still change, the meeting's day and time as shown,
 * and the e-mails to a substitute.
 */
import { z } from 'zod';
import { swedishDate } from '../../../platform/clock.js';
import type { MeetingRow } from '../meetings.tables.js';
import { DomainError } from '../../../platform/errors.js';
import { optionalText } from '../../../platform/validation.js';
import type { presentDocument } from '../../registry/secrecy.js';
import { memberRoomMessages as M } from './member-room.messages.js';
import { translator, type Locale } from '../../../platform/i18n/i18n.js';
import { formatClock, formatLongDate } from '../../../platform/time-format.js';

/** A member's own report before the meeting: absence, or jäv (conflict of interest, KL 6:28) on one item. */
export type MemberReportType = 'absence' | 'jav';
export type MandateRole = 'member' | 'substitute' | 'official';

export const MAX_REPORT_NOTE = 2000;
export const MAX_PRIVATE_NOTE = 20_000;
export const ZReportNote = z.object({ note: optionalText(MAX_REPORT_NOTE) });
export const ZPrivateNote = z.object({ text: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trimEnd() : ''), z.string().max(MAX_PRIVATE_NOTE)) });

/** The part of a mandate that decides who is called in whose place. */
export interface CalledMandate {
  personId: string;
  role: MandateRole;
  municipalityId: string;
}

/**
 * Reglemente 17 §: a substitute serves for an absent member of the SAME municipality. Only a
 * member's absence calls anyone in; a substitute's or an official's absence calls no one.
 */
export function substitutesToCall<T extends CalledMandate>(called: readonly T[], absent: CalledMandate): T[] {
  if (absent.role !== 'member') return [];
  return called.filter((m) => m.role === 'substitute' && m.municipalityId === absent.municipalityId && m.personId !== absent.personId);
}

/** "tisdag 10 mars 2026": the meeting day in Swedish time. */
export const formatMeetingDay = formatLongDate;

export { formatClock };

/** "kl. 13.00–16.00", or "kl. 13.00" without an end time. */
export function formatMeetingTime(meeting: { startsAt: Date; endsAt: Date | null }, locale: Locale): string {
  const t = translator(locale);
  const from = formatClock(meeting.startsAt, locale);
  return meeting.endsAt ? t('room.timeRange', { from, to: formatClock(meeting.endsAt, locale) }) : t('room.timeFrom', { time: from });
}

export interface MailContext {
  meeting: MeetingRow;
  bodyName: string;
  memberName: string;
  municipalityName: string;
  substituteName: string;
  publicUrl: string | undefined;
}

/** The call to serve, in Swedish: the absent member's municipality, the day, time and place. Not the member's own note. */
export function composeAbsenceMail(c: MailContext): { subject: string; text: string } {
  const t = translator('sv');
  const link = c.publicUrl ? `: ${new URL(`/mina-moten/${c.meeting.id}`, c.publicUrl).toString()}` : '';
  const vars = { body: c.bodyName, date: swedishDate(c.meeting.startsAt), member: c.memberName, municipality: c.municipalityName, substitute: c.substituteName, place: c.meeting.place, link };
  return {
    subject: t('room.mail.absenceSubject', vars),
    text: t('room.mail.absenceBody', { ...vars, date: formatMeetingDay(c.meeting.startsAt, 'sv'), time: formatMeetingTime(c.meeting, 'sv') }),
  };
}

export function composeWithdrawnMail(c: MailContext): { subject: string; text: string } {
  const t = translator('sv');
  const vars = { body: c.bodyName, date: swedishDate(c.meeting.startsAt), member: c.memberName, municipality: c.municipalityName, substitute: c.substituteName, time: formatMeetingTime(c.meeting, 'sv') };
  return { subject: t('room.mail.withdrawnSubject', vars), text: t('room.mail.withdrawnBody', vars) };
}

/** The mandate that calls this person to a meeting: role, presidium position and municipality. */
export interface MyMandate extends CalledMandate {
  position: 'chair' | 'vice_chair' | null;
  municipalityName: string;
}

/** A member may change their reports only while the meeting is still planned. */
export function assertStillPlanned(status: MeetingRow['status']): void {
  if (status === 'planned') return;
  const key = status === 'open' ? 'room.err.started' : status === 'closed' ? 'room.err.closed' : 'room.err.cancelled';
  throw new DomainError('CONFLICT', { message: `meeting is ${status}`, userMessage: M[key] });
}

export const ROLE_ORDER: Record<MandateRole, number> = { member: 0, substitute: 1, official: 2 };

/** A decision-basis document as the room shows it: files only when the reader may read it fully. */
export function presentRoomDocument(doc: ReturnType<typeof presentDocument>) {
  const latest = new Map<string, (typeof doc.files)[number]>();
  for (const f of doc.files) latest.set(f.filename, f);
  return { id: doc.id, handlingId: doc.handlingId, description: doc.description, access: doc.access, files: [...latest.values()].map((f) => ({ id: f.id, filename: f.filename, size: f.size })) };
}

/** Where the call to one substitute has come: from the mail log, never guessed. */
export type SubstituteMailState = 'noEmail' | 'pending' | 'queued' | 'retrying' | 'failed' | 'notified';

/** The mail-log fields that tell how a call went. */
export interface CallMail {
  recipient: string;
  status: 'queued' | 'sending' | 'sent' | 'outbox' | 'failed';
  error: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

/**
 * The state of the call to a substitute, from the newest absence mail to their address (a report
 * made again after a withdrawal mails again, so the newest is this report's): waiting in the queue,
 * tried and failed but to be tried again (with when), failed for good, or delivered (with when).
 */
export function substituteMailState(email: string | null, newestFirst: readonly CallMail[]): { state: SubstituteMailState; at: Date | null } {
  if (!email) return { state: 'noEmail', at: null };
  const mail = newestFirst.find((m) => m.recipient.toLowerCase() === email.toLowerCase());
  if (!mail) return { state: 'pending', at: null };
  if (mail.status === 'failed') return { state: 'failed', at: null };
  if (mail.status === 'sent' || mail.status === 'outbox') return { state: 'notified', at: mail.sentAt ?? mail.createdAt };
  // 'queued' after a failed attempt carries the error and the time of the next attempt.
  if (mail.status === 'queued' && mail.error) return { state: 'retrying', at: mail.nextAttemptAt };
  return { state: 'queued', at: null };
}
