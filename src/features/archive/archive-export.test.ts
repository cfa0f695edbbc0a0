import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { archiveDeliveries, archiveDeliveryItems, archivedObjects } from './archive.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { cases } from '../registry/registry.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { readPackage } from './archive-import.service.js';
import { requireCommitteeBySlug } from './archive-scope.js';
import { DEMO_COMMITTEE_SLUG } from '../demo/demo-data.js';
import { checkMets, checkPackageFiles, parseXml, representationPointers } from './sip-verify.js';
import { sha256Hex } from './sip-package.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const CLI_ACTOR = { userId: null, label: 'cli' };
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;

describe('e-archive delivery of the demo year 2022 (FGS Paketstruktur 2.0 / E-ARK SIP 2.1)', () => {
  let t: TestContext;
  let out: string;
  let pkgDir: string;
  let deliveryId: string;
  let committee: OrganisationRow;

  before(async () => {
    t = await createTestApp({ demo: true });
    committee = await requireCommitteeBySlug(t.services.database.db, DEMO_COMMITTEE_SLUG);
    out = await mkdtemp(path.join(tmpdir(), 'kansli-sip-'));
    const delivery = await t.services.archive.deliveries.exportYearToFolder(CLI_ACTOR, { year: 2022, dir: out, committee });
    deliveryId = delivery.id;
    assert.equal(delivery.status, 'done');
    pkgDir = path.join(out, delivery.packageId);
  });
  after(async () => {
    await t.close();
    await rm(out, { recursive: true, force: true });
  });

  test('the package folder is named by the OBJID and has the CSIP layout', async () => {
    const entries = await readdir(out);
    assert.equal(entries.length, 1);
    const root = checkMets(await readPackage(pkgDir).then((f) => f.get('METS.xml') ?? Buffer.alloc(0)));
    assert.equal(root.objId, entries[0]);
    for (const p of ['METS.xml', 'metadata/descriptive/arkivleverans.xml', 'metadata/preservation/premis.xml', 'representations/rep1/METS.xml', 'representations/rep1/data', 'schemas/mets.xsd', 'documentation']) {
      assert.ok(existsSync(path.join(pkgDir, p)), p);
    }
  });

  test('every file a METS lists exists with its size and SHA-256, and the METS has the required parts', async () => {
    const files = await readPackage(pkgDir);
    const check = checkPackageFiles(files);
    assert.deepEqual(check.problems, []);
    // Every file of the package except the root METS is listed somewhere with its checksum.
    const listed = new Set(check.checked.map((f) => f.path));
    const unlisted = [...files.keys()].filter((p) => p !== 'METS.xml' && !listed.has(p));
    assert.deepEqual(unlisted, []);
    const mets = parseXml(files.get('METS.xml') ?? Buffer.alloc(0)).mets as Record<string, unknown>;
    assert.equal(mets['@PROFILE'], 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml');
    assert.deepEqual(representationPointers(files.get('METS.xml') ?? Buffer.alloc(0)), ['representations/rep1/METS.xml']);
  });

  test('a changed byte is found: the check can fail', async () => {
    const files = await readPackage(pkgDir);
    const data = [...files.keys()].find((k) => k.endsWith('.pdf')) ?? '';
    const changed = new Map(files);
    const bytes = Buffer.from(files.get(data) ?? Buffer.alloc(0));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2);
    changed.set(data, bytes);
    assert.match(checkPackageFiles(changed).problems.join('\n'), /SHA-256 does not match/);
    const noProfile = Buffer.from((files.get('METS.xml') ?? Buffer.alloc(0)).toString('utf8').replace(/PROFILE="[^"]*"/, ''));
    assert.match(checkMets(noProfile).problems.join('\n'), /PROFILE/);
  });

  test('PREMIS gives a SHA-256 fixity for every file but the root METS and itself', async () => {
    const files = await readPackage(pkgDir);
    const premis = parseXml(files.get('metadata/preservation/premis.xml') ?? Buffer.alloc(0)).premis as { object: { objectIdentifier: { objectIdentifierValue: string }; objectCharacteristics: { fixity: { messageDigestAlgorithm: string; messageDigest: string } } }[] };
    const byPath = new Map(premis.object.map((o) => [o.objectIdentifier.objectIdentifierValue, o.objectCharacteristics.fixity]));
    for (const [p, bytes] of files) {
      if (p === 'METS.xml' || p === 'metadata/preservation/premis.xml') continue;
      assert.equal(byPath.get(p)?.messageDigestAlgorithm, 'SHA-256', p);
      assert.equal(byPath.get(p)?.messageDigest, sha256Hex(bytes), p);
    }
  });

  test('only closed cases and final protocols are delivered, and what was delivered is recorded', async () => {
    const db = t.services.database.db;
    const items = await db.select().from(archiveDeliveryItems).where(eq(archiveDeliveryItems.deliveryId, deliveryId));
    const caseIds = items.filter((i) => i.kind === 'case').map((i) => i.objectId);
    assert.ok(caseIds.length >= 4);
    const delivered = await db.select().from(cases).where(sql`${cases.id} in ${caseIds}`);
    assert.ok(delivered.every((c) => c.status === 'closed' && c.year === 2022));
    const open2022 = await db.select().from(cases).where(sql`${cases.year} = 2022 and ${cases.status} = 'open'`);
    assert.ok(open2022.length > 0, 'the demo has open 2022 cases to leave out');
    for (const c of open2022) assert.ok(!caseIds.includes(c.id), `open case ${c.number} delivered`);
    const protocolItems = items.filter((i) => i.kind === 'protocol');
    assert.equal(protocolItems.length, 1);
    const [p] = await db.select().from(protocols).where(eq(protocols.id, protocolItems[0]?.objectId ?? ''));
    assert.equal(p?.status, 'final');
    assert.equal(protocolItems[0]?.sha256, p?.sealedPdfSha256);
    const files = await readPackage(pkgDir);
    assert.equal(sha256Hex(files.get(protocolItems[0]?.path ?? '') ?? Buffer.alloc(0)), p?.sealedPdfSha256);
    assert.ok(files.get(protocolItems[0]?.path ?? '')?.subarray(0, 5).toString() === '%PDF-');
  });

  test('the export is in the audit log and the chain stays intact', async () => {
    const entries = await t.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'archive.export'));
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.entityId, deliveryId);
    assert.deepEqual(await verifyAuditChain(t.services.database.db), { ok: true, count: (await t.services.database.db.select().from(auditLog)).length });
  });

  test('the web form answers at once with the delivery’s page, which follows the package; a wrong year shows the form again', async () => {
    const registrar = await buildUser(t.services, { organisationId: committee.id, roles: ['registrar'] });
    const client = new TestClient(t.app);
    await client.signIn(registrar.email);
    const refused = await client.post('/arkiv/leveranser', { year: 'tjugo' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /name="year"[^>]*value="tjugo"/, 'the form again, with what was typed');
    assert.match(refused.body, new RegExp(deliveryId), 'the deliveries listed under the form');

    const started = await client.post('/arkiv/leveranser', { year: '2022' });
    assert.equal(started.statusCode, 302);
    const id = /^\/arkiv\/leveranser\/([0-9a-f-]{36})/.exec(String(started.headers.location))?.[1] ?? '';
    assert.ok(id, String(started.headers.location));
    const page = await client.get(String(started.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Leveransen har startat/);
    // The package is written after the answer.
    await t.services.archive.deliveries.settled();
    const [{ status } = { status: 'missing' }] = await t.services.database.db.select({ status: archiveDeliveries.status }).from(archiveDeliveries).where(eq(archiveDeliveries.id, id));
    assert.equal(status, 'done');
    assert.match((await client.get(`/arkiv/leveranser/${id}`)).body, /Ladda ned paketet/);
  });

  test('a year with nothing closed or final is refused', async () => {
    await assert.rejects(t.services.archive.deliveries.exportYearToFolder(CLI_ACTOR, { year: 2031, dir: out, committee }), /nothing to deliver|Det finns inget/i);
  });

  test('the METS files and PREMIS validate against the XML schemas (xmllint)', { skip: !hasXmllint && 'xmllint is not installed' }, async () => {
    const schemas = path.join(pkgDir, 'schemas');
    const wrapper = path.join(out, 'mets-with-extensions.xsd');
    const imp = (ns: string, file: string) => `<xs:import namespace="${ns}" schemaLocation="${path.join(schemas, file)}"/>`;
    await writeFile(
      wrapper,
      `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imp('http://www.w3.org/1999/xlink', 'xlink.xsd')}${imp('http://www.loc.gov/METS/', 'mets.xsd')}${imp('https://DILCIS.eu/XML/METS/CSIPExtensionMETS', 'DILCISExtensionMETS.xsd')}${imp('https://DILCIS.eu/XML/METS/SIPExtensionMETS', 'DILCISExtensionSIPMETS.xsd')}</xs:schema>`,
    );
    for (const [file, schema] of [
      ['METS.xml', wrapper],
      ['representations/rep1/METS.xml', wrapper],
      ['metadata/preservation/premis.xml', path.join(schemas, 'premis-v3-0.xsd')],
    ] as const) {
      const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, path.join(pkgDir, file)], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${file}: ${result.stderr}`);
    }
  });

  test('re-imports into a new installation’s committee as read-only archive content with the same protocols, documents and checksums', async () => {
    const empty = await createTestApp();
    try {
      const { committee: fresh } = await buildCommittee(empty.services);
      const [before] = await empty.services.database.query<{ n: number }>(sql`select count(*)::int as n from cases`);
      assert.equal(before?.n, 0);
      const pkg = await empty.services.archive.archived.importPackage(CLI_ACTOR, fresh, await readPackage(pkgDir));
      assert.equal(pkg.committeeId, fresh.id);
      const objects = await empty.services.database.db.select().from(archivedObjects).where(eq(archivedObjects.packageId, pkg.id));
      const items = await t.services.database.db.select().from(archiveDeliveryItems).where(eq(archiveDeliveryItems.deliveryId, deliveryId));
      const key = (kind: string, list: { kind: string; sha256: string | null; path: string }[]) =>
        list.filter((o) => o.kind === kind).map((o) => `${o.path} ${o.sha256}`).sort();
      assert.deepEqual(key('protocol', objects), key('protocol', items));
      assert.deepEqual(key('file', objects), key('file', items));
      assert.equal(objects.filter((o) => o.kind === 'document').length, items.filter((i) => i.kind === 'document').length);
      assert.equal(objects.filter((o) => o.kind === 'case').length, items.filter((i) => i.kind === 'case').length);
      // The bytes are there, with the same checksum.
      for (const o of objects.filter((x) => x.sha256)) {
        const [blob] = await empty.services.database.query<{ sha: string }>(sql`select encode(sha256(content), 'hex') as sha from file_blobs where sha256 = ${o.sha256}`);
        assert.equal(blob?.sha, o.sha256);
      }
      await assert.rejects(empty.services.archive.archived.importPackage(CLI_ACTOR, fresh, await readPackage(pkgDir)), /redan inläst|already imported/);
    } finally {
      await empty.close();
    }
  });
});

