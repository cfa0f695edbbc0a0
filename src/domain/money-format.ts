/**
 * Amounts as the seed writes them: whole kronor, a space between thousands ("1 781 236"),
 * a hyphen-minus for negatives ("-55 958").
 */
import { refuse } from './domain-error.js';

// The seed's PDF text uses U+0020 between groups; parsing also accepts the no-break
// and narrow no-break spaces that word processors insert.
const GROUP_SEPARATOR = ' ';
const AMOUNT_PATTERN = /^([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)\s*(?:kr|sek|kronor)?$/i;

/**
 * Formats whole kronor like the seed: "1 781 236", "-55 958", "0". Refuses fractions.
 * Seed § 19 economy report (amounts in whole kronor).
 */
export function formatKronor(amount: number): string {
  if (!Number.isSafeInteger(amount)) {
    refuse('INVALID_AMOUNT', `only whole kronor are formatted, got ${String(amount)}`, `bara hela kronor formateras, fick ${String(amount)}`);
  }
  const digits = String(Math.abs(amount));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${amount < 0 ? '-' : ''}${groups.join(GROUP_SEPARATOR)}`;
}

/**
 * Reads an amount written like the seed ("1 781 236", "-55 958 kr", "183 848 SEK", "4 783SEK",
 * "80 500kr"); spaces must group thousands correctly. Seed § 19 economy report.
 */
export function parseKronor(text: string): number {
  const match = AMOUNT_PATTERN.exec(text.trim());
  const value = match === null ? Number.NaN : Number((match[2] ?? '').replace(/[ \u00a0\u202f]/g, ''));
  if (match === null || !Number.isSafeInteger(value)) {
    return refuse(
      'INVALID_AMOUNT',
      `"${text}" is not an amount in whole kronor like 1 781 236 or -55 958`,
      `"${text}" är inte ett belopp i hela kronor som 1 781 236 eller -55 958`,
    );
  }
  return match[1] === '' || value === 0 ? value : -value;
}
