/**
 * Måluppfyllelse: the status of a goal of the business plan at a tertial follow-up. "Målen följs
 * upp tertialvis" (verksamhetsplan 2023, 2.3).
 */
import { refuse, requireInteger } from './domain-error.js';

/** Met, on track, at risk, not met. */
export type GoalStatus = 'met' | 'on_track' | 'at_risk' | 'not_met';

/**
 * How an indicator's figure grows: `cumulative` counts through the year (meetings held, municipalities
 * visited), `level` is a share that holds at any time (attendance).
 */
export type IndicatorKind = 'cumulative' | 'level';

/** An indicator's reading at a follow-up: a figure against its targets, or a status judged by hand. */
export type IndicatorReading =
  | {
      readonly value: number | null;
      readonly kind: IndicatorKind;
      /** What is strived for ("eftersträvar 10 möten", "100 %"). */
      readonly target: number | null;
      /** What must be reached ("minst 8", "minst 75 %"); the target when not given. */
      readonly minimum: number | null;
      /** Above this the figure is outside the range. */
      readonly maximum: number | null;
    }
  | { readonly status: GoalStatus };

const ORDER: readonly GoalStatus[] = ['met', 'on_track', 'at_risk', 'not_met'];

/**
 * The status of one indicator after `tertial` (1: January–April, 2: to August, 3: the year).
 * At the year's end: met when the figure reaches the minimum (or target) and stays within the
 * maximum, otherwise not met. Before it: a cumulative figure that already reaches the minimum is
 * met, one at least at its share of the year (minimum × tertial / 3) is on track, below that at
 * risk; a level at or above the minimum is on track, below it at risk. Above the maximum: a
 * cumulative figure is not met (it cannot shrink), a level is at risk. Null: nothing measured yet.
 */
export function indicatorStatus(reading: IndicatorReading, tertial: number): GoalStatus | null {
  requireInteger(tertial, { name: 'tertial', min: 1 });
  if (tertial > 3) refuse('INVALID_INPUT', `tertial is 1, 2 or 3, got ${tertial}`, `tertial är 1, 2 eller 3, fick ${tertial}`);
  if ('status' in reading) return reading.status;
  if (reading.value === null) return null;
  const floor = reading.minimum ?? reading.target;
  if (floor === null) refuse('INVALID_INPUT', 'an indicator needs a target or a minimum', 'en indikator behöver ett mål eller en lägsta nivå');
  const { value, kind, maximum } = reading;
  const yearEnd = tertial === 3;
  if (maximum !== null && value > maximum) return yearEnd || kind === 'cumulative' ? 'not_met' : 'at_risk';
  if (yearEnd) return value >= floor ? 'met' : 'not_met';
  if (kind === 'level') return value >= floor ? 'on_track' : 'at_risk';
  if (value >= floor) return 'met';
  return value >= (floor * tertial) / 3 ? 'on_track' : 'at_risk';
}

/**
 * The status of a goal at a tertial follow-up: the worst status of its indicators (not met, at
 * risk, on track, met), so that one failing indicator is never hidden by the others. Indicators
 * with nothing measured yet are left out; null when none has a status.
 * Verksamhetsplan 2023, 2.3 ("Målen följs upp tertialvis").
 */
export function goalStatus(options: { tertial: number; readings: readonly IndicatorReading[] }): GoalStatus | null {
  let worst: GoalStatus | null = null;
  for (const reading of options.readings) {
    const status = indicatorStatus(reading, options.tertial);
    if (status !== null && (worst === null || ORDER.indexOf(status) > ORDER.indexOf(worst))) worst = status;
  }
  return worst;
}

/** The tertial (1–3) a month (1–12) falls in: January–April, May–August, September–December. */
export function tertialOfMonth(month: number): 1 | 2 | 3 {
  requireInteger(month, { name: 'month', min: 1 });
  if (month > 12) refuse('INVALID_INPUT', `month is 1–12, got ${month}`, `månad är 1–12, fick ${month}`);
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}
