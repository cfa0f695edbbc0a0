/**
 * Secret material never reaches a public page: a marker planted in a secret paragraph, a secret
 * agenda item, a secret document and an internal document must not appear on any page the
 * anonymous crawl reaches from the start page, nor in the boards' feeds, JSON and fragments.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, createTestApp, type TestContext } from '../../../test/support/app.js';
import { agendaItemDocuments, agendaItems, meetings } from '../meetings/meetings.tables.js';
import { buildJointCommittee, buildRoleUser } from '../../../test/support/publication-fixtures.js';
import { buildNovemberProtocol } from '../../../test/support/november-protocol.js';

const MARKER = 'HEMLIGMARKÖR-7Q4Z';
const INTERNAL = 'INTERNMARKÖR-2K9X';
let now = new Date('2026-11-26T09:00:00Z');

describe('the public crawl finds no secret material', () => {
  let t: TestContext;
  const seen = new Map<string, string>();

  before(async () => {
    t = await createTestApp({ clock: () => now });
    const { services } = t;
    const db = services.database.db;
    const org = await buildJointCommittee(services);
    const registrar = await buildRoleUser(services, org.committee.id, 'registrar');
    await services.registry.importCodes(registrar.principal, org.committee.slug, 'kod;rubrik;gallring\n1.1;Styrning;Bevaras\n');
    const registryCase = await services.registry.createCase(registrar.principal, org.committee.slug, { title: 'Upphandling av e-arkiv', classificationCode: '1.1' });
    const register = (values: Record<string, string>) =>
      services.registry.registerDocument(registrar.principal, { caseId: registryCase.id, direction: 'incoming', documentDate: '2026-11-01', counterpart: 'Leverantör AB', ...values }, { filename: 'a.txt', bytes: Buffer.from('innehåll') });
    const publicDoc = await register({ description: 'Tjänsteskrivelse e-arkiv' });
    const secretDoc = await register({ description: `Anbud med affärshemligheter ${MARKER}`, secrecy: 'secret', secrecyProvision: 'OSL 31 kap. 16 §', secrecyMarkedOn: '2026-11-02', publicDescription: 'Anbud (sekretess)' });
    // TF 2:10: only a drawn-up draft in an open case can be internal (an incoming document is a public record).
    const internalDoc = await register({ description: `Arbetsutkast ${INTERNAL}`, secrecy: 'internal', direction: 'drawn_up' });

    // A coming meeting whose agenda has gone out: one secret item, one open item with documents.
    const [coming] = await db.insert(meetings).values({ bodyId: org.body.id, startsAt: new Date('2026-12-10T12:00:00Z'), place: 'Stadshuset', noticeSentAt: now }).returning();
    const [secretItem] = await db.insert(agendaItems).values({ meetingId: coming?.id ?? '', position: 1, heading: 'Personalärende', proposal: `Förslag ${MARKER}`, summary: `Bakgrund ${MARKER}`, isSecret: true }).returning();
    const [openItem] = await db.insert(agendaItems).values({ meetingId: coming?.id ?? '', position: 2, heading: 'Upphandling av e-arkiv', proposal: 'Nämnden godkänner upphandlingen.' }).returning();
    await db.insert(agendaItemDocuments).values([
      { itemId: secretItem?.id ?? '', documentId: secretDoc.id, position: 0 },
      { itemId: openItem?.id ?? '', documentId: publicDoc.id, position: 0 },
      { itemId: openItem?.id ?? '', documentId: secretDoc.id, position: 1 },
      { itemId: openItem?.id ?? '', documentId: internalDoc.id, position: 2 },
    ]);

    // A final protocol: a secret paragraph, and an open one whose basis names the secret and internal documents.
    await buildNovemberProtocol(services, org, {
      paragraphs: [
        { heading: 'Upphandling av e-arkiv', decision: 'Nämnden tilldelar kontraktet.', decisionBasis: [{ documentId: publicDoc.id, text: 'Tjänsteskrivelse e-arkiv' }, { documentId: secretDoc.id, text: `Anbud med affärshemligheter ${MARKER}` }, { documentId: internalDoc.id, text: `Arbetsutkast ${INTERNAL}` }] },
        { heading: 'Personalärende', decision: `Beslut ${MARKER}`, summary: `Sammanfattning ${MARKER}`, handling: `Sammanträdet ${MARKER}`, secrecyProvision: 'OSL 39 kap. 3 §', decisionBasis: [{ documentId: secretDoc.id, text: `Underlag ${MARKER}` }] },
      ],
    });
    now = new Date('2026-11-26T09:00:00Z');

    // Crawl every same-site link from the start page as the public, plus the open-data addresses.
    const client = new TestClient(t.app);
    const queue = ['/', ...org.members.flatMap((m) => [`/anslagstavla/${m.slug}/atom.xml`, `/api/v1/notice-boards/${m.slug}`, `/anslagstavla/${m.slug}/inbaddning`])];
    while (queue.length > 0 && seen.size < 400) {
      const url = queue.shift() ?? '/';
      if (seen.has(url)) continue;
      const response = await client.get(url);
      assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
      const type = String(response.headers['content-type'] ?? '');
      seen.set(url, /pdf|octet-stream/.test(type) ? '' : response.body);
      if (!type.includes('text/html')) continue;
      for (const match of response.body.matchAll(/href="(\/[^"#]*)/g)) {
        const link = (match[1] ?? '').replace(/&amp;/g, '&');
        if (!link || link.startsWith('/static/') || /[?&](lang|sort|dir)=/.test(link) || link.startsWith('/logga-in') || link.startsWith('/filer/')) continue;
        if (!seen.has(link)) queue.push(link);
      }
    }
  });
  after(() => t.close());

  test('the crawl reaches the boards, the meeting, the protocol, the decisions and the registry', () => {
    const urls = [...seen.keys()];
    for (const pattern of [/^\/anslagstavla\/[^/]+$/, /^\/sammantraden\/[0-9a-f-]{36}$/, /^\/sammantraden\/[0-9a-f-]{36}\/protokoll$/, /^\/beslut/, /^\/diarium$/, /^\/tillganglighet$/, /atom\.xml$/, /inbaddning$/]) {
      assert.ok(urls.some((u) => pattern.test(u)), `no page matching ${String(pattern)} among ${urls.join(' ')}`);
    }
    const protocolPage = [...seen].find(([u]) => /\/protokoll$/.test(u))?.[1] ?? '';
    // OSL 5:2: the secret paragraph keeps its number and is shown under its public heading, never its own.
    assert.match(protocolPage, /§ 2 Sekretessbelagt ärende/, 'the secret paragraph is shown under its public heading');
    assert.match(protocolPage, /OSL 39 kap\. 3 §/, 'and names its provision');
    assert.match(protocolPage, /Anbud \(sekretess\)/, 'the secret document is named by its public entry');
    const meetingPage = [...seen].find(([u]) => /^\/sammantraden\/[0-9a-f-]{36}$/.test(u) && seen.get(u)?.includes('Upphandling'))?.[1] ?? '';
    assert.match(meetingPage, /Tjänsteskrivelse e-arkiv/);
  });

  test('no page, feed or fragment shows the secret or internal markers', () => {
    for (const [url, body] of seen) {
      assert.ok(!body.includes(MARKER), `secret marker on ${url}`);
      assert.ok(!body.includes(INTERNAL), `internal marker on ${url}`);
    }
  });
});
