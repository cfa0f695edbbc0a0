/**
 * Personal identity numbers never reach the public: a personnummer planted in a secret document
 * (its description and file) and in a member's private note must not appear anywhere an
 * anonymous visitor can reach — every public route, and every page linked from them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { users } from '../auth/auth.tables.js';
import { agendaItems, meetings, memberNotes } from '../meetings/meetings.tables.js';
import { organisations, people } from '../organisation/organisation.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { cases, documentFiles, documents } from '../registry/registry.tables.js';
import { findPersonalIdentityNumbers } from '../../domain/personnummer.js';
import { DEMO_LOGIN_EMAILS } from '../demo/demo-data.js';
import { pdfText } from '../../../test/support/pdf-text.js';

const PNR = '19121212-1212';
const PNR_DIGITS = ['191212121212', '121212-1212', '1212121212'];

describe('personal identity numbers never appear in public output', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await createTestApp({ demo: true });
    const db = t.services.database.db;
    const [committee] = await db.select().from(organisations).where(eq(organisations.slug, 'norrbottens-e-namnd'));
    const [someCase] = await db.select().from(cases).where(and(eq(cases.organisationId, committee?.id ?? ''), eq(cases.status, 'open')));
    const registrar = { userId: null, label: 'test' };
    const secret = await t.services.registry.importDocument(registrar, {
      caseId: someCase?.id ?? '',
      year: 2022,
      number: 900,
      document: {
        direction: 'incoming',
        documentDate: '2022-11-30',
        counterpart: `Sökande ${PNR}`,
        description: `Ansökan om färdtjänst, ${PNR}`,
        secrecy: 'secret',
        secrecyProvision: 'OSL 26 kap. 1 §',
        publicDescription: 'Ansökan om färdtjänst',
        securityClass: 'Konfidentiellt',
      },
      file: { filename: 'ansokan.txt', bytes: Buffer.from(`Personnummer ${PNR}. Sökanden behöver färdtjänst.`) },
    });
    const [file] = await db.select().from(documentFiles).where(eq(documentFiles.documentId, secret.id));
    const [member] = await db.select().from(users).where(eq(users.email, DEMO_LOGIN_EMAILS.member));
    const [item] = await db.select().from(agendaItems).limit(1);
    await db.insert(memberNotes).values({ itemId: item?.id ?? '', userId: member?.id ?? '', text: `Ring sökanden, pnr ${PNR}` });
    const [meeting] = await db.select().from(meetings).limit(1);
    const [protocol] = await db.select().from(protocols).where(eq(protocols.status, 'final'));
    const [person] = await db.select().from(people).limit(1);
    Object.assign(ids, { documentId: secret.id, fileId: file?.id ?? '', caseId: someCase?.id ?? '', meetingId: meeting?.id ?? '', protocolId: protocol?.id ?? '', personId: person?.id ?? '', slug: committee?.slug ?? '' });
  });
  after(() => t.close());

  test('the planted number is really there, for those allowed to see it', async () => {
    const [doc] = await t.services.database.db.select().from(documents).where(eq(documents.id, ids.documentId ?? ''));
    assert.deepEqual(findPersonalIdentityNumbers(doc?.description ?? ''), [PNR]);
  });

  test('no public route or page linked from one shows it', async () => {
    const client = new TestClient(t.app);
    const fill = (url: string) =>
      url
        .replace(':slug', ids.slug ?? '')
        .replace(/^\/(diarium\/arenden)\/:id/, `/$1/${ids.caseId}`)
        .replace(/^\/(diarium|handlingar)\/:id/, `/$1/${ids.documentId}`)
        .replace(/^\/filer\/:id/, `/filer/${ids.fileId}`)
        .replace(/^\/moten\/:id/, `/moten/${ids.meetingId}`)
        .replace(/^\/protokoll\/:id/, `/protokoll/${ids.protocolId}`)
        .replace(/:id|:\w+/g, ids.protocolId ?? '');
    const start = t.app.kansliRoutes.filter((r) => r.method === 'GET' && r.action === 'public' && !r.url.startsWith('/static/')).map((r) => fill(r.url));
    start.push(`/sok?q=${encodeURIComponent(PNR)}`, '/sok?q=f%C3%A4rdtj%C3%A4nst', `/diarium?q=${encodeURIComponent('färdtjänst')}`);
    const seen = new Set<string>();
    const queue = [...new Set(start)];
    const leaks: string[] = [];
    while (queue.length && seen.size < 400) {
      const url = queue.shift() ?? '';
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await client.get(url);
      const type = String(response.headers['content-type'] ?? '');
      // A PDF's text, not its bytes: the seal's signature is a long hex string in which ten digits
      // in a row that pass the date and check-digit test turn up by chance (about one PDF in ten).
      const body = type.startsWith('application/pdf') ? pdfText(response.rawPayload) : response.body;
      // A search for the number echoes the visitor's own words; what it finds is checked below.
      const echoed = decodeURIComponent(url).includes(PNR);
      const found = echoed ? [] : [...findPersonalIdentityNumbers(body), ...PNR_DIGITS.filter((d) => body.includes(d))];
      // Each with its surroundings, so that a failure says what showed the number.
      if (found.length) leaks.push(`${url} (${response.statusCode}): ${found.map((n) => `…${body.slice(Math.max(0, body.indexOf(n) - 60), body.indexOf(n) + n.length + 20)}…`).join(' | ')}`);
      if (!type.includes('html') && !type.includes('json')) continue;
      for (const m of body.matchAll(/(?:href|"url"|"id"|"web"|"accessUrl")\s*[=:]\s*"((?:\/|http:\/\/localhost)[^"#]*)"/g)) {
        const link = (m[1] ?? '').replace(/^http:\/\/localhost(:\d+)?/, '').replace(/&amp;/g, '&');
        if (!link || link.startsWith('/logga') || link.startsWith('/static/') || seen.has(link)) continue;
        queue.push(link);
      }
    }
    assert.ok(seen.size > 15, `crawled ${seen.size} pages`);
    assert.ok([...seen].some((u) => u.startsWith('/diarium')), 'the public registry was crawled');
    assert.deepEqual(leaks, []);
  });

  test('searching for the number finds nothing more than a search for a number that exists nowhere', async () => {
    const client = new TestClient(t.app);
    const other = '19121212-1220';
    const count = (text: string, what: string) => text.split(what).length - 1;
    const hit = await client.get(`/sok?q=${encodeURIComponent(PNR)}`);
    const miss = await client.get(`/sok?q=${encodeURIComponent(other)}`);
    assert.equal(count(hit.body, PNR), count(miss.body, other));
    assert.doesNotMatch(hit.body, /färdtjänst/i);
  });

  test('a signed-in registrar sees it (the crawl above could have found it)', async () => {
    const client = new TestClient(t.app);
    await client.signIn(DEMO_LOGIN_EMAILS.secretary, 'kansli-demo-2026');
    const page = await client.get(`/handlingar/${ids.documentId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(PNR));
  });
});

