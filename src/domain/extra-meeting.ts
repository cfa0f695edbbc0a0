/** Extra sammanträde: a meeting held because members ask for it. */
import { refuse, requireInteger } from './domain-error.js';

/**
 * True when at least a third of the members have asked for a meeting, so one must be held.
 * `seats` is the number of member seats; `requesting` counts members who asked (in writing,
 * naming the items, 9 § 2 st). Refuses seats below 1 and more requesting than seats.
 * KL 6:23; reglemente 9 §.
 */
export function isExtraMeetingRequired(options: { requesting: number; seats: number }): boolean {
  requireInteger(options.seats, { name: 'seats', min: 1 });
  requireInteger(options.requesting, { name: 'requesting', min: 0 });
  if (options.requesting > options.seats) {
    refuse(
      'invalid-input',
      `${options.requesting} requesting is more than the ${options.seats} members`,
      `${options.requesting} som begär sammanträde är fler än de ${options.seats} ledamöterna`,
    );
  }
  // Whole numbers only: requesting / seats >= 1/3 without rounding.
  return options.requesting * 3 >= options.seats;
}
