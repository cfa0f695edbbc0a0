import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, like } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../test/support/app.js';
import { agendaItems, attendanceEvents, meetings, motions, propositions, reservations, votes } from '../meetings.tables.js';
import { bodies, mandates, organisations, people } from '../../organisation/organisation.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { buildLiveMeeting, recordStart, servingCell, textOf, type LiveFixture } from '../../../../test/support/live-meeting-fixtures.js';

describe('live meeting: attendance, quorum, access and closing', () => {
  let t: TestContext;

  before(async () => {
    // The meeting day, so that the mandates are in force and the clock does not age the test.
    t = await createTestApp({ clock: () => new Date('2022-12-14T10:00:00Z') });
  });
  after(() => t.close());

  async function openMeeting(f: LiveFixture) {
    const response = await f.secretary.post(`${f.base}/oppna`);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `${f.base}#sammantradet`);
  }

  test('reglemente 17 § — a substitute serves for an absent member of the same municipality; KL 6:27 quorum shown in words', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    const [meeting] = await t.services.database.db.select().from(meetings).where(eq(meetings.id, f.meetingId));
    assert.equal(meeting?.status, 'open');
    assert.ok(meeting?.openedAt);

    await recordStart(f, [f.member.Bergby]);
    const page = await f.secretary.get(f.base);
    assert.equal(page.statusCode, 200);
    assert.match(servingCell(page.body, 'Bergby'), /Ersättare Bergby ersättare för frånvarande ledamot/);
    assert.match(servingCell(page.body, 'Dalby'), /Ledamot Dalby ordinarie ledamot/);
    assert.match(textOf(page.body), /5 av 5 tjänstgör – beslutför: ja/);
    // The first pending item is the current one, and the page says so in text.
    assert.match(textOf(page.body), /Aktuell punkt: 1\. Ekonomisk rapport/);
  });

  test('KL 6:27 — without more than half of the members serving nothing can be decided', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    // Three municipalities absent entirely: two of five serve.
    await recordStart(f, [f.member.Bergby, f.substitute.Bergby, f.member.Dalby, f.substitute.Dalby, f.member.Ekby, f.substitute.Ekby]);
    const page = await f.secretary.get(f.base);
    assert.match(textOf(page.body), /2 av 5 tjänstgör – beslutför: nej \(minst 3 krävs\)/);
    assert.match(servingCell(page.body, 'Dalby'), /Vakant/);

    const refused = await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    assert.equal(refused.statusCode, 422);
    assert.match(textOf(refused.body), /inte beslutför vid punkt 1: 2 av 5 tjänstgör och minst 3 krävs/);
    const [item] = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.id, f.items.economy));
    assert.equal(item?.status, 'pending');
  });

  test('KL 6:27, reglemente 13 § — a vacant seat counts: with one vacancy 7 of 14 seats serving is not quorate', async () => {
    const f = await buildLiveMeeting(t);
    const db = t.services.database.db;
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, f.meetingId));
    const [body] = await db.select().from(bodies).where(eq(bodies.id, meeting?.bodyId ?? ''));
    // Nine more member municipalities (14 in all, as in the seed); the last has no member: a vacancy.
    const extraMembers: string[] = [];
    for (let i = 1; i <= 9; i += 1) {
      const [town] = await db.insert(organisations).values({ kind: 'municipality', name: `Ö-by ${i}`, slug: `o-by-${i}-${f.meetingId}`, committeeId: body?.organisationId ?? null }).returning();
      if (i === 9) continue;
      const [person] = await db.insert(people).values({ name: `Ledamot Ö-by ${i}`, organisationId: town?.id ?? null }).returning();
      await db.insert(mandates).values({ personId: person?.id ?? '', bodyId: body?.id ?? '', municipalityId: town?.id ?? '', role: 'member', termFrom: '2022-01-01' });
      extraMembers.push(person?.id ?? '');
    }
    await openMeeting(f);
    // The five towns' members serve (their substitutes are absent), and two of the eight other members: 7 serve.
    await recordStart(f, Object.values(f.substitute));
    for (const [i, personId] of extraMembers.entries()) {
      await f.secretary.post(`${f.base}/narvaro`, { personId, type: i < 2 ? 'present' : 'absent' });
    }
    const page = textOf((await f.secretary.get(f.base)).body);
    assert.match(page, /7 av 14 tjänstgör \(varav 1 vakanta\) – beslutför: nej \(minst 8 krävs\)/);
    assert.match(page, /Vakanta platser: 1 .*: Ö-by 9/);
    const refused = await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    assert.equal(refused.statusCode, 422);
    assert.match(textOf(refused.body), /7 av 14 tjänstgör och minst 8 krävs/);

    // A configured number of seats (reglemente 13 §) wins over the count of municipalities.
    await db.update(bodies).set({ seats: 13 }).where(eq(bodies.id, body?.id ?? ''));
    assert.match(textOf((await f.secretary.get(f.base)).body), /7 av 13 tjänstgör – beslutför: ja/);
  });

  test('reglemente 17 § — a member arriving late takes over from the item they arrive at', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    await recordStart(f, [f.member.Ekby]);
    const arrived = await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Ekby, type: 'arrived', itemId: f.items.info });
    assert.equal(arrived.statusCode, 302);
    assert.equal(arrived.headers.location, `${f.base}#person-${f.member.Ekby}`);

    assert.match(servingCell((await f.secretary.get(`${f.base}?punkt=1`)).body, 'Ekby'), /Ersättare Ekby/);
    assert.match(servingCell((await f.secretary.get(`${f.base}?punkt=2`)).body, 'Ekby'), /Ledamot Ekby ordinarie ledamot/);
    assert.match(servingCell((await f.secretary.get(`${f.base}?punkt=4`)).body, 'Ekby'), /Ledamot Ekby/);
    // The substitute no longer serves from item 2, so may not move a motion there.
    const motion = await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.plan, personId: f.substitute.Ekby, kind: 'approve', text: 'Bifall' });
    assert.equal(motion.statusCode, 422);
    assert.match(textOf(motion.body), /Ersättare Ekby tjänstgör inte vid punkt 3/);
  });

  test('KL 6:28, reglemente 18 § — jäv on one item lets the substitute serve for that item only', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    await recordStart(f);
    const jav = await f.secretary.post(`${f.base}/jav`, { itemId: f.items.plan, personId: f.member.Dalby });
    assert.equal(jav.statusCode, 302);
    assert.equal(jav.headers.location, `${f.base}#punkt-3`);

    assert.match(servingCell((await f.secretary.get(`${f.base}?punkt=2`)).body, 'Dalby'), /Ledamot Dalby/);
    const atPlan = await f.secretary.get(`${f.base}?punkt=3`);
    assert.match(servingCell(atPlan.body, 'Dalby'), /Ersättare Dalby ersättare vid jäv/);
    assert.match(textOf(atPlan.body), /Ledamot Dalby \(Dalby\) deltar inte i punkten på grund av jäv/);
    assert.match(servingCell((await f.secretary.get(`${f.base}?punkt=4`)).body, 'Dalby'), /Ledamot Dalby ordinarie ledamot/);
  });

  test('an information item is noted: "Informationen läggs till handlingarna" (seed § 21)', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    await recordStart(f);
    assert.equal((await f.secretary.post(`${f.base}/notera`, { itemId: f.items.info })).statusCode, 302);
    const [item] = await t.services.database.db.select().from(agendaItems).where(eq(agendaItems.id, f.items.info));
    assert.equal(item?.status, 'noted');
    assert.equal(item?.decisionText, 'Informationen läggs till handlingarna.');
    // A decision item is not "noted": it is decided.
    const refused = await f.secretary.post(`${f.base}/notera`, { itemId: f.items.economy });
    assert.equal(refused.statusCode, 409);
  });

  test('meeting.run — a member who is not secretary or chair gets 403 and changes nothing', async () => {
    const f = await buildLiveMeeting(t);
    assert.equal((await f.outsider.get(f.base)).statusCode, 403);
    assert.equal((await f.outsider.post(`${f.base}/oppna`)).statusCode, 403);
    assert.equal((await f.outsider.post(`${f.base}/narvaro`, { personId: f.member.Dalby, type: 'present' })).statusCode, 403);
    const [meeting] = await t.services.database.db.select().from(meetings).where(eq(meetings.id, f.meetingId));
    assert.equal(meeting?.status, 'planned');
  });

  test('before the meeting is opened nothing can be recorded', async () => {
    const f = await buildLiveMeeting(t);
    const refused = await f.secretary.post(`${f.base}/narvaro`, { personId: f.member.Dalby, type: 'present' });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /Sammanträdet är inte öppnat/);
  });

  test('KL 4:27 — after close every POST is refused with a clear message and nothing changes', async () => {
    const f = await buildLiveMeeting(t);
    await openMeeting(f);
    await recordStart(f);
    await f.secretary.post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await f.secretary.post(`${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Bergby, kind: 'reject', text: 'Avslag på förslaget' });
    const confirm = await f.secretary.get(`${f.base}/avsluta`);
    assert.match(textOf(confirm.body), /3 punkter är inte behandlade/);
    assert.match(textOf(confirm.body), /3\. Verksamhetsplan 2023/);
    assert.equal((await f.secretary.post(`${f.base}/avsluta`)).statusCode, 302);

    const db = t.services.database.db;
    const snapshot = async () => ({
      items: await db.select().from(agendaItems).where(eq(agendaItems.meetingId, f.meetingId)),
      meeting: await db.select().from(meetings).where(eq(meetings.id, f.meetingId)),
      events: await db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.meetingId, f.meetingId)),
      motions: await db.select().from(motions).where(eq(motions.itemId, f.items.plan)),
      propositions: await db.select({ n: count() }).from(propositions),
      votes: await db.select({ n: count() }).from(votes),
      reservations: await db.select({ n: count() }).from(reservations),
      audit: await db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'meeting.live.%')),
    });
    const before = await snapshot();
    const [motion] = before.motions;
    const [event] = await db.select().from(attendanceEvents).where(eq(attendanceEvents.meetingId, f.meetingId));
    const attempts: [string, Record<string, string>][] = [
      ['oppna', {}],
      ['avsluta', {}],
      ['narvaro', { personId: f.member.Dalby, type: 'absent' }],
      ['narvaro/ta-bort', { eventId: event?.id ?? '' }],
      ['jav', { itemId: f.items.plan, personId: f.member.Dalby }],
      ['yrkande', { itemId: f.items.plan, personId: f.member.Dalby, text: 'Bifall' }],
      ['yrkande/aterta', { motionId: motion?.id ?? '' }],
      ['proposition', { itemId: f.items.plan, text: 'Bifall', outcome: 'approved' }],
      ['bifall', { itemId: f.items.plan, alternative: 'proposal' }],
      ['votering', { itemId: f.items.plan, yes: 'proposal', no: `motion:${motion?.id ?? ''}`, [`ballot-${f.member.Dalby}`]: 'yes' }],
      ['notera', { itemId: f.items.info }],
      ['beslutstext', { itemId: f.items.economy, decisionText: 'Ändrad' }],
      ['ateruppta', { itemId: f.items.economy }],
      ['reservation', { itemId: f.items.economy, personId: f.member.Dalby }],
      ['anteckning', { itemId: f.items.economy, protocolNotes: 'Sent tillägg' }],
      ['omedelbar-justering', { itemId: f.items.economy, immediateJustering: 'on' }],
      ['bordlagg', { itemId: f.items.plan, targetMeetingId: f.laterMeetingId }],
    ];
    for (const [path, form] of attempts) {
      const response = await f.secretary.post(`${f.base}/${path}`, form);
      assert.equal(response.statusCode, 409, `${path}: ${response.statusCode}`);
      assert.match(textOf(response.body), /Sammanträdet är avslutat|innan sammanträdet avslutas/, path);
    }
    assert.deepEqual(await snapshot(), before);
    const page = await f.secretary.get(f.base);
    assert.match(textOf(page.body), /Sammanträdet är avslutat och kan inte längre ändras/);
    assert.doesNotMatch(page.body, /action="[^"]*\/bifall"/);
  });
});
