/**
 * Outcome import through the web pages: upload → preview → map → confirm, in one transaction or
 * not at all; remembered mappings; unbalanced vouchers and mapping errors refuse the file whole.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { accountMappings, costObjects } from './economy.tables.js';
import { encodeCp437 } from './sie/encoding.js';

/** A year's ledger to the end of October: line numbers matter (the #TRANS of 5410 is on line 15). */
const LEDGER = [
  '#FLAGGA 0', '#FORMAT PC8', '#SIETYP 4', '#FNAMN "Luleå kommun"', '#RAR 0 20220101 20221231', // 1–5
  '#KONTO 3010 "Intäkter från medlemskommuner"', '#KONTO 5410 "Förbrukningsinventarier"', '#KONTO 6110 "Kontorsmaterial"', '#KONTO 1930 "Bank"', // 6–9
  '#VER A 1 20220131 "Grundfinansiering"', '{', '#TRANS 1930 {} 1065400', '#TRANS 3010 {1 "100"} -1065400', '}', // 10–14
  '#VER A 2 20221028 "Inköp Älvsbyn"', '{', '#TRANS 5410 {} 12000.50', '#TRANS 6110 {} 99.50', '#TRANS 1930 {} -12100', '}', // 15–20
  '#VER A 3 20221115 "November"', '{', '#TRANS 5410 {} 500', '#TRANS 1930 {} -500', '}', // 21–25
].join('\r\n');

const UNBALANCED = LEDGER.replace('#TRANS 6110 {} 99.50', '#TRANS 6110 {} 99.00');

describe('outcome import pages', () => {
  let t: TestContext;
  let economist: TestClient;
  let secretary: TestClient;
  let committeeId = '';
  const count = async (table: string) => (await t.services.database.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where ${table === 'outcome_entries' ? 'import_id in (select id from outcome_imports where committee_id = ' + `'${committeeId}')` : `committee_id = '${committeeId}'`}`)))[0]?.n ?? 0;

  before(async () => {
    t = await createTestApp();
    const org = await buildCommittee(t.services);
    committeeId = org.committee.id;
    await t.services.database.db.insert(costObjects).values([
      { committeeId, year: 2022, code: 'GF', name: 'Grundfinansiering', kind: 'base_funding', position: 1 },
      { committeeId, year: 2022, code: 'EU', name: 'E-tjänsteutvecklare', kind: 'management', position: 2 },
    ]);
    const e = await buildUser(t.services, { organisationId: committeeId, roles: ['economist'] });
    const s = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    economist = new TestClient(t.app);
    secretary = new TestClient(t.app);
    await economist.signIn(e.email);
    await secretary.signIn(s.email);
  });
  after(() => t.close());

  async function upload(bytes: Uint8Array, fields: Record<string, string> = { year: '2022', periodTo: '2022-10-31' }, name = 'huvudbok.se') {
    const response = await economist.postMultipart('/ekonomi/utfall/importera', fields, { file: { name, bytes } });
    assert.equal(response.statusCode, 302, response.body.slice(0, 2000));
    const location = String(response.headers.location);
    const query = Object.fromEntries(new URL(location, 'http://x').searchParams);
    return { location, query };
  }

  test('an unmapped account refuses the import whole, naming the lines; choosing saves everything at once', async () => {
    const { location, query } = await upload(Buffer.from(LEDGER, 'utf8'));
    const preview = await economist.get(location);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /utf-8/);
    assert.match(preview.body, /Konto 5410 saknar koppling till ett kostnadsobjekt \(rad 17\)/);
    assert.match(preview.body, /Konto 3010 \(kostnadsställe 100\) saknar koppling till ett kostnadsobjekt \(rad 13\)/);
    assert.doesNotMatch(preview.body, /rad 23/, 'November is after the period');
    assert.match(preview.body, /-1 065 400,00/);

    const refused = await economist.post('/ekonomi/utfall/importera/bekrafta', query);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Utfallet sparades inte/);
    assert.match(refused.body, /rad 17/);
    assert.equal(await count('outcome_imports'), 0);
    assert.equal(await count('account_mappings'), 0);

    const choices = { account_0: '3010', centre_0: '100', choice_0: 'GF', account_1: '5410', centre_1: '', choice_1: 'EU', account_2: '6110', centre_2: '', choice_2: '-ignore-' };
    const review = await economist.post('/ekonomi/utfall/importera/granska', { ...query, ...choices });
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /Stämmer: kopplat \+ ignorerat = summa i filen/);

    const saved = await economist.post('/ekonomi/utfall/importera/bekrafta', { ...query, ...choices });
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 3000));
    assert.match(String(saved.headers.location), /^\/ekonomi\/utfall\/import\/[0-9a-f-]{36}$/);
    assert.equal(await count('outcome_imports'), 1);
    assert.equal(await count('account_mappings'), 3);
    const entries = await t.services.database.query<{ kind: string; account: string; amount_ore: string; code: string }>(sql`
      select e.kind, e.account, e.amount_ore::text, c.code from outcome_entries e join cost_objects c on c.id = e.cost_object_id
      join outcome_imports i on i.id = e.import_id where i.committee_id = ${committeeId} order by e.account`);
    assert.deepEqual(entries.map((e) => [e.code, e.kind, e.account, Number(e.amount_ore)]), [['GF', 'income', '3010', -106_540_000], ['EU', 'cost', '5410', 1_200_050]]);
    const [imported] = await t.services.database.query<{ period_to: string; encoding: string; format: string }>(sql`select period_to::text, encoding, format from outcome_imports where committee_id = ${committeeId}`);
    assert.deepEqual(imported, { period_to: '2022-10-31', encoding: 'utf-8', format: 'sie4' });
    const audit = await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'economy.outcome.import'`);
    assert.ok((audit[0]?.n ?? 0) >= 1);

    const detail = await economist.get(String(saved.headers.location));
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /1 065 400,00/);
    assert.match(detail.body, /12 000,50/);
    const list = await secretary.get('/ekonomi/utfall');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /huvudbok\.se/);
  });

  test('the next import (the same ledger in CP437) uses the remembered mappings', async () => {
    const { query, location } = await upload(encodeCp437(LEDGER), { year: '2022', periodTo: '' }, 'november.se');
    assert.equal(query.periodTo, '');
    const preview = await economist.get(location);
    assert.match(preview.body, /cp437/);
    assert.match(preview.body, /Allt är kopplat och kontrollen stämmer/);
    assert.match(preview.body, /2022, till och med 2022-11-15/);
    const saved = await economist.post('/ekonomi/utfall/importera/bekrafta', query);
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 2000));
    const [row] = await t.services.database.query<{ period_to: string; n: number }>(sql`
      select i.period_to::text, (select sum(amount_ore)::int from outcome_entries where import_id = i.id and account = '5410') as n
      from outcome_imports i where i.committee_id = ${committeeId} and i.file_name = 'november.se'`);
    assert.deepEqual(row, { period_to: '2022-11-15', n: 1_250_050 });
  });

  test('a voucher that does not balance is named and blocks the import', async () => {
    const before = await count('outcome_imports');
    const { query, location } = await upload(Buffer.from(UNBALANCED, 'utf8'));
    const preview = await economist.get(location);
    assert.match(preview.body, /Verifikat A 2 \(rad 15\) balanserar inte: differens -0,50 kr/);
    assert.doesNotMatch(preview.body, /Spara utfallet/);
    const refused = await economist.post('/ekonomi/utfall/importera/bekrafta', query);
    assert.equal(refused.statusCode, 400);
    assert.equal(await count('outcome_imports'), before);
  });

  test('a CSV by cost object with an unknown code is refused naming the line; a good one is saved', async () => {
    const before = await count('outcome_imports');
    const bad = await upload(Buffer.from('kostnadsobjekt;intäkter;kostnader\nGF;1 065 400;900 000\nXX;0;5\n', 'utf8'), { year: '2022', periodTo: '2022-10-31' }, 'utfall.csv');
    const refused = await economist.post('/ekonomi/utfall/importera/bekrafta', bad.query);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Kostnadsobjektet XX finns inte 2022 \(rad 3\)/);
    assert.equal(await count('outcome_imports'), before);
    const good = await upload(Buffer.from('konto;kostnadsställe;belopp\n3010;100;-1000\n5410;;250,25\n', 'utf8'), { year: '2022', periodTo: '2022-09-30' }, 'konton.csv');
    const saved = await economist.post('/ekonomi/utfall/importera/bekrafta', good.query);
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 2000));
    const [row] = await t.services.database.query<{ format: string; n: number }>(sql`
      select i.format, (select count(*)::int from outcome_entries where import_id = i.id) as n from outcome_imports i where i.file_name = 'konton.csv' and i.committee_id = ${committeeId}`);
    assert.deepEqual(row, { format: 'csv', n: 2 });
  });

  test('a file of another financial year is refused with advice', async () => {
    const { location } = await upload(Buffer.from(LEDGER.replace('#RAR 0 20220101 20221231', '#RAR 0 20210101 20211231'), 'utf8'), { year: '2022', periodTo: '' });
    const preview = await economist.get(location);
    assert.match(preview.body, /Filens räkenskapsår 2021-01-01–2021-12-31 ligger inte i 2022/);
  });

  test('only an economist imports; a reader sees the list; no file or no CSRF token saves nothing', async () => {
    assert.equal((await secretary.get('/ekonomi/utfall/importera')).statusCode, 403);
    const noFile = await economist.postMultipart('/ekonomi/utfall/importera', { year: '2022' });
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.body, /Välj en fil att importera/);
    const blobs = async () => (await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from file_blobs`))[0]?.n ?? 0;
    const blobsBefore = await blobs();
    const noCsrf = await economist.postMultipart('/ekonomi/utfall/importera', { year: '2022' }, { file: { name: 'x.se', bytes: Buffer.from('#FLAGGA 0\n#RAR 0 20220101 20221231\n') }, csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await blobs(), blobsBefore);
    const mappings = await t.services.database.db.select().from(accountMappings).where(and(eq(accountMappings.committeeId, committeeId), eq(accountMappings.account, '6110')));
    assert.equal(mappings[0]?.kind, 'ignore');
  });

  test('issue 15 — a mistaken outcome can be removed after a confirmation, by the economist only; the audit log keeps what it held', async () => {
    const up = await upload(Buffer.from('kostnadsobjekt;intäkter;kostnader\nGF;1 000;2 000\n', 'utf8'), { year: '2022', periodTo: '2022-08-31' }, 'fel-fil.csv');
    const saved = await economist.post('/ekonomi/utfall/importera/bekrafta', up.query);
    assert.equal(saved.statusCode, 302, saved.body.slice(0, 2000));
    const id = /import\/([0-9a-f-]{36})/.exec(String(saved.headers.location))?.[1] ?? '';
    assert.ok(id, String(saved.headers.location));
    const detail = await economist.get(`/ekonomi/utfall/import/${id}`);
    assert.match(detail.body, new RegExp(`/ekonomi/utfall/import/${id}/ta-bort`));
    const confirm = await economist.get(`/ekonomi/utfall/import/${id}/ta-bort`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Det går inte att ångra/);
    // The secretary reads the economy but does not manage it.
    assert.equal((await secretary.post(`/ekonomi/utfall/import/${id}/ta-bort`, {})).statusCode, 403);
    const entries = async () => (await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from outcome_entries where import_id = ${id}`))[0]?.n ?? 0;
    assert.ok((await entries()) > 0);
    const removed = await economist.post(`/ekonomi/utfall/import/${id}/ta-bort`, {});
    assert.equal(removed.statusCode, 302);
    assert.equal(await entries(), 0);
    assert.equal((await economist.get(`/ekonomi/utfall/import/${id}`)).statusCode, 404);
    const [audit] = await t.services.database.query<{ before: { fileName: string; sums: unknown[] }; organisation_id: string }>(
      sql`select before, organisation_id from audit_log where action = 'economy.outcome.remove' and entity_id = ${id}`,
    );
    assert.equal(audit?.before.fileName, 'fel-fil.csv');
    assert.ok((audit?.before.sums.length ?? 0) > 0);
    assert.equal(audit?.organisation_id, committeeId);
  });
});
