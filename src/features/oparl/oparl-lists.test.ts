import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, buildCommittee, buildUser, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import type { Principal, Role } from '../../platform/auth/policy.js';

const SITE = 'https://kansli.example.se';

interface Page {
  data: { id: string; created: string; modified: string; deleted?: boolean; [k: string]: unknown }[];
  pagination: { totalElements: number; elementsPerPage: number };
  links: { first: string; self: string; next?: string };
}

describe('OParl lists: filters, paging, CORS and deleted objects', () => {
  let t: TestContext;
  let committee: Awaited<ReturnType<typeof buildCommittee>>;
  const get = async (url: string) => t.app.inject({ method: 'GET', url: url.startsWith(SITE) ? url.slice(SITE.length) : url });
  const json = async <T>(url: string): Promise<T> => {
    const response = await get(url);
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return JSON.parse(response.body) as T;
  };
  const principal = async (role: Role): Promise<Principal> => {
    const user = await buildUser(t.services, { organisationId: committee.committee.id, roles: [role] });
    return { userId: user.id, email: user.email, name: role, grants: [{ organisationId: committee.committee.id, role }] };
  };
  const meetingList = () => `/oparl/v1/body/${committee.committee.id}/meeting`;

  before(async () => {
    t = await createTestApp({ config: { publicUrl: SITE } });
    committee = await buildCommittee(t.services);
    // Five meetings created on known days (inserted directly, with the audit entry a service would write).
    const days = ['2024-01-10', '2024-03-10', '2024-06-10', '2024-09-10', '2025-01-10'];
    await t.services.database.db.transaction(async (tx) => {
      for (const [i, day] of days.entries()) {
        const at = new Date(`${day}T09:00:00Z`);
        await tx.insert(meetings).values({ bodyId: committee.body.id, startsAt: new Date(`2025-0${i + 2}-01T12:00:00Z`), place: i % 2 ? 'Stadshuset' : 'Kommunhuset', createdAt: at, updatedAt: new Date(at.getTime() + 86_400_000 * 30) });
      }
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.meetings', entity: 'meeting', entityId: null, organisationId: null }, new Date());
    });
  });
  after(() => t.close());

  test('the meeting list holds every meeting, as JSON with CORS', async () => {
    const response = await get(meetingList());
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const page = JSON.parse(response.body) as Page;
    assert.equal(page.data.length, 5);
    assert.equal(page.links.next, undefined, 'one page: no next link');
    assert.ok(page.data.every((m) => m.id.startsWith(`${SITE}/oparl/v1/meeting/`)));
  });

  test('created_since / created_until / modified_since / modified_until bound the list, both ends included', async () => {
    const count = async (query: string) => (await json<Page>(`${meetingList()}?${query}`)).data.length;
    assert.equal(await count(`created_since=${encodeURIComponent('2024-03-10T10:00:00+01:00')}`), 4);
    assert.equal(await count(`created_since=${encodeURIComponent('2024-03-10T10:00:01+01:00')}`), 3);
    assert.equal(await count(`created_until=${encodeURIComponent('2024-06-10T09:00:00Z')}`), 3);
    assert.equal(await count(`created_since=2024-02-01T00:00:00Z&created_until=2024-07-01T00:00:00Z`), 2);
    assert.equal(await count(`modified_since=${encodeURIComponent('2024-10-01T00:00:00+02:00')}`), 2);
    assert.equal(await count(`modified_until=2024-02-10T09:00:00Z`), 1);
    // An unencoded "+" arrives as a space; it is read as the offset it was meant to be.
    assert.equal(await count('created_since=2024-03-10T10:00:01+01:00'), 3);
  });

  test('a bad filter or page size is refused with 400 and a message naming the parameter', async () => {
    for (const query of ['created_since=2024-01-01', 'modified_until=yesterday', 'created_since=2024-01-01T00:00:00', 'created_until=2024-13-45T00:00:00Z', 'elementsPerPage=0', 'limit=abc']) {
      const response = await get(`${meetingList()}?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      const body = JSON.parse(response.body) as { error: { message: { sv: string; en: string } } };
      assert.ok(body.error.message.en.includes(query.split('=')[0] ?? ''), `${query}: ${body.error.message.en}`);
    }
  });

  test('pages follow links.next to the end, each object once, with the filter kept', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${meetingList()}?elementsPerPage=2&created_since=2024-01-01T00:00:00Z`;
    let pages = 0;
    while (url) {
      const page: Page = await json<Page>(url);
      pages += 1;
      assert.ok(page.data.length <= 2);
      assert.equal(page.pagination.totalElements, 5);
      seen.push(...page.data.map((m) => m.id));
      if (page.links.next) assert.match(page.links.next, /created_since=/);
      url = page.links.next;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 5);
    assert.deepEqual(seen, [...seen].sort(), 'sorted by id: stable');
    const limited = await json<Page>(`${meetingList()}?limit=4`);
    assert.equal(limited.data.length, 4);
  });

  test('an unknown object or list answers 404 in JSON, with CORS', async () => {
    for (const url of ['/oparl/v1/meeting/00000000-0000-4000-8000-000000000000', '/oparl/v1/body/x/meeting', '/oparl/v1/nothing']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.equal(response.headers['access-control-allow-origin'], '*');
    }
  });

  test('a deleted membership stays with deleted: true; its person and organ count as modified', async () => {
    const admin = await principal('admin');
    const personId = await t.services.organisation.createPerson(admin, { name: 'Tilda Testsson', email: 'tilda@example.se', phone: '070-000 00 00' });
    const mandateId = await t.services.organisation.createMandate(admin, { personId, bodyId: committee.body.id, municipalityId: committee.municipality.id, role: 'member', termFrom: '2023-01-01', termTo: '2026-12-31' });
    const person = await json<Record<string, unknown>>(`/oparl/v1/person/${personId}`);
    assert.equal(person.name, 'Tilda Testsson');
    assert.equal(person.email, undefined, 'no e-mail in open data');
    assert.equal(person.phone, undefined, 'no phone in open data');
    const membership = await json<Record<string, unknown>>(`/oparl/v1/membership/${mandateId}`);
    assert.equal(membership.role, 'Ledamot');
    assert.equal(membership.votingRight, true);

    const before = Date.now();
    await t.services.organisation.deleteMandate(admin, mandateId);
    const deleted = await json<Record<string, unknown>>(`/oparl/v1/membership/${mandateId}`);
    assert.deepEqual(Object.keys(deleted).sort(), ['created', 'deleted', 'id', 'modified', 'type']);
    assert.equal(deleted.deleted, true);
    assert.equal(deleted.created, membership.created);
    assert.ok(Date.parse(String(deleted.modified)) >= before - 1000);
    const list = await json<Page>(`/oparl/v1/body/${committee.committee.id}/membership?modified_since=${encodeURIComponent(new Date(before - 1000).toISOString())}`);
    assert.ok(list.data.some((m) => m.id === deleted.id && m.deleted === true), 'the tombstone is in the body’s membership list');
    const organization = await json<Record<string, unknown>>(`/oparl/v1/organization/${committee.body.id}`);
    assert.ok(Date.parse(String(organization.modified)) >= Date.parse(String(deleted.modified)));
    assert.equal((await get(`/oparl/v1/person/${personId}`)).statusCode, 404, 'without a mandate in a public organ the person is not published');
  });

  test('an agenda item removed from a called agenda stays with deleted: true; the meeting counts as modified', async () => {
    const secretary = await principal('secretary');
    const meetingId = await t.services.schedule.create(secretary, { bodyId: committee.body.id, kind: 'meeting', date: '2030-05-02', startTime: '13:00', endTime: '15:00', place: 'Stadshuset' });
    const item = await t.services.agenda.addItem(secretary, meetingId, { kind: 'decision', heading: 'Ett ärende som utgår', caseId: '', proposal: '', summary: '', recipients: '', otherHids: '', isSecret: false });
    await t.services.agenda.addItem(secretary, meetingId, { kind: 'information', heading: 'Information', caseId: '', proposal: '', summary: '', recipients: '', otherHids: '', isSecret: false });
    // The agenda is published once the notice has gone out.
    await t.services.database.db.transaction(async (tx) => {
      await tx.update(meetings).set({ noticeSentAt: new Date() }).where(eq(meetings.id, meetingId));
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.notice', entity: 'meeting', entityId: meetingId, organisationId: null }, new Date());
    });
    const calledMeeting = await json<{ agendaItem: { id: string }[]; modified: string }>(`/oparl/v1/meeting/${meetingId}`);
    assert.equal(calledMeeting.agendaItem.length, 2);

    await t.services.agenda.removeItem(secretary, meetingId, item.id);
    const deleted = await json<Record<string, unknown>>(`/oparl/v1/agendaitem/${item.id}`);
    assert.equal(deleted.deleted, true);
    assert.equal(deleted.type, 'https://schema.oparl.org/1.1/AgendaItem');
    const meeting = await json<{ agendaItem: { id: string }[]; modified: string }>(`/oparl/v1/meeting/${meetingId}`);
    assert.equal(meeting.agendaItem.length, 1);
    assert.ok(meeting.modified >= String(deleted.modified), 'the meeting’s modified follows the deletion');
    const items = await json<Page>(`/oparl/v1/body/${committee.committee.id}/agendaitem`);
    assert.ok(items.data.some((i) => i.id === deleted.id && i.deleted === true));
  });

  test('a cancelled meeting stays a Meeting with cancelled: true', async () => {
    const secretary = await principal('secretary');
    const meetingId = await t.services.schedule.create(secretary, { bodyId: committee.body.id, kind: 'meeting', date: '2030-09-05', startTime: '13:00', endTime: '', place: 'Stadshuset' });
    await t.services.schedule.cancel(secretary, meetingId);
    const meeting = await json<Record<string, unknown>>(`/oparl/v1/meeting/${meetingId}`);
    assert.equal(meeting.cancelled, true);
    assert.equal(meeting.deleted, undefined);
  });

  test('without KANSLI_PUBLIC_URL the URLs follow the request’s host', async () => {
    const plain = await createTestApp({ database: t.database });
    try {
      const response = await plain.app.inject({ method: 'GET', url: '/oparl/v1/system', headers: { host: 'namnd.example.org:8443' } });
      const system = JSON.parse(response.body) as { id: string; body: string };
      assert.equal(system.id, 'http://namnd.example.org:8443/oparl/v1/system');
      assert.equal(system.body, 'http://namnd.example.org:8443/oparl/v1/body');
    } finally {
      await plain.app.close();
    }
  });
});
