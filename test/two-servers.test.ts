/**
 * App servers keep no state of their own: two real server processes against one PostgreSQL
 * behave as one (sessions, sign-out everywhere, the audit chain under concurrent writes).
 */
import { after, before, describe, it } from 'node:test';
import { generateTotp, newTotpSecret } from '../src/features/auth/totp.js';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openPostgres, type Database } from '../src/platform/db/database.js';
import { verifyAuditChain } from '../src/platform/audit/audit.js';
import { createPostgresDatabase, TEST_DB_KIND } from './support/db.js';
import { hashPassword } from '../src/features/auth/auth.service.js';
import { Browser as ServerBrowser, startServer as start, stopServer, type AppServer } from './support/server.js';

const ADMIN = { name: 'Ada Admin', email: 'ada@example.se', password: 'rätt häftig häst batteri' };

const startServer = (databaseUrl: string) => start({ DATABASE_URL: databaseUrl });

class Browser extends ServerBrowser {
  override signIn(server: AppServer): Promise<void> {
    return super.signIn(server, ADMIN.email, ADMIN.password);
  }
}

describe('two app servers against one PostgreSQL behave as one', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: set TEST_DATABASE_URL' }, () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let a: AppServer;
  let b: AppServer;
  const admin = new Browser();

  before(async () => {
    created = await createPostgresDatabase();
    database = openPostgres(created.url, { max: 2 });
    [a, b] = await Promise.all([startServer(created.url), startServer(created.url)]);
  });

  after(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    await database?.close();
    await created?.drop();
  });

  // The steps below build on each other, in order, like one user's visit.
  it('sets up on server A, and server B accepts the session', async () => {
    assert.equal((await admin.request(a, '/installera')).status, 200);
    const setup = await admin.request(a, '/installera', { committeeName: 'Tvåservernämnden', committeeSlug: 'tva', name: ADMIN.name, email: ADMIN.email, password: ADMIN.password });
    assert.equal(setup.status, 302, await setup.text());
    assert.ok(admin.cookies.has('kansli_session'), 'A set a session cookie');

    const account = await admin.request(b, '/konto');
    assert.equal(account.status, 200);
    assert.match(await account.text(), /Tvåservernämnden/);
    const stranger = await new Browser().request(b, '/konto');
    assert.equal(stranger.status, 302, 'without the session B sends to sign-in');
    assert.equal((await admin.request(b, '/installera')).status, 302, 'B knows the installation is set up');
  });

  it('keeps one linear audit chain under concurrent writes through both servers', async () => {
    const before = await verifyAuditChain(database.db);
    assert.equal(before.ok, true);
    const names = Array.from({ length: 20 }, (_, i) => `Parallell Person ${String(i).padStart(2, '0')}`);
    const responses = await Promise.all(names.map((name, i) => admin.request(i % 2 === 0 ? a : b, '/personer/ny', { name, title: `via ${i % 2 === 0 ? 'A' : 'B'}` })));
    for (const response of responses) {
      assert.equal(response.status, 302);
      assert.match(response.headers.get('location') ?? '', /^\/personer\/[0-9a-f-]{36}$/);
    }
    const stored = await database.query<{ name: string }>(sql`select name from people where name like 'Parallell Person %' order by name`);
    assert.deepEqual(stored.map((r) => r.name), names);
    const entries = await database.query<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'person.create'`);
    assert.equal(entries[0]?.n, names.length);
    assert.deepEqual(await verifyAuditChain(database.db), { ok: true, count: before.count + names.length });
  });

  it('hands out gapless case numbers under concurrent requests through both servers', async () => {
    const [committee] = await database.query<{ id: string }>(sql`select id from organisations where kind = 'committee'`);
    const [user] = await database.query<{ id: string }>(sql`select id from users where lower(email) = ${ADMIN.email}`);
    await database.query(sql`insert into role_assignments (user_id, organisation_id, role) values (${user?.id}, ${committee?.id}, 'secretary')`);
    await database.query(sql`insert into classification_codes (organisation_id, code, title, retention) values (${committee?.id}, '1.1', 'Styrning', 'Bevaras')`);
    const titles = Array.from({ length: 30 }, (_, i) => `Parallellt ärende ${String(i).padStart(2, '0')}`);
    const responses = await Promise.all(
      titles.map((title, i) => admin.request(i % 2 === 0 ? a : b, '/arenden/nytt', { organisation: 'tva', title, classificationCode: '1.1' })),
    );
    for (const response of responses) assert.equal(response.status, 302, await response.text());
    const numbers = await database.query<{ number: number }>(sql`select number from cases where title like 'Parallellt ärende %' order by number`);
    assert.deepEqual(numbers.map((r) => r.number), titles.map((_, i) => i + 1), 'numbers 1…30, each once, no gap');
  });

  it('numbers paragraphs through the year without gaps when protocols are locked concurrently on both servers', async () => {
    const [committee] = await database.query<{ id: string }>(sql`select id from organisations where kind = 'committee'`);
    const [body] = await database.query<{ id: string }>(sql`
      insert into bodies (organisation_id, kind, name, slug) values (${committee?.id}, 'committee', 'Tvåservernämnden', 'tva-organ') returning id`);
    const meetingIds: string[] = [];
    for (let m = 1; m <= 6; m += 1) {
      const [meeting] = await database.query<{ id: string }>(sql`
        insert into meetings (body_id, starts_at, place, status) values (${body?.id}, ${`2025-0${m}-10T09:00:00+01:00`}, 'Distans', 'closed') returning id`);
      for (let i = 1; i <= 3; i += 1) {
        await database.query(sql`insert into agenda_items (meeting_id, position, heading, status, decision_text) values (${meeting?.id}, ${i}, ${`Ärende ${m}.${i}`}, 'decided', 'Beslut.')`);
      }
      meetingIds.push(meeting?.id ?? '');
    }
    for (const [i, id] of meetingIds.entries()) assert.equal((await admin.request(i % 2 === 0 ? a : b, `/moten/${id}/protokoll`, {})).status, 302);
    // All at once on both servers. § numbers follow meeting order, so a later meeting's lock is
    // refused (409) while an earlier one is still a draft; those are sent again until all are locked.
    let pending = meetingIds.map((id, i) => ({ id, i }));
    for (let round = 0; pending.length > 0 && round < meetingIds.length; round += 1) {
      const locks = await Promise.all(pending.map(({ id, i }) => admin.request(i % 2 === 0 ? b : a, `/moten/${id}/protokoll/las`, {})));
      for (const response of locks) assert.ok([302, 409].includes(response.status), await response.text());
      pending = pending.filter((_, k) => locks[k]?.status !== 302);
    }
    assert.equal(pending.length, 0, 'every protocol is locked');
    const numbers = await database.query<{ number: number }>(sql`
      select p.number from protocol_paragraphs p join protocols r on r.id = p.protocol_id join meetings m on m.id = r.meeting_id
      where m.body_id = ${body?.id} order by p.number`);
    assert.deepEqual(numbers.map((r) => r.number), Array.from({ length: 18 }, (_, i) => i + 1), '§ 1–18, each once');
    const byMeeting = await database.query<{ number: number }>(sql`
      select p.number from protocol_paragraphs p join protocols r on r.id = p.protocol_id join meetings m on m.id = r.meeting_id
      where m.body_id = ${body?.id} order by m.starts_at, p.position`);
    assert.deepEqual(byMeeting.map((r) => r.number), Array.from({ length: 18 }, (_, i) => i + 1), 'in meeting order');
  });

  it('makes a protocol final exactly once when the chair signs on A and the adjuster on B at the same moment', async () => {
    const [committee] = await database.query<{ id: string }>(sql`select id from organisations where kind = 'committee'`);
    const [body] = await database.query<{ id: string }>(sql`select id from bodies where slug = 'tva-organ'`);
    const [meeting] = await database.query<{ id: string }>(sql`
      insert into meetings (body_id, starts_at, place, status) values (${body?.id}, '2025-09-10T09:00:00+02:00', 'Distans', 'closed') returning id`);
    await database.query(sql`insert into agenda_items (meeting_id, position, heading, status, decision_text) values (${meeting?.id}, 1, 'Justeras på två servrar', 'decided', 'Beslut.')`);
    assert.equal((await admin.request(a, `/moten/${meeting?.id}/protokoll`, {})).status, 302);
    const [protocol] = await database.query<{ id: string }>(sql`select id from protocols where meeting_id = ${meeting?.id}`);
    const hash = await hashPassword(ADMIN.password);
    const signers: { email: string; role: 'chair' | 'member' }[] = [
      { email: 'ordf@example.se', role: 'chair' },
      { email: 'just@example.se', role: 'member' },
    ];
    const personIds: string[] = [];
    for (const signer of signers) {
      const [person] = await database.query<{ id: string }>(sql`insert into people (name, organisation_id) values (${signer.email}, ${committee?.id}) returning id`);
      const [user] = await database.query<{ id: string }>(sql`
        insert into users (email, name, password_hash, person_id) values (${signer.email}, ${signer.email}, ${hash}, ${person?.id}) returning id`);
      await database.query(sql`insert into role_assignments (user_id, organisation_id, role) values (${user?.id}, ${committee?.id}, ${signer.role})`);
      personIds.push(person?.id ?? '');
    }
    await database.query(sql`update protocols set chair_person_id = ${personIds[0]}, adjuster_person_id = ${personIds[1]} where id = ${protocol?.id}`);
    assert.equal((await admin.request(b, `/moten/${meeting?.id}/protokoll/las`, {})).status, 302);
    const chair = new ServerBrowser();
    const adjuster = new ServerBrowser();
    await chair.signIn(a, 'ordf@example.se', ADMIN.password);
    await adjuster.signIn(b, 'just@example.se', ADMIN.password);
    // Each signer's own TOTP (issue 15: the password alone does not sign), turned on after sign-in.
    const secrets = [newTotpSecret(), newTotpSecret()];
    for (const [i, signer] of signers.entries()) await database.query(sql`update users set totp_secret = ${secrets[i]}, totp_enabled = true where email = ${signer.email}`);
    const [locked] = await database.query<{ digest: string }>(sql`select canonical_sha256 as digest from protocols where id = ${protocol?.id}`);
    const totp = (secret: string | undefined) => ({ method: 'totp', code: generateTotp(secret ?? '', new Date()), sha256: locked?.digest ?? '' });
    const [first, second] = await Promise.all([
      chair.request(a, `/protokoll/${protocol?.id}/justera`, totp(secrets[0])),
      adjuster.request(b, `/protokoll/${protocol?.id}/justera`, totp(secrets[1])),
    ]);
    assert.equal(first?.status, 302, await first?.text());
    assert.equal(second?.status, 302, await second?.text());
    const [row] = await database.query<{ status: string; signatures: number; finals: number }>(sql`
      select r.status,
             (select count(*)::int from protocol_signatures s where s.protocol_id = r.id) as signatures,
             (select count(*)::int from audit_log l where l.entity_id = r.id::text and l.action = 'protocol.sign' and (l.after ->> 'final') = 'true') as finals
      from protocols r where r.id = ${protocol?.id}`);
    assert.equal(row?.status, 'final');
    assert.equal(row?.signatures, 2);
    assert.equal(row?.finals, 1, 'exactly one of the two signatures made the protocol final');
    await database.query(sql`delete from sessions where user_id in (select id from users where email in ('ordf@example.se', 'just@example.se'))`);
  });

  it('signs out everywhere on B, which ends the sessions on A', async () => {
    const other = new Browser();
    await other.signIn(a);
    assert.equal((await other.request(a, '/konto')).status, 200);
    assert.equal((await admin.request(a, '/konto')).status, 200);

    const signOut = await admin.request(b, '/konto/logga-ut-overallt', {});
    assert.equal(signOut.status, 302);
    const onA = await other.request(a, '/konto');
    assert.equal(onA.status, 302);
    assert.match(onA.headers.get('location') ?? '', /^\/logga-in/);
    const [row] = await database.query<{ n: number }>(sql`select count(*)::int as n from sessions`);
    assert.equal(row?.n, 0);
  });
});
