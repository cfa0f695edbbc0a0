import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import { EXE_BYTES } from '../../../test/support/file-fixtures.js';

const CODES = 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n1.3.2.2;Intern kontroll;Bevaras\n';

describe('registry pages', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let secretary: TestClient;
  let member: TestClient;
  let caseId = '';

  const count = async (table: string) => (await t.services.database.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
  const docFields = { direction: 'incoming', documentDate: '2026-03-02', counterpart: 'Luleå kommun', description: 'Ekonomisk rapport oktober', secrecy: 'public', securityClass: 'Öppen' };

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-02T09:00:00Z') });
    org = await buildCommittee(t.services, { name: 'Diarienämnden' });
    secretary = await signedInAs(t, org.committee.id, ['secretary']);
    member = await signedInAs(t, org.committee.id, ['member']);
  });
  after(() => t.close());

  test('the classification scheme is imported from pasted CSV; a bad line is refused whole with the text kept', async () => {
    const bad = await secretary.post(`/klassificering/${org.committee.slug}/import`, { csv: 'kod;rubrik;gallring\n9.1;Ny;Bevaras\n;Saknar kod;Bevaras' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Rad 3 saknar kod, rubrik eller gallring/);
    assert.match(bad.body, /9\.1;Ny;Bevaras/, 'the pasted text is shown again');
    assert.equal(await count('classification_codes'), 0);

    const ok = await secretary.post(`/klassificering/${org.committee.slug}/import`, { csv: CODES });
    assert.equal(ok.statusCode, 302);
    const page = await member.get(`/klassificering/${org.committee.slug}`);
    assert.match(page.body, /2\.4\.0\.2/);
    assert.match(page.body, /Ekonomisk uppföljning/);
    assert.doesNotMatch(page.body, /\/import"/, 'a member sees no import form');
    assert.match((await secretary.get(`/klassificering/${org.committee.slug}`)).body, /2 klassificeringskoder är importerade/);
  });

  test('a CSV file upload is imported too; a file that is not UTF-8 is refused with advice', async () => {
    const latin1 = Buffer.from('kod;rubrik;gallring\n3.1;Överföring;Bevaras\n', 'latin1');
    const bad = await secretary.postMultipart(`/klassificering/${org.committee.slug}/import`, {}, { file: { name: 'koder.csv', bytes: latin1 } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Spara den som ”CSV UTF-8”/);
    const ok = await secretary.postMultipart(`/klassificering/${org.committee.slug}/import`, {}, { file: { name: 'koder.csv', bytes: 'code,title,retention\n3.1,Överföring,Gallras efter 5 år\n' } });
    assert.equal(ok.statusCode, 302);
    assert.match((await member.get(`/klassificering/${org.committee.slug}?q=överföring`)).body, /Gallras efter 5 år/);
  });

  test('a secretary opens a case; bad input shows the form again with the values kept', async () => {
    const form = await secretary.get('/arenden/nytt');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /2\.4\.0\.2 – Ekonomisk uppföljning/);

    const bad = await secretary.post('/arenden/nytt', { organisation: org.committee.slug, title: 'Budget 2027', classificationCode: '9.9.9' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Koden 9\.9\.9 finns inte/);
    assert.match(bad.body, /value="Budget 2027"/);
    assert.equal(await count('cases'), 0);

    const ok = await secretary.post('/arenden/nytt', { organisation: org.committee.slug, title: 'Budget 2027', classificationCode: '2.4.0.2', responsiblePersonId: '' });
    assert.equal(ok.statusCode, 302);
    caseId = String(ok.headers.location).split('/').pop() ?? '';
    const page = await secretary.get(`/arenden/${caseId}`);
    assert.match(page.body, /Ärende 2026\/1-2\.4\.0\.2 är registrerat/);
    assert.match(page.body, /Budget 2027/);
    assert.match(page.body, /Registrera handling/);
    const list = await member.get('/arenden');
    assert.match(list.body, /2026\/1-2\.4\.0\.2/);
    assert.doesNotMatch(list.body, /Nytt ärende/, 'a member cannot open cases');
    assert.equal((await member.get('/arenden/nytt')).statusCode, 403);
  });

  test('a document is registered with a file through a multipart form and downloaded again', async () => {
    const response = await secretary.postMultipart(`/arenden/${caseId}/ny-handling`, docFields, { file: { name: 'rapport oktober å.txt', bytes: 'Utfall per sista oktober', type: 'text/plain' } });
    assert.equal(response.statusCode, 302, response.body.slice(0, 2000));
    assert.equal(response.headers.location, `/arenden/${caseId}`);
    const page = await member.get(`/arenden/${caseId}`);
    assert.match(page.body, /2026\.1/);
    assert.match(page.body, /Ekonomisk rapport oktober/);
    assert.match(page.body, /<span class="badge">Offentlig<\/span>/);
    const fileId = /href="\/filer\/([0-9a-f-]{36})"/.exec(page.body)?.[1] ?? '';
    const file = await member.get(`/filer/${fileId}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, 'Utfall per sista oktober');
    assert.equal(file.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(file.headers['content-disposition'], `attachment; filename="rapport oktober _.txt"; filename*=UTF-8''rapport%20oktober%20%C3%A5.txt`);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
  });

  test('a multipart form without the CSRF field is refused and saves nothing', async () => {
    const before = [await count('documents'), await count('document_files')];
    const response = await secretary.postMultipart(`/arenden/${caseId}/ny-handling`, docFields, { file: { name: 'x.txt', bytes: 'smuggel' }, csrf: false });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Formuläret hade gått ut/);
    assert.deepEqual([await count('documents'), await count('document_files')], before);
  });

  test('an .exe is refused with a Swedish message at the file field, the values kept and nothing saved', async () => {
    const before = [await count('documents'), await count('document_files'), await count('file_blobs')];
    const response = await secretary.postMultipart(`/arenden/${caseId}/ny-handling`, { ...docFields, description: 'Program från leverantören' }, { file: { name: 'program.exe', bytes: EXE_BYTES } });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Filtypen för ”program\.exe” stöds inte\. Tillåtna är PDF/);
    assert.match(response.body, /href="#f-file"/, 'the error summary links to the file field');
    assert.match(response.body, /value="Program från leverantören"/);
    assert.match(response.body, /value="Luleå kommun"/);
    assert.deepEqual([await count('documents'), await count('document_files'), await count('file_blobs')], before);
  });

  test('a file over the size limit is refused with the sizes in MB and the form shown again', async () => {
    const small = await createTestApp({ clock: () => new Date('2026-03-02T09:00:00Z'), config: { maxFileBytes: 1024 }, database: t.database });
    try {
      const client = new TestClient(small.app);
      client.cookies = new Map(secretary.cookies);
      const before = await count('documents');
      const response = await client.postMultipart(`/arenden/${caseId}/ny-handling`, docFields, { file: { name: 'stor.txt', bytes: 'a'.repeat(4096) } });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Filen är 0,1 MB\. Största tillåtna storlek är/);
      assert.match(response.body, /<form method="post" action="\/arenden\/[^"]+\/ny-handling"/);
      assert.match(response.body, new RegExp(`value="${docFields.description}"`), 'what was typed is kept');
      assert.equal(await count('documents'), before);
    } finally {
      await small.app.close();
    }
  });

  test('bad fields are refused whole: a secret marking needs its provision', async () => {
    const before = await count('documents');
    const response = await secretary.postMultipart(`/arenden/${caseId}/ny-handling`, { ...docFields, secrecy: 'secret', description: 'Säkerhetsrapport' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /En sekretessmarkering måste ange bestämmelsen/);
    assert.match(response.body, /value="secret" checked/);
    assert.equal(await count('documents'), before);
  });

  test('a new version of the file keeps the old one; an upload without a file says so', async () => {
    const doc = (await t.services.registry.listDocuments(null)).find((d) => d.handlingId === '2026.1');
    assert.ok(doc);
    const empty = await secretary.postMultipart(`/handlingar/${doc.id}/ny-version`, {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Välj en fil att ladda upp/);
    const ok = await secretary.postMultipart(`/handlingar/${doc.id}/ny-version`, {}, { file: { name: 'rapport oktober å.txt', bytes: 'Rättat utfall' } });
    assert.equal(ok.statusCode, 302);
    const page = await secretary.get(`/handlingar/${doc.id}`);
    assert.match(page.body, /Version 2 är sparad/);
    assert.equal((page.body.match(/href="\/filer\//g) ?? []).length, 2, 'both versions are listed');
  });

  test('closing a case asks first; a closed case can be reopened', async () => {
    const confirm = await secretary.get(`/arenden/${caseId}/avsluta`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Vill du avsluta ärende 2026\/1-2\.4\.0\.2/);
    const status = async () => (await t.services.database.query<{ status: string }>(sql`select status from cases where id = ${caseId}`))[0]?.status;
    assert.equal(await status(), 'open', 'asking changes nothing');
    assert.equal((await secretary.post(`/arenden/${caseId}/avsluta`)).statusCode, 302);
    assert.equal(await status(), 'closed');
    const closed = await secretary.get(`/arenden/${caseId}`);
    assert.match(closed.body, /Ärendet är avslutat/);
    assert.match(closed.body, /Återöppna ärende/);
    assert.equal((await member.post(`/arenden/${caseId}/ateroppna`)).statusCode, 403);
    assert.equal((await secretary.post(`/arenden/${caseId}/ateroppna`)).statusCode, 302);
    assert.equal(await status(), 'open');
  });

  test('the case list is newest first unless the reader sorts it, and searchable', async () => {
    await secretary.post('/arenden/nytt', { organisation: org.committee.slug, title: 'Intern kontroll 2027', classificationCode: '1.3.2.2' });
    const body = (await member.get('/arenden')).body;
    assert.ok(body.indexOf('2026/2-1.3.2.2') < body.indexOf('2026/1-2.4.0.2'), 'newest first');
    const asc = (await member.get('/arenden?sort=number')).body;
    assert.ok(asc.indexOf('2026/1-2.4.0.2') < asc.indexOf('2026/2-1.3.2.2'));
    const searched = (await member.get('/arenden?q=kontroll')).body;
    assert.match(searched, /Intern kontroll 2027/);
    assert.doesNotMatch(searched, /Budget 2027/);
    const english = (await secretary.get(`/arenden/${caseId}?lang=en`)).body;
    assert.match(english, /Register document/);
    assert.match(english, /Sort by Doc\. id/);
  });

  test('unknown ids are 404 pages, not errors', async () => {
    assert.equal((await member.get('/arenden/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await member.get('/handlingar/inte-ett-id')).statusCode, 404);
    assert.equal((await member.get('/filer/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await member.get('/klassificering/finns-inte')).statusCode, 404);
  });
});
