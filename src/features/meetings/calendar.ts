/**
 * Meeting times and the iCalendar feed. A meeting's time is a wall-clock time in Sweden
 * ("2023-03-03 kl. 13", seed § 25), stored as an instant (timestamptz); these functions convert
 * between the two without depending on the server's own time zone.
 */
import ical from 'ical-generator';
import { stripXmlControlChars } from '../../platform/control-chars.js';
import { isIsoDate } from '../../domain/calendar-date.js';
import { SWEDISH_TIME_ZONE, swedishWallClockParts } from '../../platform/time-format.js';
import { withExampleMark } from '../../platform/views/example-data.js';

export const MEETING_TIME_ZONE = SWEDISH_TIME_ZONE;

/** When no end time is given, a calendar entry lasts three hours. */
export const DEFAULT_MEETING_HOURS = 3;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** The Swedish wall clock at an instant, as if it were UTC (milliseconds). */
function wallClockMs(instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of swedishWallClockParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** True for 'HH:MM' with a 24-hour clock. */
export function isWallClockTime(text: string): boolean {
  return TIME.test(text);
}

/**
 * The instant of a Swedish wall-clock time, or undefined when that time does not exist (the hour
 * skipped when summer time begins) or the input is not a date and a time. In the hour that
 * occurs twice when summer time ends, the first (summer-time) occurrence is taken.
 */
export function stockholmToInstant(date: string, time: string): Date | undefined {
  const t = TIME.exec(time);
  if (!t || !isIsoDate(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  const wanted = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, Number(t[1]), Number(t[2]));
  // The offsets a day before and a day after cover both sides of any change of clock that day.
  const candidates = [wanted - DAY_MS, wanted + DAY_MS].map((probe) => wanted - (wallClockMs(probe) - probe));
  const valid = candidates.filter((c) => wallClockMs(c) === wanted).sort((a, b) => a - b);
  return valid[0] === undefined ? undefined : new Date(valid[0]);
}

/** An instant as the Swedish date 'YYYY-MM-DD' and time 'HH:MM'. */
export function instantToStockholm(instant: Date): { date: string; time: string } {
  const iso = new Date(wallClockMs(instant.getTime())).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A meeting as the calendar feed shows it. */
export interface FeedMeeting {
  id: string;
  kind: 'meeting' | 'strategy_day';
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  status: 'planned' | 'open' | 'closed' | 'cancelled';
  updatedAt: Date;
  /** The demo's marker: a seed or demo meeting's time and place are example data. */
  origin: string | null;
}

const KIND_SUMMARY: Record<FeedMeeting['kind'], string> = { meeting: 'Sammanträde', strategy_day: 'Strategidag' };

/**
 * The iCalendar (RFC 5545) text for one body's meetings: one event per meeting that is not
 * cancelled. Times are written in UTC ("…Z"), which every calendar reads the same way and shows
 * in its user's own zone. Not TZID=Europe/Stockholm: that needs a VTIMEZONE block, and
 * ical-generator writes a plain Date under a named zone in the server's local time, which is
 * wrong by one or two hours on a server that does not run on Swedish time.
 */
export function buildMeetingFeed(options: { bodyName: string; meetings: readonly FeedMeeting[]; baseUrl: string; now: Date }): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host || 'kansli';
  const calendar = ical({ name: options.bodyName, prodId: { company: 'Kansli', product: 'Kansli', language: 'SV' } });
  for (const m of options.meetings) {
    if (m.status === 'cancelled') continue;
    calendar.createEvent({
      id: `${m.id}@${host}`,
      summary: withExampleMark(`${options.bodyName}: ${KIND_SUMMARY[m.kind]}`, m.origin, 'sv', { detail: true }),
      start: m.startsAt,
      end: m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_MEETING_HOURS * 3_600_000),
      location: m.place,
      url: `${base}/moten/${m.id}`,
      stamp: options.now,
      lastModified: m.updatedAt,
    });
  }
  return stripXmlControlChars(calendar.toString());
}
