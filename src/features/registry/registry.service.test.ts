import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, type TestContext } from '../../../test/support/app.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/auth/policy.js';

const CODES = 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n1.3.2.2;Intern kontroll;Bevaras\n';

describe('registry numbering and validation', () => {
  let t: TestContext;
  let now = new Date('2026-03-01T09:00:00Z');
  let secretary: Principal;
  let committeeSlug: string;
  let committeeId: string;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    const { committee } = await buildCommittee(t.services);
    committeeSlug = committee.slug;
    committeeId = committee.id;
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] });
    secretary = { userId: user.id, email: user.email, name: 'Sekreteraren', grants: [{ organisationId: committee.id, role: 'secretary' }] };
    assert.equal(await t.services.registry.importCodes(secretary, committeeSlug, CODES), 2);
  });
  after(() => t.close());

  const count = async (table: string) => (await t.services.database.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

  test('50 cases opened at once get the numbers 1–50 of the year, each once', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.services.registry.createCase(secretary, committeeSlug, { title: `Ärende ${i}`, classificationCode: '2.4.0.2' })),
    );
    const numbers = created.map((c) => c.number).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 50 }, (_, i) => i + 1));
    assert.ok(created.every((c) => c.year === 2026));
    assert.match(t.services.registry.caseNumberOf(created[0] ?? { year: 0, number: 0, classificationCode: '' }), /^2026\/\d+-2\.4\.0\.2$/);
  });

  test('a refused case uses no number: the next one follows without a gap', async () => {
    await assert.rejects(t.services.registry.createCase(secretary, committeeSlug, { title: 'Fel kod', classificationCode: '9.9.9' }), (e: unknown) => e instanceof DomainError && /9\.9\.9 finns inte/.test(e.userMessage.sv));
    await assert.rejects(t.services.registry.createCase(secretary, committeeSlug, { title: 'Fel format', classificationCode: 'abc' }), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_INPUT');
    const next = await t.services.registry.createCase(secretary, committeeSlug, { title: 'Nästa', classificationCode: '1.3.2.2' });
    assert.equal(next.number, 51);
  });

  test('numbering starts at 1 in a new year', async () => {
    now = new Date('2026-12-31T22:59:00Z'); // 23:59 in Sweden: still 2026
    assert.equal((await t.services.registry.createCase(secretary, committeeSlug, { title: 'Nyårsafton', classificationCode: '1.3.2.2' })).number, 52);
    now = new Date('2026-12-31T23:01:00Z'); // 00:01 on New Year's Day in Sweden
    const first = await t.services.registry.createCase(secretary, committeeSlug, { title: 'Nyår', classificationCode: '1.3.2.2' });
    assert.deepEqual([first.year, first.number], [2027, 1]);
  });

  test('a secret marking without a provision is refused and nothing is saved', async () => {
    const caseRow = await t.services.registry.createCase(secretary, committeeSlug, { title: 'Säkerhet', classificationCode: '1.3.2.2' });
    const before = await count('documents');
    await assert.rejects(
      t.services.registry.registerDocument(secretary, { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-03-01', description: 'Hemligt', secrecy: 'secret' }),
      (e: unknown) => e instanceof DomainError && e.fieldErrors.some((f) => f.field === 'secrecyProvision' && /bestämmelsen/.test(f.message.sv)),
    );
    assert.equal(await count('documents'), before);
    const doc = await t.services.registry.registerDocument(secretary, {
      caseId: caseRow.id,
      direction: 'drawn_up',
      documentDate: '2027-01-01',
      description: 'Hemligt',
      secrecy: 'secret',
      secrecyProvision: 'OSL 18 kap. 8 §',
    });
    assert.equal(doc.secrecyMarkedBy, secretary.email);
    assert.equal(doc.secrecyMarkedOn, '2027-01-01');
    assert.equal(doc.secrecyProvision, '18 kap. 8 § offentlighets- och sekretesslagen (2009:400)', 'the provision is stored in full');
    assert.equal(doc.publicDescription, `Sekretessbelagd handling (${doc.secrecyProvision})`);
  });

  test('a file of the wrong type or over the limit is refused whole: no document, no number, no file', async () => {
    const small = await createTestApp({ clock: () => now, config: { maxFileBytes: 1024 }, database: t.database });
    try {
      const caseRow = await small.services.registry.createCase(secretary, committeeSlug, { title: 'Filer', classificationCode: '1.3.2.2' });
      const before = [await count('documents'), await count('document_files'), await count('file_blobs')];
      const input = { caseId: caseRow.id, direction: 'incoming', counterpart: 'Kommunen', documentDate: '2027-01-02', description: 'Bilaga' };
      await assert.rejects(small.services.registry.registerDocument(secretary, input, { filename: 'stor.txt', bytes: Buffer.alloc(2048, 'a') }), (e: unknown) => e instanceof DomainError && /MB/.test(e.userMessage.sv));
      await assert.rejects(small.services.registry.registerDocument(secretary, input, { filename: 'program.exe', bytes: Buffer.from('MZ\x90\x00') }), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_INPUT');
      assert.deepEqual([await count('documents'), await count('document_files'), await count('file_blobs')], before);
      const ok = await small.services.registry.registerDocument(secretary, input, { filename: 'bilaga.txt', bytes: Buffer.from('Redovisningen av utfallet') });
      const [counter] = await t.services.database.query<{ last_number: number }>(sql`select last_number from registry_counters where organisation_id = ${committeeId} and series = 'document' and year = 2027`);
      assert.equal(ok.number, counter?.last_number, 'the refused attempts took no numbers');
    } finally {
      await small.app.close();
    }
  });

  test('a new file version keeps the old one', async () => {
    const caseRow = await t.services.registry.createCase(secretary, committeeSlug, { title: 'Versioner', classificationCode: '1.3.2.2' });
    const doc = await t.services.registry.registerDocument(secretary, { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2027-01-02', description: 'Plan' }, { filename: 'plan.txt', bytes: Buffer.from('version ett') });
    await t.services.registry.addFileVersion(secretary, doc.id, { filename: 'plan.txt', bytes: Buffer.from('version två') });
    const view = await t.services.registry.getDocument(secretary, doc.id);
    assert.deepEqual(view.document.files.map((f) => f.version), [1, 2]);
    const first = await t.services.registry.getFile(secretary, view.document.files[0]?.id ?? '');
    assert.equal(first.bytes.toString(), 'version ett');
  });

  test('a CSV scheme with a bad line is refused whole', async () => {
    const before = await count('classification_codes');
    await assert.rejects(t.services.registry.importCodes(secretary, committeeSlug, 'code,title,retention\n3.1,Ny,Bevaras\n,Saknar kod,Bevaras\n'), (e: unknown) => e instanceof DomainError && /Rad 3/.test(e.userMessage.sv));
    assert.equal(await count('classification_codes'), before);
  });
});
