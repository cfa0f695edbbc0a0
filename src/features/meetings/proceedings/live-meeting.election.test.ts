import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like } from 'drizzle-orm';
import { buildConfig } from '../../../platform/config/config.js';
import { useTestApp } from '../../../../test/support/test-app-hooks.js';
import { agendaItems, electionBallots, elections } from '../meetings.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { createLiveMeetingService } from './live-meeting.service.js';
import { buildLiveMeeting, recordStart, textOf, TOWNS, type LiveFixture } from '../../../../test/support/live-meeting-fixtures.js';

describe('live meeting: elections (KL 5 kap. 55–56 §§)', () => {
  const now = new Date('2022-12-14T10:00:00Z');

  const t = useTestApp({ clock: () => now });

  async function openWithEveryone(f: LiveFixture) {
    assert.equal((await f.secretary.post(`${f.base}/oppna`)).statusCode, 302);
    await recordStart(f);
  }

  /** A service whose lot always draws the last of the tied candidates. */
  const lastDrawn = () => createLiveMeetingService({ database: t.database, config: buildConfig({ logLevel: 'silent' }), clock: () => now, random: () => 0.99 });

  test('KL 5:56 — a tie for the last place in a closed ballot: the leader is elected, the lot decides the last place and is recorded; only counts are stored', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    await lastDrawn().elect(f.secretaryPrincipal, f.meetingId, {
      itemId: f.items.election,
      places: '2',
      closedBallot: 'on',
      'candidate-1': 'Anna Andersson',
      'count-1': '5',
      'candidate-2': 'Bo Berg',
      'count-2': '2',
      'candidate-3': 'Cilla Ceder',
      'count-3': '2',
    });
    const db = t.services.database.db;
    const [election] = await db.select().from(elections).where(eq(elections.itemId, f.items.election));
    assert.deepEqual(election?.lotteryAmong, ['Bo Berg', 'Cilla Ceder']);
    assert.equal(election?.lotteryPlaces, 1);
    assert.deepEqual(election?.lotteryDrawn, ['Cilla Ceder']);
    assert.deepEqual(election?.elected, ['Anna Andersson', 'Cilla Ceder']);
    assert.equal(election?.closedBallot, true);
    assert.equal((await db.select().from(electionBallots).where(eq(electionBallots.electionId, election?.id ?? ''))).length, 0, 'a closed ballot stores no one\'s vote');
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, f.items.election));
    assert.equal(item?.decidedBy, 'lottery');
    assert.match(item?.decisionText ?? '', /Valda: Anna Andersson, Cilla Ceder\. Lika röstetal; genom lottning valdes Cilla Ceder\./);
    const [entry] = await db.select().from(auditLog).where(like(auditLog.action, 'meeting.live.election%'));
    assert.equal(JSON.stringify(entry?.after).includes('ballots'), false, 'the audit log keeps no ballots of a closed election');

    const page = textOf((await f.secretary.get(f.base)).body);
    assert.match(page, /Sluten omröstning: bara antalet röster redovisas\./);
    assert.match(page, /Lika röstetal mellan Bo Berg, Cilla Ceder om 1 plats; lotten föll på Cilla Ceder\./);

    // The protocol names no one's vote in a closed ballot.
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    const protocol = await t.services.protocols.load(protocolId);
    const paragraph = protocol.paragraphs.find((p) => p.heading === 'Val av justerare');
    assert.deepEqual(paragraph?.record.elections?.[0]?.candidates, [{ name: 'Anna Andersson', votes: 5 }, { name: 'Bo Berg', votes: 2 }, { name: 'Cilla Ceder', votes: 2 }]);
    assert.deepEqual(paragraph?.record.elections?.[0]?.ballots, []);
    const html = textOf((await f.secretary.get(`/moten/${f.meetingId}/protokoll`)).body);
    assert.match(html, /Val med sluten omröstning/);
    for (const town of TOWNS) assert.doesNotMatch(html, new RegExp(`Ledamot ${town}: (Anna|Bo|Cilla)`));
  });

  test('KL 5:55, 5:67 — an open election counts each serving member\'s vote and records how each voted', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const choice: Record<(typeof TOWNS)[number], string> = { Arvidsby: 'Bo Berg', Bergby: 'Bo Berg', Dalby: 'Anna Andersson', Ekby: 'Bo Berg', 'Testby kommun': 'avstår' };
    const response = await f.secretary.post(`${f.base}/val`, {
      itemId: f.items.election,
      places: '1',
      'candidate-1': 'Anna Andersson',
      'candidate-2': 'Bo Berg',
      ...Object.fromEntries(TOWNS.map((town) => [`elect-${f.member[town]}`, choice[town]])),
    });
    assert.equal(response.statusCode, 302, textOf(response.body).slice(0, 800));
    const db = t.services.database.db;
    const [election] = await db.select().from(elections).where(eq(elections.itemId, f.items.election));
    assert.deepEqual(election?.elected, ['Bo Berg']);
    assert.equal(election?.lotteryAmong, null);
    const ballots = await db.select().from(electionBallots).where(eq(electionBallots.electionId, election?.id ?? ''));
    assert.equal(ballots.length, 5);
    assert.equal(ballots.find((b) => b.personId === f.member['Testby kommun'])?.candidate, null);
    const page = textOf((await f.secretary.get(f.base)).body);
    assert.match(page, /Ledamot Dalby, Dalby: Anna Andersson/);
    assert.match(page, /Bo Berg: 3 röster/);
  });

  test('KL 5:55 — refused: no place to fill, a closed ballot with ballots, counts beyond the serving, an unknown candidate', async () => {
    const f = await buildLiveMeeting(t);
    await openWithEveryone(f);
    const post = (form: Record<string, string>) => f.secretary.post(`${f.base}/val`, { itemId: f.items.election, 'candidate-1': 'Anna Andersson', 'candidate-2': 'Bo Berg', ...form });
    const noPlace = await post({ places: '0', closedBallot: 'on', 'count-1': '1', 'count-2': '1' });
    assert.equal(noPlace.statusCode, 400);
    assert.match(textOf(noPlace.body), /Minst en ska väljas/);
    const tooMany = await post({ places: '1', closedBallot: 'on', 'count-1': '4', 'count-2': '4' });
    assert.equal(tooMany.statusCode, 422);
    assert.match(textOf(tooMany.body), /8 röster är fler än de 5 tjänstgörande/);
    const named = await post({ places: '1', closedBallot: 'on', 'count-1': '1', 'count-2': '1', [`elect-${f.member.Dalby}`]: 'Bo Berg' });
    assert.equal(named.statusCode, 400);
    const unknown = await post({ places: '1', ...Object.fromEntries(TOWNS.map((town) => [`elect-${f.member[town]}`, 'Kalle Anka'])) });
    assert.equal(unknown.statusCode, 422);
    assert.match(textOf(unknown.body), /"Kalle Anka" är inte en av kandidaterna/);
    assert.equal((await t.services.database.db.select().from(elections).where(eq(elections.itemId, f.items.election))).length, 0);
  });
});
