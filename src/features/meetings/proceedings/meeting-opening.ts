/**
 * Guarding the calendar (issue 18): the input that opens a meeting outside its day — a ticked
 * confirmation and a reason — checked with both messages in Swedish and English.
 */
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { OPEN_LATE_LIMIT_DAYS, type OpeningOutsideDay } from '../../../domain/index.js';
import { fillMessage } from '../../../platform/i18n/fill.js';
import { meetingOpeningMessages as M } from './meeting-opening.messages.js';

export const MAX_OPEN_REASON = 500;

const ZOpenOutsideDay = z.object({
  confirm: z.string().optional(),
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(MAX_OPEN_REASON)),
});

/** The reason given for opening outside the meeting's day; refuses (INVALID_INPUT, per field) without the confirmation or a reason. */
export function requireOpeningReason(raw: unknown, meetingDate: string, outside: Exclude<OpeningOutsideDay, null>): string {
  const parsed = ZOpenOutsideDay.safeParse(raw ?? {});
  const input = parsed.success ? parsed.data : { confirm: undefined, reason: '' };
  const fieldErrors = [
    ...(input.confirm === 'ja' ? [] : [{ field: 'confirm', message: M['opening.confirmRequired'] }]),
    ...(input.reason.length >= 3 ? [] : [{ field: 'reason', message: M['opening.reasonRequired'] }]),
  ];
  if (fieldErrors.length > 0 || !parsed.success) {
    const days = OPEN_LATE_LIMIT_DAYS;
    const when = fillMessage(outside === 'early' ? M['opening.when.early'] : M['opening.when.late'], { days });
    const message = { sv: fillMessage(M['opening.error'], { date: meetingDate, when: when.sv }).sv, en: fillMessage(M['opening.error'], { date: meetingDate, when: when.en }).en };
    throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: fieldErrors.length > 0 ? fieldErrors : [{ field: 'reason', message: M['opening.reasonRequired'] }] });
  }
  return input.reason;
}
