import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pluralCategory } from './plural.js';
import '../../messages.js';
import { translator } from './i18n.js';

describe('pluralCategory', () => {
  test('one only for exactly 1, in Swedish and English', () => {
    for (const locale of ['sv', 'en'] as const) {
      assert.deepEqual([0, 1, 2, 5, 11, 21, 101].map((n) => pluralCategory(locale, n)), ['other', 'one', 'other', 'other', 'other', 'other', 'other']);
    }
  });

  test('the task counts read right: "1 kallelse", "2 kallelser", "1 dag", "3 dagar"', () => {
    const t = translator('sv');
    const count = (key: 'tasks.notices' | 'tasks.late', n: number) => t(`${key}.${pluralCategory('sv', n)}`, { n });
    assert.equal(count('tasks.notices', 1), '1 kallelse att skicka');
    assert.equal(count('tasks.notices', 2), '2 kallelser att skicka');
    assert.equal(count('tasks.late', 1), '1 dag för sent');
    assert.equal(count('tasks.late', 3), '3 dagar för sent');
  });
});
