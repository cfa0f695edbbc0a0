/**
 * Many readers at once of a notice board that is not in memory yet (at start, and each new
 * minute): they share one build of it, rather than each taking database connections for its own
 * (with a thousand readers of 290 boards, every connection was taken and readers got 503).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { buildJointCommittee } from '../../../test/support/publication-fixtures.js';

describe('notice board in memory', () => {
  let t: TestContext;
  let slugs: string[];

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-02T10:00:30Z') });
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
});
