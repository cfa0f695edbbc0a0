import { formatKronor } from '../../domain/money-format.js';

/** Whole numbers as in the seed's tables: a space between thousands ("1 781 236"), "–" for none. */
export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatKronor(value);
}
