import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { agendaItems, meetings, voteBallots, votes } from '../meetings/meetings.tables.js';
import { bodies, people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { documentFiles, documents } from '../registry/registry.tables.js';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import { DEMO_INTERNAL_MARKER, DEMO_SECRET_MARKER } from '../demo/registry-demo-data.js';
import { crawl, loadValidators, typeName, type Crawled } from '../../../test/support/oparl-testkit.js';

const SITE = 'https://kansli.example.se';
const PREFIX = `${SITE}/oparl/`;
const SECRET_ITEM = 'HEMLIG-PUNKT-MARKÖR-91c4';
const SECRET_PARAGRAPH = 'HEMLIG-PARAGRAF-MARKÖR-5be0';
const SECRET_VOTE = 'HEMLIG-VOTERING-MARKÖR-d07a';
/** The demo's secret agenda item on the coming meeting (its case is secret too). */
const DEMO_SECRET_HEADING = 'Säkerhetsgranskning av datacenter';

/**
 * Plant secrets the public must never see: a secret item with a secret paragraph and a vote in
 * the final 2022 protocol (inserted as a restore of a database from before snapshots does, the
 * only way into a final protocol), and
 * the demo's coming meeting called, so that its agenda with a secret item is published.
 */
async function plantSecrets(t: TestContext): Promise<void> {
  const db = t.services.database.db;
  const [committeeBody] = await db.select().from(bodies).where(eq(bodies.kind, 'committee'));
  const [protocol] = await db.select().from(protocols).where(eq(protocols.status, 'final'));
  const [person] = await db.select().from(people).limit(1);
  assert.ok(committeeBody && protocol && person);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('kansli.restoring', 'on', true)`);
    // As a restore of a database from before protocol snapshots: the protocol has none yet, and
    // gets it (with the planted paragraphs and votes) when OParl first reads it.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`delete from protocol_snapshots where protocol_id = ${protocol.id}`);
    const [item] = await tx
      .insert(agendaItems)
      .values({ meetingId: protocol.meetingId, position: 99, heading: `${SECRET_ITEM} rubrik`, proposal: SECRET_ITEM, summary: SECRET_ITEM, status: 'decided', decisionText: SECRET_ITEM, isSecret: true })
      .returning();
    assert.ok(item);
    await tx.insert(protocolParagraphs).values({ protocolId: protocol.id, agendaItemId: item.id, position: 99, number: 99, year: 2022, heading: 'Sekretess', decision: SECRET_PARAGRAPH, summary: SECRET_PARAGRAPH, handling: SECRET_PARAGRAPH, secrecyProvision: 'OSL 18 kap. 8 §' });
    const [vote] = await tx.insert(votes).values({ itemId: item.id, kind: 'decision', yesMeans: SECRET_VOTE, noMeans: SECRET_VOTE, yes: 8, no: 6, abstain: 0, outcome: 'yes' }).returning();
    assert.ok(vote);
    await tx.insert(voteBallots).values({ voteId: vote.id, personId: person.id, choice: 'yes' });
    // And an open vote on a public item, whose ballots are part of the protocol (KL 5:67).
    const [open] = await tx.insert(agendaItems).values({ meetingId: protocol.meetingId, position: 98, heading: 'Omröstningspunkt', status: 'decided', decidedBy: 'vote' }).returning();
    assert.ok(open);
    await tx.insert(protocolParagraphs).values({ protocolId: protocol.id, agendaItemId: open.id, position: 98, number: 98, year: 2022, heading: 'Omröstningspunkt', decision: 'e-nämnden beslutar enligt ja-förslaget.' });
    const [openVote] = await tx.insert(votes).values({ itemId: open.id, kind: 'decision', yesMeans: 'Bifall', noMeans: 'Avslag', yes: 9, no: 5, abstain: 0, outcome: 'yes' }).returning();
    assert.ok(openVote);
    await tx.insert(voteBallots).values({ voteId: openVote.id, personId: person.id, choice: 'no' });
    await tx
      .update(meetings)
      .set({ noticeSentAt: new Date('2026-12-09T08:00:00Z') })
      .where(and(eq(meetings.bodyId, committeeBody.id), eq(meetings.status, 'planned'), sql`${meetings.startsAt} > '2026-01-01'`));
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.plant', entity: 'test', entityId: null, organisationId: null }, new Date());
  });
}

describe('OParl 1.1 over the demo committee', () => {
  let t: TestContext;
  let crawled: Map<string, Crawled>;
  let objects: Map<string, Record<string, unknown>>;

  before(async () => {
    t = await createTestApp({ config: { publicUrl: SITE }, demo: true });
    await plantSecrets(t);
    crawled = await crawl(t.app, `${SITE}/oparl/v1/system`, PREFIX, SITE);
    objects = new Map();
    const collect = (value: unknown) => {
      if (Array.isArray(value)) for (const v of value) collect(v);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.id === 'string' && typeof record.type === 'string') objects.set(record.id, record);
        for (const v of Object.values(record)) collect(v);
      }
    };
    for (const c of crawled.values()) collect(c.json);
  });
  after(() => t.close());

  test('every reachable answer is 200, with CORS for everyone', () => {
    assert.ok(crawled.size > 30, `crawled only ${crawled.size} URLs`);
    for (const c of crawled.values()) {
      assert.equal(c.response.statusCode, 200, c.url);
      assert.equal(c.response.headers['access-control-allow-origin'], '*', c.url);
    }
  });

  test('every object and every list page validates against the official OParl 1.1 schemas', () => {
    const validators = loadValidators();
    const failures: string[] = [];
    const check = (object: Record<string, unknown>, where: string) => {
      const validate = validators.get(typeName(object));
      if (!validate) return failures.push(`${where}: unknown type ${String(object.type)}`);
      if (!validate(object)) failures.push(`${where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      // OParl 1.1: created and modified are mandatory on every object.
      if (typeof object.created !== 'string' || typeof object.modified !== 'string') failures.push(`${where}: created/modified missing`);
      return undefined;
    };
    for (const c of crawled.values()) {
      if (!c.json) continue;
      const page = c.json as { data?: Record<string, unknown>[]; pagination?: unknown; links?: { next?: string } };
      if (Array.isArray(page.data)) {
        assert.ok(page.pagination && page.links, `${c.url}: a list page has data, pagination and links`);
        for (const object of page.data) check(object, `${c.url} → ${String(object.id)}`);
      } else check(c.json as Record<string, unknown>, c.url);
    }
    assert.deepEqual(failures, []);
    const types = new Set([...objects.values()].map((o) => typeName(o)));
    assert.deepEqual([...types].sort(), ['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
  });

  test('every object is served at its own id, the same as where it is embedded', () => {
    for (const [id, object] of objects) {
      const own = crawled.get(id);
      assert.ok(own, `${id} was not fetched`);
      assert.deepEqual(own.json, object, id);
    }
  });

  test('the demo protocol is the meeting’s results protocol, with §§ 19–25 and their decisions', () => {
    const meeting = [...objects.values()].find((o) => typeName(o) === 'Meeting' && String(o.name).endsWith('2022-12-14'));
    assert.ok(meeting, 'the 2022-12-14 meeting is published');
    assert.equal(meeting.meetingState, 'genomfört');
    const protocol = meeting.resultsProtocol as Record<string, unknown>;
    assert.equal(protocol.mimeType, 'application/pdf');
    const items = meeting.agendaItem as Record<string, unknown>[];
    const paragraphs = items.map((i) => i['kansli:paragraph']).filter(Boolean);
    assert.deepEqual(paragraphs.slice(0, 7), ['§ 19', '§ 20', '§ 21', '§ 22', '§ 23', '§ 24', '§ 25']);
    assert.ok(items.some((i) => typeof i.resolutionText === 'string' && i.resolutionText.length > 0));
    const secret = items.find((i) => i.public === false);
    assert.ok(secret, 'the planted secret item is listed, without its content');
    assert.deepEqual(Object.keys(secret).filter((k) => ['resolutionText', 'result', 'auxiliaryFile', 'kansli:votes', 'consultation'].includes(k)), []);
  });

  test('an open vote is published with each member’s vote, under the vendor prefix', () => {
    const item = [...objects.values()].find((o) => typeName(o) === 'AgendaItem' && o.name === 'Omröstningspunkt');
    assert.ok(item);
    const [vote] = item['kansli:votes'] as { yes: number; no: number; yesMeans: string; ballots: { choice: string; person?: string; name: string }[] }[];
    assert.equal(vote?.yes, 9);
    assert.equal(vote?.no, 5);
    assert.equal(vote?.yesMeans, 'Bifall');
    assert.equal(vote?.ballots[0]?.choice, 'no');
    assert.ok(vote?.ballots[0]?.name);
  });

  test('only organs with a public calendar have their meetings published', () => {
    const organizations = [...objects.values()].filter((o) => typeName(o) === 'Organization');
    const prep = organizations.find((o) => o.classification === 'Beredningsgrupp');
    assert.ok(prep, 'the preparation group is an Organization');
    assert.equal(prep.meeting, undefined);
    assert.equal(prep.membership, undefined);
    const meetingsOfPrep = [...objects.values()].filter((o) => typeName(o) === 'Meeting' && (o.organization as string[]).includes(String(prep.id)));
    assert.deepEqual(meetingsOfPrep, []);
    assert.equal(organizations.filter((o) => o.classification === 'Medlemskommun').length, 14);
  });

  test('no secret or internal material in any answer', () => {
    const markers = [SECRET_ITEM, SECRET_PARAGRAPH, SECRET_VOTE, DEMO_SECRET_MARKER, DEMO_INTERNAL_MARKER, DEMO_SECRET_HEADING];
    for (const c of crawled.values()) {
      if (!c.json) continue;
      for (const marker of markers) assert.ok(!c.response.body.includes(marker), `${marker} in ${c.url}`);
      assert.doesNotMatch(c.response.body, /"(email|phone)"/, c.url);
    }
    const coming = [...objects.values()].find((o) => typeName(o) === 'Meeting' && Date.parse(String(o.start)) > Date.now());
    assert.ok(coming && Array.isArray(coming.agendaItem) && coming.agendaItem.length === 4, 'the called meeting’s agenda is published');
  });

  test('only files of public documents are published', async () => {
    const db = t.services.database.db;
    const closed = await db.select({ id: documentFiles.id }).from(documentFiles).innerJoin(documents, eq(documents.id, documentFiles.documentId)).where(sql`${documents.secrecy} <> 'public'`);
    assert.ok(closed.length > 0, 'the demo has secret or internal files');
    const published = [...objects.keys()].filter((id) => id.includes('/oparl/v1/file/'));
    for (const f of closed) assert.ok(!published.some((id) => id.endsWith(f.id)), f.id);
    assert.equal((await t.app.inject(`/oparl/v1/file/${closed[0]?.id ?? ''}/access`)).statusCode, 404);
  });

  test('a file’s accessUrl has no Content-Disposition, its downloadUrl names it as an attachment', async () => {
    const files = [...objects.values()].filter((o) => typeName(o) === 'File');
    assert.ok(files.some((f) => String(f.id).includes('protokoll-')), 'the protocol PDF is a File');
    for (const file of files) {
      const access = await t.app.inject(String(file.accessUrl).slice(SITE.length));
      assert.equal(access.statusCode, 200, String(file.accessUrl));
      assert.equal(access.headers['content-disposition'], undefined);
      assert.equal(access.headers['content-type'], file.mimeType);
      assert.equal(access.headers['access-control-allow-origin'], '*');
      if (typeof file.size === 'number') assert.equal(access.rawPayload.length, file.size);
      if (String(file.id).includes('protokoll-')) {
        // The public version: the secret paragraph keeps its number and heading, nothing else.
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(access.rawPayload)), { mergePages: true });
        assert.match(text, /§ 19/);
        for (const marker of [SECRET_ITEM, SECRET_PARAGRAPH, SECRET_VOTE]) assert.ok(!text.includes(marker), `${marker} in the public protocol`);
      }
      const download = await t.app.inject(String(file.downloadUrl).slice(SITE.length));
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="/);
      assert.deepEqual(download.rawPayload, access.rawPayload);
    }
  });
});
