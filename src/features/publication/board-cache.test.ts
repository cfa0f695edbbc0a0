/**
 * The notice boards in memory: many readers of a board not built yet share one build (with a
 * thousand readers of 290 boards, a build each took every connection and readers got 503); a
 * built board is kept while the data is unchanged until the first moment its answer could change
 * (the next Swedish midnight, the next scheduled posting), and is then exactly what a fresh build
 * gives.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { buildFinalProtocol, buildJointCommittee } from '../../../test/support/publication-fixtures.js';
import { nextSwedishMidnight } from '../../platform/time-format.js';
import { createBoardReader } from './board-reader.js';

let now = new Date('2026-03-02T10:00:30Z');

describe('notice board in memory', () => {
  let t: TestContext;
  let slugs: string[];

  before(async () => {
    t = await createTestApp({ clock: () => now });
    slugs = (await buildJointCommittee(t.services)).members.map((m) => m.slug);
  });
  after(() => t.close());

  test('concurrent readers of a board not yet built share one build', async () => {
    const [first = '', second = ''] = slugs;
    const boards = await Promise.all([...Array.from({ length: 10 }, () => t.services.publication.board(first)), t.services.publication.board(second)]);
    const ofFirst = new Set(boards.slice(0, 10));
    assert.equal(ofFirst.size, 1, 'one build for the ten readers of the first board');
    assert.equal(boards[0]?.municipality.slug, first);
    assert.equal(boards[10]?.municipality.slug, second, 'another board is built on its own');
    assert.equal(await t.services.publication.board(first), boards[0], 'and kept for the next reader');
  });

  test('a board that does not exist is refused to every concurrent reader, and not kept', async () => {
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => t.services.publication.board('finns-inte')));
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.equal((result.reason as { code?: string }).code, 'NOT_FOUND');
    }
    await assert.rejects(t.services.publication.board('finns-inte'), { code: 'NOT_FOUND' });
  });

  test('a board is kept across minutes while nothing changes, and built again at the Swedish midnight', async () => {
    const [slug = ''] = slugs;
    now = new Date('2026-03-02T10:00:30Z');
    const first = await t.services.publication.board(slug);
    now = new Date('2026-03-02T17:45:00Z');
    assert.equal(await t.services.publication.board(slug), first, 'the same board hours later');
    now = new Date('2026-03-02T22:59:59.999Z'); // 23:59:59.999 in Stockholm (winter time)
    assert.equal(await t.services.publication.board(slug), first);
    now = new Date('2026-03-02T23:00:00Z');
    const next = await t.services.publication.board(slug);
    assert.notEqual(next, first, 'a new day: built again');
    assert.equal(next.today, '2026-03-03');
    now = new Date('2026-03-02T12:00:00Z');
    assert.equal((await t.services.publication.board(slug)).today, '2026-03-02', 'a clock moved back is not answered from a later build');
  });
});

describe('a kept board is what a fresh build gives, at any time', () => {
  let t: TestContext;
  let slug: string;
  const scheduledAt = new Date('2026-12-04T07:00:00Z'); // the next 08:00 after the justering

  before(async () => {
    now = new Date('2026-12-03T14:30:00Z');
    t = await createTestApp({ clock: () => now });
    const org = await buildJointCommittee(t.services, { municipalities: ['Dalby kommun', 'Eby kommun'], publication: { noticePosting: 'scheduled', postingTime: '08:00' } });
    const [dalby] = org.members;
    if (!dalby) throw new Error('members');
    slug = dalby.slug;
    await buildFinalProtocol(t.services, { committeeId: org.committee.id, bodyId: org.body.id, municipalityId: dalby.id, meetingAt: new Date('2026-11-30T12:00:00Z'), justerAt: new Date('2026-12-03T14:00:00Z') });
  });
  after(() => t.close());

  test('a scheduled posting goes up at its very millisecond', async () => {
    now = new Date(scheduledAt.getTime() - 1);
    assert.equal((await t.services.publication.board(slug)).current.length, 0);
    now = scheduledAt;
    assert.equal((await t.services.publication.board(slug)).current.length, 1);
  });

  test('seeded: at random times and around every boundary, forwards and back, the kept board equals a fresh build', async () => {
    const start = new Date('2026-12-02T00:00:00Z').getTime();
    const end = new Date('2027-01-05T00:00:00Z').getTime();
    // The moments the board changes: the scheduled posting, each Swedish midnight (the appeal period ends at one).
    const boundaries = [scheduledAt.getTime()];
    for (let day = nextSwedishMidnight(new Date(start)); day.getTime() < end; day = nextSwedishMidnight(day)) boundaries.push(day.getTime());
    const moment = fc.oneof(fc.integer({ min: start, max: end }), fc.constantFrom(...boundaries).chain((b) => fc.integer({ min: b - 2, max: b + 1 })));
    await fc.assert(
      fc.asyncProperty(fc.array(moment, { minLength: 1, maxLength: 8 }), async (moments) => {
        for (const ms of moments) {
          now = new Date(ms);
          const kept = await t.services.publication.board(slug);
          const fresh = await createBoardReader({ database: t.database, clock: () => now }).board(slug);
          assert.deepEqual(kept, fresh, now.toISOString());
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('nextSwedishMidnight', () => {
  const cases: [string, string][] = [
    ['2026-03-02T10:00:00Z', '2026-03-02T23:00:00.000Z'], // winter time
    ['2026-07-01T21:59:59.999Z', '2026-07-01T22:00:00.000Z'], // summer time, the last millisecond of the day
    ['2026-07-01T22:00:00Z', '2026-07-02T22:00:00.000Z'], // midnight itself: the next one
    ['2026-03-28T12:00:00Z', '2026-03-28T23:00:00.000Z'], // the night the clocks go forward (29 March)
    ['2026-03-29T12:00:00Z', '2026-03-29T22:00:00.000Z'],
    ['2026-10-24T12:00:00Z', '2026-10-24T22:00:00.000Z'], // the night the clocks go back (25 October)
    ['2026-10-25T12:00:00Z', '2026-10-25T23:00:00.000Z'],
    ['2026-12-31T23:30:00Z', '2027-01-01T23:00:00.000Z'],
  ];
  for (const [at, expected] of cases) {
    test(`after ${at}: ${expected}`, () => assert.equal(nextSwedishMidnight(new Date(at)).toISOString(), expected));
  }
});
