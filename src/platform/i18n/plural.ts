/**
 * Counted words in the UI ("1 punkt", "2 punkter"): the one helper, on Intl.PluralRules. A counted
 * message has two keys, `<key>.one` and `<key>.other`; `countText` picks the form for the count.
 * Text outside the catalogue (a Swedish-only mail) uses `countWord` with the two forms.
 */
import type { Locale } from './define.js';
import type { MessageKey, Translate } from './i18n.js';

const rules: Record<Locale, Intl.PluralRules> = { sv: new Intl.PluralRules('sv'), en: new Intl.PluralRules('en') };

/**
 * The plural category of a count in the locale: Swedish and English both have 'one' and 'other'
 * ("1 kallelse", "2 kallelser"), so a message keeps a `.one` and an `.other` form.
 */
export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  return rules[locale].select(count) === 'one' ? 'one' : 'other';
}

/** The message keys that have both a `.one` and an `.other` form, named without the suffix. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never }[MessageKey];

/**
 * The counted message in the form for `n`: `{n}` and `{count}` in it are the count.
 * countText(ctx, 'room.items', 1) → "1 punkt på dagordningen"; with 2 → "2 punkter på dagordningen".
 */
export function countText(ctx: { locale: Locale; t: Translate }, key: CountedKey, n: number, vars: Record<string, string | number> = {}): string {
  const form = `${key}.${pluralCategory(ctx.locale, n)}` as MessageKey;
  return ctx.t(form, { n, count: n, ...vars });
}

/** "1 beslut", "3 påminnelser": the count and the word in its form, for text outside the catalogue. */
export function countWord(locale: Locale, n: number, forms: { one: string; other: string }): string {
  return `${n} ${forms[pluralCategory(locale, n)]}`;
}
