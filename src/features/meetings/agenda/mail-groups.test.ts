/**
 * Issue 18 — reminder and absence mails show their state as the notice does: grouped on the
 * meeting's notice page (queued, sent, failed) and each recipient in the mail log with its kind.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, buildUser, TestClient } from '../../../../test/support/app.js';
import { useTestApp } from '../../../../test/support/test-app-hooks.js';
import { mailLog, meetings } from '../../../tables.js';
import { mailGroupOf, mailGroupStates } from './mail-groups.js';

describe('progress of absence and reminder mails', () => {
  test('kinds fall into their groups; counts by status', () => {
    const cases: [string, ReturnType<typeof mailGroupOf>][] = [
      ['absence', 'absence'], ['absence-withdrawn', 'absence'], ['task.absence', 'absence'], ['task.justering.reminder', 'reminder'],
      ['task.posting.reminder', 'reminder'], ['cooperation.reminder', 'reminder'], ['task.justering', 'task'], ['task.posting', 'task'], ['notice', null], ['extract', null],
    ];
    for (const [kind, group] of cases) assert.equal(mailGroupOf(kind), group, kind);
    const states = mailGroupStates([
      { kind: 'absence', status: 'sent' }, { kind: 'absence', status: 'failed' }, { kind: 'task.absence', status: 'queued' },
      { kind: 'task.posting.reminder', status: 'sending' }, { kind: 'notice', status: 'sent' },
    ]);
    assert.deepEqual(states, [
      { group: 'absence', total: 3, waiting: 1, sent: 1, outbox: 0, failed: 1 },
      { group: 'reminder', total: 1, waiting: 1, sent: 0, outbox: 0, failed: 0 },
    ]);
  });

  const t = useTestApp();

  test("the notice page shows the absence and reminder mails' state per group and per recipient, and refreshes while some wait", async () => {
    const { committee, body } = await buildCommittee(t.services);
    const secretary = await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] });
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2030-03-10T13:00:00+01:00'), place: 'Stadshuset' }).returning();
    const meetingId = meeting?.id ?? '';
    await db.insert(mailLog).values([
      { kind: 'absence', meetingId, recipient: 'ersattare.a@example.se', subject: 'Du kallas in', status: 'sent', sentAt: new Date() },
      { kind: 'absence', meetingId, recipient: 'ersattare.b@example.se', subject: 'Du kallas in', status: 'failed', error: '550 no such user' },
      { kind: 'task.justering.reminder', meetingId, recipient: 'ordf@example.se', subject: 'Påminnelse: justera', status: 'queued' },
    ]);
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    const page = await client.get(`/moten/${meetingId}/kallelse`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 500));
    assert.match(page.body, /Förhinder och ersättare<\/strong>: 2 mottagare, skickade: 1, misslyckade: 1/);
    assert.match(page.body, /Påminnelser<\/strong>: 1 mottagare, i kö: 1/);
    assert.match(page.body, /<th scope="row">ersattare\.b@example\.se<\/th><td>Förhinder och ersättare<\/td><td>Du kallas in<\/td><td><span class="badge">Misslyckades<\/span><\/td><td>550 no such user<\/td>/);
    assert.match(page.body, /http-equiv="refresh"/, 'a mail still queued: the page refreshes itself');
  });
});
