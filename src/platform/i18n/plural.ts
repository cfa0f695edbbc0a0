import type { Locale } from './define.js';

const rules: Record<Locale, Intl.PluralRules> = { sv: new Intl.PluralRules('sv'), en: new Intl.PluralRules('en') };

/**
 * The plural category of a count in the locale: Swedish and English both have 'one' and 'other'
 * ("1 kallelse", "2 kallelser"), so a message keeps a `.one` and an `.other` form.
 */
export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  return rules[locale].select(count) === 'one' ? 'one' : 'other';
}
