import { z } from 'zod';
import { isoDate, msg, requiredText } from '../../../platform/validation.js';
import { parseMatchWords } from './annual-cycle.js';
import { isWallClockTime, stockholmToInstant } from '../calendar.js';

/** People write "9.00", "9:00" or "09:00"; all mean '09:00'. */
function normaliseTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : value.trim();
}

const TIME_MESSAGE = msg('Ange en tid som TT:MM, till exempel 13:00.', 'Enter a time as HH:MM, for example 13:00.');
const wallClockTime = () => z.string().refine(isWallClockTime, TIME_MESSAGE);

const issue = (path: string, sv: string, en: string) => ({ code: 'custom' as const, path: [path], message: msg(sv, en).error });

/**
 * A meeting as the form gives it: the date and times are Swedish wall-clock times, turned into
 * instants here. A time that does not exist (summer time begins) or an end before the start is
 * refused on its field.
 */
export const ZMeetingInput = z
  .object({
    bodyId: z.uuid(msg('Välj ett organ.', 'Choose a body.')),
    kind: z.enum(['meeting', 'strategy_day'], msg('Välj typ av möte.', 'Choose the kind of meeting.')),
    date: z.string().trim().pipe(isoDate()),
    startTime: z.preprocess(normaliseTime, wallClockTime()),
    endTime: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : normaliseTime(v)), wallClockTime().optional()),
    place: requiredText(200),
  })
  .transform((input, ctx) => {
    const startsAt = stockholmToInstant(input.date, input.startTime);
    if (!startsAt) {
      ctx.addIssue(issue('startTime', 'Klockslaget finns inte den dagen: klockan ställs fram en timme när sommartiden börjar.', 'That time does not exist on that day: the clocks go forward an hour when summer time begins.'));
      return z.NEVER;
    }
    let endsAt: Date | null = null;
    if (input.endTime) {
      endsAt = stockholmToInstant(input.date, input.endTime) ?? null;
      if (!endsAt || endsAt.getTime() <= startsAt.getTime()) {
        ctx.addIssue(issue('endTime', 'Sluttiden måste vara senare samma dag än starttiden.', 'The end time must be later the same day than the start time.'));
        return z.NEVER;
      }
    }
    return { bodyId: input.bodyId, kind: input.kind, startsAt, endsAt, place: input.place };
  });
export type TMeetingInput = z.output<typeof ZMeetingInput>;

const month = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z.number(msg('Välj en månad.', 'Choose a month.')).int().min(1, msg('Välj en månad.', 'Choose a month.')).max(12, msg('Välj en månad.', 'Choose a month.')),
);

/** A row of the annual cycle; match words are written separated by commas. */
export const ZCycleItemInput = z.object({
  month,
  title: requiredText(200),
  matchWords: z.preprocess(
    (v) => (typeof v === 'string' ? parseMatchWords(v) : v),
    z.array(z.string().max(100, msg('Ett sökord får vara högst 100 tecken.', 'A match word may be at most 100 characters.'))).max(20, msg('Högst 20 sökord.', 'At most 20 match words.')),
  ),
});
export type TCycleItemInput = z.output<typeof ZCycleItemInput>;

/** The list's filters from the query string; a value that makes no sense is simply not applied. */
export const ZMeetingListQuery = z.object({
  organ: z.uuid().optional().catch(undefined),
  ar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type TMeetingListQuery = z.output<typeof ZMeetingListQuery>;
