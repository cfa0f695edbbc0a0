import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { costObjects } from './economy.tables.js';
import { organisations, populations } from '../organisation/organisation.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { eq } from 'drizzle-orm';

describe('economy pages and exports', () => {
  let t: TestContext;
  let economist: TestClient;
  let auditor: TestClient;
  let base: string;
  let ids: { a: string; b: string };

  before(async () => {
    t = await createTestApp();
    const db = t.services.database.db;
    const { committee, municipality } = await buildCommittee(t.services);
    const [second] = await db.insert(organisations).values({ kind: 'municipality', name: 'Arjeplogs kommun', slug: `arjeplog-${process.pid}`, committeeId: committee.id }).returning();
    if (!second) throw new Error('no municipality');
    ids = { a: second.id, b: municipality.id };
    await db.insert(populations).values([
      { organisationId: second.id, year: 2025, population: 1000, source: 'test' },
      { organisationId: municipality.id, year: 2025, population: 3000, source: 'test' },
    ]);
    base = `/ekonomi/${committee.slug}/2026`;
    const e = await buildUser(t.services, { organisationId: committee.id, roles: ['economist'] });
    const r = await buildUser(t.services, { organisationId: committee.id, roles: ['auditor'] });
    economist = new TestClient(t.app);
    await economist.signIn(e.email);
    auditor = new TestClient(t.app);
    await auditor.signIn(r.email);
  });
  after(() => t.close());

  const costObject = (values: Record<string, string>) => ({
    code: 'GF', name: 'Grundfinansiering', kind: 'base_funding', invoicing: 'advance', position: '1', budgetIncome: '1 001', budgetCost: '1 001', keyKind: 'equal', keyRoundTo: '1', ...values,
  });

  it('creates a cost object from the form and splits it exactly (ties to the first in Swedish order)', async () => {
    const created = await economist.post(`${base}/kostnadsobjekt/nytt`, costObject({}));
    assert.equal(created.statusCode, 302, created.body.slice(0, 300));
    const page = await economist.get(`${base}/fordelning`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Arjeplogs kommun<\/th><td class="num">501<\/td>/);
    assert.match(page.body, /Testby kommun<\/th><td class="num">500<\/td>/);
    assert.match(page.body, /<svg[^>]+role="img"/);
    const audit = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'cost_object.create'));
    assert.equal(audit.length, 1);
  });

  it('refuses fixed amounts that do not sum to the budget, keeping what was typed', async () => {
    const response = await economist.post(`${base}/kostnadsobjekt/nytt`, costObject({ code: 'ETJ', name: 'E-tjänster', kind: 'shared_service', budgetIncome: '100', keyKind: 'fixed', [`fixed_${ids.a}`]: '30', [`fixed_${ids.b}`]: '60' }));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /De fasta beloppen summerar till 90 kr men budgeterade intäkter är 100 kr/);
    assert.match(response.body, /value="E-tjänster"/);
    const rows = await t.services.database.db.select().from(costObjects).where(eq(costObjects.code, 'ETJ'));
    assert.equal(rows.length, 0);
  });

  it('a duplicate code is refused at the field', async () => {
    const response = await economist.post(`${base}/kostnadsobjekt/nytt`, costObject({}));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Koden GF används redan 2026/);
  });

  it('manual outcome is a snapshot: the report for a date uses the latest one up to it', async () => {
    const [gf] = await t.services.database.db.select().from(costObjects).where(eq(costObjects.code, 'GF'));
    assert.ok(gf);
    const march = await economist.post(`${base}/utfall/manuellt`, { periodTo: '2026-03-31', [`income_${gf.id}`]: '250,25', [`cost_${gf.id}`]: '1 200' });
    assert.equal(march.statusCode, 302, march.body.slice(0, 500));
    const june = await economist.post(`${base}/utfall/manuellt`, { periodTo: '2026-06-30', [`income_${gf.id}`]: '500', [`cost_${gf.id}`]: '2 400,50' });
    assert.equal(june.statusCode, 302);
    const may = await economist.get(`${base}/utfall?datum=2026-05-01`);
    assert.match(may.body, /Grundfinansiering<\/th><td class="num">250<\/td><td class="num">1 200<\/td><td class="num">-950<\/td>/);
    const july = await economist.get(`${base}/utfall?datum=2026-07-01`);
    assert.match(july.body, /Grundfinansiering<\/th><td class="num">500<\/td><td class="num">2 401<\/td><td class="num">-1 901<\/td>/);
    const bad = await economist.post(`${base}/utfall/manuellt`, { periodTo: '2025-06-30', [`income_${gf.id}`]: 'mycket' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Datumet måste ligga i 2026/);
  });

  it('saves a comment on a deviation and shows it in the report and the CSV', async () => {
    const [gf] = await t.services.database.db.select().from(costObjects).where(eq(costObjects.code, 'GF'));
    const saved = await economist.post(`/ekonomi/kostnadsobjekt/${gf?.id ?? ''}/kommentar`, { periodTo: '2026-06-30', comment: 'Vakant tjänst samordnare' });
    assert.equal(saved.statusCode, 302);
    const csv = await auditor.get(`${base}/utfall?datum=2026-06-30&format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /utfall-2026-06-30\.csv/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.rawPayload.toString('utf8'), /Grundfinansiering;500;2401;-1901;Vakant tjänst samordnare/);
  });

  it('exports PDF/A and XLSX', async () => {
    const pdf = await auditor.get(`${base}/budget-prognos?format=pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.rawPayload.toString('latin1'), /pdfaid:part/);
    const xlsx = await auditor.get(`${base}/fordelning?format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const invoice = await auditor.get(`${base}/fakturaunderlag?format=csv`);
    assert.match(invoice.rawPayload.toString('utf8'), /Arjeplogs kommun;501;0;501;0/);
  });

  it('the auditor reads but may not change anything', async () => {
    assert.equal((await auditor.get(base)).statusCode, 200);
    assert.equal((await auditor.get(`${base}/pkv`)).statusCode, 200);
    assert.equal((await auditor.post(`${base}/kostnadsobjekt/nytt`, costObject({ code: 'X' }))).statusCode, 403);
    assert.equal((await auditor.get(`${base}/utfall/manuellt`)).statusCode, 403);
  });

  it('PKV: records the reading and derives next year’s base funding with the steps', async () => {
    const response = await economist.post(`${base}/pkv`, { readOn: '2026-10-15', pkvPercent: '3,1', source: 'SKR cirkulär', roundTo: '1' });
    assert.equal(response.statusCode, 302, response.body.slice(0, 300));
    const page = await economist.get(`${base}/pkv`);
    // 1 001 does not split evenly among 2: the total is indexed, 1 001 × 1,031 = 1 032,031 → 1 032.
    assert.match(page.body, /Gånger 1,031 \(PKV 3,1 %\) = 1032,031 kr/);
    const [next] = await t.services.database.db.select().from(costObjects).where(eq(costObjects.year, 2027));
    assert.equal(next?.budgetIncome, 1032);
    // Result 2026 on the forecast (= budget): balanced.
    assert.equal(next?.carriedOver, 0);
  });

  it('refuses deleting a cost object with outcome, and deletes one without', async () => {
    const [gf] = await t.services.database.db.select().from(costObjects).where(eq(costObjects.code, 'GF'));
    assert.equal((await economist.post(`/ekonomi/kostnadsobjekt/${gf?.id ?? ''}/ta-bort`)).statusCode, 409);
    const [next] = await t.services.database.db.select().from(costObjects).where(eq(costObjects.year, 2027));
    assert.match((await economist.get(`/ekonomi/kostnadsobjekt/${next?.id ?? ''}/ta-bort`)).body, /Vill du ta bort/);
    assert.equal((await economist.post(`/ekonomi/kostnadsobjekt/${next?.id ?? ''}/ta-bort`)).statusCode, 302);
    assert.equal((await t.services.database.db.select().from(costObjects).where(eq(costObjects.year, 2027))).length, 0);
  });
});
