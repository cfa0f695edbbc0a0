/**
 * Issue 18 — the SIE import suggests mappings by BAS ranges and neighbouring accounts, and remembers a
 * mapping for a whole range: tried with the two real SIE 4 files in /work/shared/standards/sie.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { accountMappings, accountRangeMappings, costObjects } from '../../tables.js';

const SIE = '/work/shared/standards/sie';
const SIEPORT = readFileSync(`${SIE}/SIEPort__SIE4-sample.SE`);
const BL0001 = readFileSync(`${SIE}/jsisie__BL0001_typ4.SE`);

/** The mapping form as the browser would send it: hidden fields and each select's selected option. */
function formOf(html: string): Record<string, string> {
  const form = /<form[^>]*action="\/ekonomi\/utfall\/importera\/bekrafta"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value(?:="([^"]*)")?/g)) if (m[1] !== '_csrf') values[m[1] ?? ''] = m[2] ?? '';
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    values[m[1] ?? ''] = /<option value="([^"]*)" selected/.exec(m[2] ?? '')?.[1] ?? '';
  }
  return values;
}

const rowOf = (form: Record<string, string>, account: string, centre = '') =>
  Object.keys(form).find((k) => k.startsWith('account_') && form[k] === account && form[`centre_${k.slice(8)}`] === centre)?.slice(8);

describe('outcome import: suggestions and range mappings with real SIE files', () => {
  let t: TestContext;
  let economist: TestClient;
  let committeeId = '';

  before(async () => {
    t = await createTestApp();
    committeeId = (await buildCommittee(t.services)).committee.id;
    for (const year of [2009, 2021]) {
      await t.services.database.db.insert(costObjects).values([
        { committeeId, year, code: 'GF', name: 'Grundfinansiering', kind: 'base_funding', position: 1 },
        { committeeId, year, code: 'VU', name: 'Verksamhetsutvecklare', kind: 'management', position: 2 },
        { committeeId, year, code: 'ETJ', name: 'E-tjänsteplattform', kind: 'shared_service', position: 3 },
      ]);
    }
    // One account already mapped by hand in an earlier year.
    await t.services.database.db.insert(accountMappings).values({ committeeId, account: '5420', costCentre: '', costObjectCode: 'ETJ', kind: 'cost' });
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['economist'] });
    economist = new TestClient(t.app);
    await economist.signIn(user.email);
  });
  after(() => t.close());

  async function upload(bytes: Buffer, year: string, name: string) {
    const r = await economist.postMultipart('/ekonomi/utfall/importera', { year, periodTo: '' }, { file: { name, bytes } });
    assert.equal(r.statusCode, 302, r.body.slice(0, 2000));
    return economist.get(String(r.headers.location));
  }

  test('unmapped accounts get a suggestion; a range chosen for 5410 maps its neighbours and is remembered, not each account', async () => {
    const preview = await upload(SIEPORT, '2021', 'sieport.se');
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Förslag: ETJ E-tjänsteplattform, som närliggande konto 5420\./);
    assert.match(preview.body, /Förslag: VU Verksamhetsutvecklare, BAS-klass 7, personalkostnader\./);
    assert.match(preview.body, /Förslag: GF Grundfinansiering, BAS-klass 3, intäkter\./);
    assert.match(preview.body, /Alla konton 5400–5499, även i kommande importer/);
    const form = formOf(preview.body);
    const n5410 = rowOf(form, '5410', 'Nord') ?? rowOf(form, '5410');
    assert.ok(n5410, 'a mapping field for 5410');
    assert.equal(form[`choice_${n5410}`], 'ETJ', 'the suggestion is preselected');

    // Accept the suggestion for the whole hundred 5400–5499, and review.
    const reviewed = await economist.post('/ekonomi/utfall/importera/granska', { ...form, [`range_${n5410}`]: '5400-5499' });
    assert.equal(reviewed.statusCode, 200);
    assert.match(reviewed.body, /\(valt nu för konto 5400–5499\)/);
    const after = formOf(reviewed.body);
    assert.equal(rowOf(after, '5460'), undefined, '5460 no longer asks: the range maps it');
    assert.equal(after[`range_${n5410}`], '5400-5499');

    const saved = await economist.post('/ekonomi/utfall/importera/bekrafta', after);
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 3000));
    const ranges = await t.services.database.db.select().from(accountRangeMappings).where(eq(accountRangeMappings.committeeId, committeeId));
    assert.deepEqual(ranges.map((r) => [r.accountFrom, r.accountTo, r.costCentre, r.costObjectCode, r.ignore]), [['5400', '5499', '', 'ETJ', false]]);
    const own = (await t.services.database.db.select().from(accountMappings).where(eq(accountMappings.committeeId, committeeId))).map((m) => m.account);
    assert.ok(!own.includes('5410') && !own.includes('5460'), 'the range is remembered, not each account of it');
    assert.ok(own.includes('7010'), 'the accepted suggestions outside the range are remembered per account');
    const entries = await t.services.database.query<{ account: string; code: string }>(
      sql`select distinct e.account, c.code from outcome_entries e join cost_objects c on c.id = e.cost_object_id where e.account like '54%' order by e.account`,
    );
    assert.deepEqual(entries.map((e) => [e.account, e.code]), [['5410', 'ETJ'], ['5420', 'ETJ'], ['5460', 'ETJ']]);
  });

  test('the next import of another file applies the remembered range', async () => {
    const preview = await upload(BL0001, '2009', 'bl0001.se');
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /5410[^<]*<\/th>[\s\S]*?\(sparad för konto 5400–5499\)/);
    assert.equal(rowOf(formOf(preview.body), '5410'), undefined, '5410 is not asked for again');
  });

  test('a forged range that does not hold its account is refused whole', async () => {
    const preview = await upload(SIEPORT, '2021', 'sieport-igen.se');
    const form = formOf(preview.body);
    const before = (await t.services.database.db.select().from(accountRangeMappings)).length;
    const refused = await economist.post('/ekonomi/utfall/importera/bekrafta', { ...form, account_9999: '7010', centre_9999: 'Nord', choice_9999: 'VU', range_9999: '1000-1099' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Intervallet 1000-1099 innehåller inte konto/);
    assert.equal((await t.services.database.db.select().from(accountRangeMappings)).length, before);
  });
});
