/**
 * One helper for counted words (issue 18): Intl.PluralRules picks 'one' only for exactly 1 in
 * Swedish and English ("1 punkt", "0 punkter", "21 punkter"), and countText asks the catalogue for
 * that form with the count filled in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { MessageKey } from './i18n.js';
import { countText, countWord, pluralCategory } from './plural.js';

describe('counted words through Intl.PluralRules', () => {
  const cases: [number, string, string][] = [
    [1, '1 punkt', '1 item'],
    [0, '0 punkter', '0 items'],
    [2, '2 punkter', '2 items'],
    [11, '11 punkter', '11 items'],
    [21, '21 punkter', '21 items'],
    [101, '101 punkter', '101 items'],
  ];
  for (const [n, sv, en] of cases) {
    it(`${n} → "${sv}" / "${en}"`, () => {
      assert.equal(countWord('sv', n, { one: 'punkt', other: 'punkter' }), sv);
      assert.equal(countWord('en', n, { one: 'item', other: 'items' }), en);
    });
  }
  it("countText asks for the key's form and fills {n} and {count} (seeded property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('sv' as const, 'en' as const), (n, locale) => {
        const asked: { key: string; vars: Record<string, string | number> | undefined }[] = [];
        const t = (key: MessageKey, vars?: Record<string, string | number>) => {
          asked.push({ key, vars });
          return key;
        };
        const text = countText({ locale, t }, 'room.items', n, { extra: 'x' });
        assert.equal(text, n === 1 ? 'room.items.one' : 'room.items.other');
        assert.equal(pluralCategory(locale, n), n === 1 ? 'one' : 'other');
        assert.deepEqual(asked[0]?.vars, { n, count: n, extra: 'x' });
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});
