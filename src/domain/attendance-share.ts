/** Närvaro over time: the business plan's attendance goals of at least 75 %. */
import { requirePresentCount } from './domain-error.js';

/**
 * Attendance as a percentage with one decimal, rounded half up: 2 of 3 is 66.7. `present` and
 * `total` are whole counts (e.g. municipalities at a preparation-group meeting and all member
 * municipalities); refuses a total of 0 and more present than total.
 * Verksamhetsplan 2023, 2.3.2 Indikatorer (seed § 22): at least 75 % of the municipalities at every
 * preparation-group meeting; at least 75 % of the members at the committee's meetings.
 */
export function attendanceShare(options: { present: number; total: number }): number {
  requirePresentCount({ name: 'present', value: options.present }, { name: 'total', value: options.total }, {
    en: `${options.present} present is more than the total ${options.total}`,
    sv: `${options.present} närvarande är fler än totalt ${options.total}`,
  });
  // A quotient of whole numbers ending in exactly .5 is exact in binary, so Math.round rounds half up.
  return Math.round((options.present * 1000) / options.total) / 10;
}
