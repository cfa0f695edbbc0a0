import { requireInteger, requirePresentCount } from './domain-error.js';

/** Whether a committee may handle matters, with the numbers behind the answer. */
export interface QuorumResult {
  readonly quorate: boolean;
  /** Serving persons needed: more than half of the member seats. */
  readonly required: number;
  readonly present: number;
}

/**
 * Whether a committee may handle matters, with the number required: more than half of its
 * members present. `seats` is the number of member seats; `present` counts those serving,
 * members and serving substitutes alike (a member stepping out for jäv does not count: jäv
 * gives no relief). Refuses seats below 1, a negative or fractional count and more serving
 * than seats.
 * KL 6:27.
 */
export function quorumStatus(options: { seats: number; present: number }): QuorumResult {
  requirePresentCount({ name: 'present', value: options.present }, { name: 'seats', value: options.seats }, {
    en: `${options.present} serving is more than the ${options.seats} seats`,
    sv: `${options.present} tjänstgörande är fler än de ${options.seats} platserna`,
  });
  const required = Math.floor(options.seats / 2) + 1;
  return { quorate: options.present >= required, required, present: options.present };
}

/**
 * The number of member seats the quorum rule divides: the configured number, else one per
 * member municipality (each appoints one member), vacancies included. Never fewer than the
 * members holding a mandate, so a configuration left behind a new member cannot hide a seat.
 * KL 6:27; reglemente 13 §.
 */
export function committeeSeats(options: { configured: number | null; memberMunicipalities: number; filled: number }): number {
  requireInteger(options.memberMunicipalities, { name: 'memberMunicipalities', min: 0, code: 'INVALID_ATTENDANCE' });
  requireInteger(options.filled, { name: 'filled', min: 0, code: 'INVALID_ATTENDANCE' });
  if (options.configured !== null) requireInteger(options.configured, { name: 'seats', min: 1, code: 'INVALID_ATTENDANCE' });
  return Math.max(options.configured ?? options.memberMunicipalities, options.filled);
}
