import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { buildCommittee, createTestApp, type TestContext } from '../../../test/support/app.js';
import { queryRows } from '../../platform/db/database.js';
import { upsertSearchEntry } from './search.repository.js';
import { MIN_PREFIX, refineTsquery } from './search-query.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäö';
const word = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...LETTERS), minLength: min, maxLength: max });
const quote = (w: string) => `'${w.replace(/'/g, "''")}'`;
const lexemes = (tsquery: string) => [...tsquery.matchAll(/(!?)\s*'((?:[^']|'')*)'(:\*)?/g)].map((m) => ({ negated: m[1] === '!', value: (m[2] ?? '').replace(/''/g, "'"), prefix: Boolean(m[3]) }));

describe('the query tokeniser: word beginnings (seeded property)', () => {
  test('every word of three letters or more finds the words it begins; excluded and short words stay whole', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ w: word(1, 14), negated: fc.boolean() }), { minLength: 1, maxLength: 5 }), (terms) => {
        const input = terms.map((t) => `${t.negated ? '!' : ''}${quote(t.w)}`).join(' & ');
        const out = lexemes(refineTsquery(input));
        for (const t of terms) {
          if (t.negated || [...t.w].length < MIN_PREFIX) {
            assert.ok(out.some((l) => !l.prefix && l.value === t.w), `${t.w} stays whole in ${input}`);
          } else {
            assert.ok(out.some((l) => l.prefix && t.w.startsWith(l.value)), `${t.w} finds its beginnings in ${input}`);
          }
        }
        for (const l of out) if (l.prefix) assert.ok([...l.value].length >= MIN_PREFIX - 1 && !l.negated);
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  test('refining twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.array(word(1, 12), { minLength: 1, maxLength: 4 }), (words) => {
        const once = refineTsquery(words.map(quote).join(' & '));
        assert.equal(refineTsquery(once), once);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('compound tails and prefixes in the index', () => {
  let t: TestContext;
  let organisationId: string;
  before(async () => {
    t = await createTestApp();
    organisationId = (await buildCommittee(t.services)).committee.id;
    const entry = (title: string) =>
      upsertSearchEntry(t.services.database.db, { kind: 'paragraph', refId: randomUUID(), organisationId, year: 2026, visibility: 'public', reference: '§ 1', title, content: '', url: '/p' });
    await entry('Sårbarhetsanalys för e-nämnden');
    await entry('ÅRSREDOVISNING 2025');
    await entry('Verksamhetsplan 2027');
    await entry('Analysera behoven');
  });
  after(() => t.close());

  const titles = async (q: string) => (await t.services.search.search(null, { q })).hits.map((h) => h.title).sort();

  test('a word beginning, any case, å/ä/ö included, finds the compound', async () => {
    for (const q of ['sårbarhet', 'Sårbarhet', 'SÅRBARHET', 'sårbarhetsanalys']) assert.deepEqual(await titles(q), ['Sårbarhetsanalys för e-nämnden'], q);
    assert.deepEqual(await titles('årsredovisningen'), ['ÅRSREDOVISNING 2025']);
    assert.deepEqual(await titles('årsred'), ['ÅRSREDOVISNING 2025']);
  });

  test('an inflected form finds its base word (Swedish stemming): "sårbarhetsanalysen" finds "Sårbarhetsanalys"', async () => {
    for (const q of ['sårbarhetsanalysen', 'Sårbarhetsanalyserna', 'sårbarheten', 'sårbarheter', 'sårbarhetsanalysens']) assert.deepEqual(await titles(q), ['Sårbarhetsanalys för e-nämnden'], q);
    assert.deepEqual(await titles('verksamhetsplanen'), ['Verksamhetsplan 2027']);
    assert.deepEqual(await titles('verksamhetsplanerna'), ['Verksamhetsplan 2027']);
    assert.deepEqual(await titles('årsredovisningarna'), ['ÅRSREDOVISNING 2025']);
    assert.deepEqual(await titles('analysen'), ['Analysera behoven', 'Sårbarhetsanalys för e-nämnden'], 'the tail of a compound, inflected');
    assert.deepEqual(await titles('behovet'), ['Analysera behoven']);
    assert.deepEqual(await titles('zebran'), []);
  });

  test('the tail of a compound finds it: "analys" finds "Sårbarhetsanalys", "plan" finds "Verksamhetsplan"', async () => {
    assert.deepEqual(await titles('analys'), ['Analysera behoven', 'Sårbarhetsanalys för e-nämnden']);
    assert.deepEqual(await titles('plan'), ['Verksamhetsplan 2027']);
    assert.deepEqual(await titles('redovisning'), ['ÅRSREDOVISNING 2025']);
    assert.deepEqual(await titles('zebra'), []);
  });

  test('a whole word ranks above a compound tail', async () => {
    const hits = (await t.services.search.search(null, { q: 'analys' })).hits;
    assert.equal(hits[0]?.title, 'Analysera behoven');
  });

  test('kansli_compound_tails: each tail is a suffix of a long word, 4 letters or more, after a head of 3 or more, the same in any case (seeded property)', async () => {
    const db = t.services.database.db;
    await fc.assert(
      fc.asyncProperty(word(3, 9), word(4, 9), word(0, 7), async (head, tail, other) => {
        const compound = head + tail;
        const text = `${compound.toUpperCase()} ${other}`;
        const [row] = await queryRows<{ tails: string; lower: string }>(db, sql`select kansli_compound_tails(${text}) as tails, kansli_compound_tails(${`${compound} ${other}`}) as lower`);
        const tails = (row?.tails ?? '').split(' ').filter(Boolean);
        assert.equal(row?.tails, row?.lower);
        if (compound.length >= 8) assert.ok(tails.includes(tail), `${tail} of ${compound}: ${tails.join(',')}`);
        for (const x of tails) {
          assert.ok(x.length >= 4);
          const owner = [compound, other].find((w) => w.length >= 8 && w.endsWith(x) && w.length - x.length >= 3);
          assert.ok(owner, `${x} is a tail of a long word`);
        }
      }),
      { seed: 18, numRuns: 60 },
    );
  });
});
