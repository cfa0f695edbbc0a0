import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { TestClient } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { loadDemo } from './demo.js';
import { DEMO_LOGIN_EMAILS, DEMO_MUNICIPALITIES, DEMO_PASSWORD } from './demo-data.js';

const TABLES = ['protocols', 'protocol_paragraphs', 'protocol_signatures', 'organisations', 'populations', 'bodies', 'people', 'mandates', 'users', 'role_assignments', 'audit_log', 'classification_codes', 'cases', 'documents', 'document_files', 'search_entries'];

describe('the demo committee', () => {
  const t = useTestApp();

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await t.services.database.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
      out[table] = row?.n ?? 0;
    }
    return out;
  }

  test('loads Norrbottens e-nämnd with 14 municipalities, Luleå as host, and two bodies', async () => {
    const result = await loadDemo(t.services);
    assert.equal(result.created, true);
    const municipalities = await t.services.database.query<{ slug: string; is_host: boolean }>(
      sql`select m.slug, m.is_host from organisations m join organisations c on c.id = m.committee_id where c.slug = 'norrbottens-e-namnd'`,
    );
    assert.deepEqual(municipalities.map((m) => m.slug).sort(), 'arjeplog arvidsjaur boden gallivare haparanda jokkmokk kalix kiruna lulea pajala pitea alvsbyn overkalix overtornea'.split(' ').sort());
    assert.deepEqual(municipalities.filter((m) => m.is_host).map((m) => m.slug), ['lulea']);
    const pops = await t.services.database.query<{ year: number; n: number }>(sql`select year, count(*)::int as n from populations group by year order by year`);
    assert.deepEqual(pops.filter((p) => p.year === 2021 || p.year === 2022).map((p) => p.n), [14, 14]);
    const bodies = await t.services.database.query<{ kind: string }>(sql`select kind from bodies order by kind`);
    assert.deepEqual(bodies.map((b) => b.kind), ['committee', 'preparation_group']);
  });

  test('one member and one substitute per municipality in each term, with a chair and a vice chair', async () => {
    const rows = await t.services.database.query<{ role: string; n: number; places: number }>(
      sql`select role, count(*)::int as n, count(distinct municipality_id)::int as places from mandates m join bodies b on b.id = m.body_id
          where b.kind = 'committee' and m.term_from = '2023-01-01' group by role order by role`,
    );
    assert.deepEqual(rows, [
      { role: 'member', n: 14, places: 14 },
      { role: 'substitute', n: 14, places: 14 },
    ]);
    const positions = await t.services.database.query<{ position: string }>(sql`select position from mandates where position is not null and term_from = '2023-01-01' order by position`);
    assert.deepEqual(positions.map((p) => p.position), ['chair', 'vice_chair']);
  });

  test('the seed’s cases and documents are in the registry with their real numbers and a PDF each', async () => {
    const secretary = new TestClient(t.app);
    await secretary.signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
    const caseList = (await secretary.get('/arenden')).body;
    const caseNumbers = ['2022/20-2.4.0.2', '2022/21-1.3.2.2', '2022/22-2.2.0.2', '2022/23-1.2.1.3', '2022/24-2.3.4.1', '2022/27-2.2.0.2', '2022/1003-1.3.2.2'].filter((n) => caseList.includes(n));
    for (const n of ['2022/20-2.4.0.2', '2022/21-1.3.2.2', '2022/22-2.2.0.2', '2022/23-1.2.1.3', '2022/24-2.3.4.1', '2022/27-2.2.0.2', '2022/1003-1.3.2.2']) {
      assert.ok(caseNumbers.includes(n), n);
    }
    const publicList = await t.services.registry.listDocuments(null);
    const economy = publicList.find((d) => d.handlingId === '2022.9');
    assert.equal(economy?.securityClass, 'Internt konfidentiellt');
    const full = await t.services.registry.getDocument(null, economy?.id ?? '');
    assert.equal(full.document.files[0]?.mimeType, 'application/pdf');
    assert.ok(publicList.some((d) => d.secrecy === 'secret' && d.access === 'entry'));
    assert.ok(!publicList.some((d) => d.secrecy === 'internal'));
    assert.ok(!JSON.stringify(publicList).includes('HEMLIG-MARKÖR-7f3a'));
  });

  test('the 2022-12-14 protocol is final: §§ 19–25, signed in time by the chair and the adjuster, sealed', async () => {
    const [protocol] = await t.services.database.query<{ id: string; status: string; canonical_sha256: string; sealed_pdf_sha256: string | null }>(
      sql`select id, status, canonical_sha256, sealed_pdf_sha256 from protocols`,
    );
    assert.equal(protocol?.status, 'final');
    assert.ok(protocol?.sealed_pdf_sha256);
    const doc = await t.services.protocols.load(protocol?.id ?? '');
    assert.deepEqual(doc.paragraphs.map((p) => p.number), [19, 20, 21, 22, 23, 24, 25]);
    const { protocolDigest } = await import('../protocols/protocol.model.js');
    assert.equal(protocolDigest(doc), protocol?.canonical_sha256);
    const signatures = await t.services.database.query<{ role: string; late: boolean }>(sql`select role, late from protocol_signatures order by role`);
    assert.deepEqual(signatures, [
      { role: 'adjuster', late: false },
      { role: 'chair', late: false },
    ]);
  });

  test('a second run adds nothing', async () => {
    const before = await counts();
    const again = await loadDemo(t.services);
    assert.equal(again.created, false);
    assert.deepEqual(await counts(), before);
  });

  test('every demo sign-in works, and the secretary sees the 14 municipalities', async () => {
    for (const email of Object.values(DEMO_LOGIN_EMAILS)) await new TestClient(t.app).signIn(email, DEMO_PASSWORD);
    const secretary = new TestClient(t.app);
    await secretary.signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
    const page = (await secretary.get('/organisation')).body;
    assert.match(page, new RegExp(`Visar ${DEMO_MUNICIPALITIES.length} av ${DEMO_MUNICIPALITIES.length}`));
    for (const m of DEMO_MUNICIPALITIES) assert.ok(page.includes(m.name), m.name);
  });
});
