/**
 * Account ranges and mapping suggestions for the outcome import. Pure: the preview hands in the
 * remembered mappings, the ranges and the year's cost objects.
 *
 * BAS (the Swedish chart of accounts) groups accounts by their leading digits: class 3 income,
 * 4 goods and services bought, 5–6 other external costs, 7 personnel, 8 financial items. An
 * unmapped account is offered the cost object its neighbours in the same group already go to
 * (541x, then 54xx, then 5xxx), else the cost object its class usually belongs to.
 */
import type { UserMessage } from '../../domain/domain-error.js';

export interface AccountRange {
  from: string;
  to: string;
}

export interface RangeMapping extends AccountRange {
  costCentre: string;
  costObjectCode: string;
  ignore: boolean;
}

export interface SuggestionCostObject {
  code: string;
  name: string;
  kind: 'base_funding' | 'management' | 'shared_service' | 'project';
}

export interface MappingSuggestion {
  code: string;
  reason: UserMessage;
}

/** "5400-5499" (as a form sends it) → the range, if it is two account numbers of the same length in order. */
export function parseRange(text: string): AccountRange | null {
  const m = /^(\d{2,10})[-–](\d{2,10})$/.exec(text.trim());
  if (!m?.[1] || !m[2] || m[1].length !== m[2].length || m[1] > m[2]) return null;
  return { from: m[1], to: m[2] };
}

export const rangeText = (r: AccountRange) => `${r.from}–${r.to}`;

/** Accounts compare by their leading digits: "5410" lies in 5400–5499, "54101" (a sub-account) too. */
export function inRange(account: string, r: AccountRange): boolean {
  if (!/^\d+$/.test(account)) return false;
  const head = account.slice(0, r.from.length);
  return head.length === r.from.length && head >= r.from && head <= r.to;
}

/** The ranges offered for an account: its ten (5410–5419), its hundred (5400–5499) and its class (5000–5999). */
export function rangesFor(account: string): AccountRange[] {
  if (!/^\d{4}/.test(account)) return [];
  const a = account.slice(0, 4);
  return [3, 2, 1].map((keep) => ({ from: a.slice(0, keep).padEnd(4, '0'), to: a.slice(0, keep).padEnd(4, '9') }));
}

/** The narrowest range that holds the account, preferring the cost centre's own over the any-centre one. */
export function findRange<T extends RangeMapping>(ranges: readonly T[], account: string, costCentre: string): T | undefined {
  const width = (r: AccountRange) => Number(r.to) - Number(r.from);
  const holding = ranges.filter((r) => inRange(account, r) && (r.costCentre === costCentre || r.costCentre === ''));
  return holding.sort((a, b) => width(a) - width(b) || (a.costCentre === '' ? 1 : 0) - (b.costCentre === '' ? 1 : 0))[0];
}

const CLASS_KIND: Record<string, { kind: SuggestionCostObject['kind']; sv: string; en: string }> = {
  '3': { kind: 'base_funding', sv: 'BAS-klass 3, intäkter', en: 'BAS class 3, income' },
  '4': { kind: 'shared_service', sv: 'BAS-klass 4, inköpta varor och tjänster', en: 'BAS class 4, goods and services bought' },
  '5': { kind: 'base_funding', sv: 'BAS-klass 5, övriga externa kostnader', en: 'BAS class 5, other external costs' },
  '6': { kind: 'base_funding', sv: 'BAS-klass 6, övriga externa kostnader', en: 'BAS class 6, other external costs' },
  '7': { kind: 'management', sv: 'BAS-klass 7, personalkostnader', en: 'BAS class 7, personnel costs' },
  '8': { kind: 'base_funding', sv: 'BAS-klass 8, finansiella poster', en: 'BAS class 8, financial items' },
};

/** A mapped account that can vouch for its neighbours. */
export interface KnownMapping {
  account: string;
  code: string;
}

/**
 * The cost object to offer an unmapped account: the most used one among the mapped accounts that
 * share its first three, then two, then one digit(s); else the first cost object (by the list's
 * order) of the kind its BAS class belongs to. Only codes of the year's cost objects are offered.
 */
export function suggestMapping(account: string, options: { known: readonly KnownMapping[]; costObjects: readonly SuggestionCostObject[] }): MappingSuggestion | null {
  if (!/^\d{4}/.test(account)) return null;
  const exists = new Set(options.costObjects.map((o) => o.code));
  const known = options.known.filter((k) => k.account !== account && exists.has(k.code) && /^\d{4}/.test(k.account));
  for (const keep of [3, 2, 1]) {
    const near = known.filter((k) => k.account.slice(0, keep) === account.slice(0, keep));
    if (near.length === 0) continue;
    const counts = new Map<string, number>();
    for (const k of near) counts.set(k.code, (counts.get(k.code) ?? 0) + 1);
    const [code] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    const example = near.filter((k) => k.code === code).map((k) => k.account).sort()[0] ?? '';
    if (code) return { code, reason: { sv: `som närliggande konto ${example}`, en: `as the neighbouring account ${example}` } };
  }
  const byClass = CLASS_KIND[account.charAt(0)];
  const object = byClass && options.costObjects.find((o) => o.kind === byClass.kind);
  return object && byClass ? { code: object.code, reason: { sv: byClass.sv, en: byClass.en } } : null;
}
