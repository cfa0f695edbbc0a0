/** The demo: the 2022-12-14 protocol's notice is on all 14 member municipalities' boards. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { TestClient, createTestApp, type TestContext } from '../../../test/support/app.js';
import { loadDemo } from '../demo/demo.js';
import { loadPublicationDemo } from '../demo/demo-publication.js';
import { notices } from './publication.tables.js';
import { DEMO_MUNICIPALITIES } from '../demo/demo-data.js';

describe('demo notices', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-11-27T10:00:00Z') });
    await loadDemo(t.services);
  });
  after(() => t.close());

  test('every board carries the notice of the protocol adjusted 2022-12-19, taken down after the appeal period', async () => {
    const client = new TestClient(t.app);
    assert.equal(DEMO_MUNICIPALITIES.length, 14);
    for (const m of DEMO_MUNICIPALITIES) {
      const json = JSON.parse((await client.get(`/api/v1/notice-boards/${m.slug}`)).body) as { notices: { body: string; meetingDate: string; justeredOn: string; postedOn: string; lastDayToAppeal: string; takeDownOn: string; keptAt: string; current: boolean }[] };
      // Posted Mon 2022-12-19 on every board: three weeks → Mon 2023-01-09 (trettondedag jul was the Friday before).
      assert.deepEqual(
        json.notices.map((n) => [n.meetingDate, n.justeredOn, n.postedOn, n.lastDayToAppeal, n.takeDownOn, n.current, n.keptAt]),
        [['2022-12-14', '2022-12-19', '2022-12-19', '2023-01-09', '2023-01-10', false, 'Kommunledningsförvaltningen, Luleå kommun']],
        m.slug,
      );
      const page = await client.get(`/anslagstavla/${m.slug}`);
      assert.match(page.body, /Tidigare anslag[\s\S]*2022-12-14/, m.slug);
      // KL 13:5–6: the demo committee sits in Luleå; its decisions are appealed there.
      assert.match(page.body, /Skicka överklagandet till Förvaltningsrätten i Luleå\./, m.slug);
    }
  });

  test('loading the demo again adds no notices', async () => {
    await loadDemo(t.services);
    const rows = await t.database.query<{ n: string }>(sql`select count(*)::text as n from notices`);
    assert.equal(Number(rows[0]?.n), 14);
  });

  test('a demo database whose protocol became final without notices gets them from the protocol’s own dates', async () => {
    await t.database.db.delete(notices);
    await loadPublicationDemo(t.services);
    const rows = await t.database.db.select().from(notices);
    assert.equal(rows.length, 14);
    assert.ok(rows.every((r) => r.postedOn === '2022-12-19'));
  });
});
