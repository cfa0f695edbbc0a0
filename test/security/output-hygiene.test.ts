/**
 * Output hygiene for the public (issue 15): a personnummer that reaches a public text is masked
 * at run time, in pages and in OParl JSON alike, while staff see it as registered; and a control
 * character typed into a name never reaches the open data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { bodies, organisations } from '../../src/features/organisation/organisation.tables.js';
import { cases, classificationCodes } from '../../src/features/registry/registry.tables.js';
import { crawl } from '../support/oparl-testkit.js';
import { hasXmlControlChars } from '../../src/platform/control-chars.js';

const SITE = 'https://kansli.example.se';
// Skatteverket's test numbers: valid date and check digit.
const PNR = '19121212-1212';
const PNR_SHORT = '121212-1212';
// Ten digits that are no personnummer (wrong check digit): left as written.
const NOT_PNR = '19121212-1213';
const CONTROL = '\u0001\u0008\u001F';

describe('public output hygiene', () => {
  let t: TestContext;
  let registrar: TestClient;
  let documentId = '';
  let caseId = '';

  before(async () => {
    t = await createTestApp({ config: { publicUrl: SITE } });
    const db = t.services.database.db;
    const org = await buildCommittee(t.services, { name: `Hygiennämnden${CONTROL}` });
    await db.update(bodies).set({ name: `Hygiennämnden${CONTROL} organ`, isPublic: true }).where(eq(bodies.id, org.body.id));
    await db.insert(classificationCodes).values({ organisationId: org.committee.id, code: '2.4.0.2', title: 'Ekonomi', retention: 'Bevaras' });
    const [row] = await db.insert(cases).values({ organisationId: org.committee.id, year: 2026, number: 1, classificationCode: '2.4.0.2', title: `Ansökan från ${PNR_SHORT}`, openedOn: '2026-03-02' }).returning();
    caseId = row?.id ?? '';
    const doc = await t.services.registry.importDocument({ userId: null, label: 'test' }, {
      caseId,
      year: 2026,
      number: 1,
      document: { direction: 'incoming', documentDate: '2026-03-02', counterpart: `Sökande ${PNR}`, description: `Ansökan ${PNR}, referens ${NOT_PNR}`, secrecy: 'public', securityClass: 'Öppen' },
      file: { filename: 'ansokan.txt', bytes: Buffer.from('Ansökan') },
    });
    documentId = doc.id;
    registrar = new TestClient(t.app);
    await registrar.signIn((await buildUser(t.services, { organisationId: org.committee.id, roles: ['registrar'] })).email);
  });
  after(() => t.close());

  test('a personnummer in a public document is masked on every public page, other numbers untouched', async () => {
    for (const url of ['/diarium', `/diarium/${documentId}`, `/diarium/arenden/${caseId}`]) {
      const page = await t.app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.ok(!page.body.includes(PNR) && !page.body.includes(PNR_SHORT), `${url} shows no personnummer`);
      assert.ok(page.body.includes('19121212-XXXX'), `${url} shows the masked number`);
      assert.ok(page.body.includes(NOT_PNR), `${url} keeps a number that is no personnummer`);
    }
  });

  test('staff see the document as it was registered', async () => {
    const page = await registrar.get(`/handlingar/${documentId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(PNR));
  });

  test('OParl: no personnummer and no control character in any answer, and every answer is still JSON', async () => {
    const crawled = await crawl(t.app, `${SITE}/oparl/v1/system`, `${SITE}/oparl/`, SITE);
    assert.ok(crawled.size > 3);
    let sawCase = false;
    for (const { url, response, json } of crawled.values()) {
      assert.equal(response.statusCode, 200, url);
      if (json === undefined) continue;
      const strings: string[] = [];
      const collect = (value: unknown): void => {
        if (typeof value === 'string') strings.push(value);
        else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
      };
      collect(json);
      for (const s of strings) {
        assert.equal(hasXmlControlChars(s), false, `${url}: ${JSON.stringify(s)}`);
        assert.ok(!s.includes(PNR_SHORT), `${url}: ${s}`);
        if (s.includes('Ansökan från 121212-XXXX')) sawCase = true;
      }
    }
    assert.ok(sawCase, 'the case is published, its number masked');
    const [committee] = await t.services.database.db.select().from(organisations).where(eq(organisations.name, `Hygiennämnden${CONTROL}`));
    assert.ok(committee, 'the name is stored as typed; only the output is cleaned');
  });
});
