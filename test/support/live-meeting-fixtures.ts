/** Test factory for the live meeting: a committee of five municipalities and a meeting with items. */
import { buildCommittee, buildUser, TestClient, type TestContext } from './app.js';
import type { Principal } from '../../src/platform/auth/policy.js';
import { agendaItemDocuments, agendaItems, meetings } from '../../src/features/meetings/meetings.tables.js';
import { mandates, organisations, people } from '../../src/features/organisation/organisation.tables.js';
import { cases, documents } from '../../src/features/registry/registry.tables.js';

/** The member municipalities, in the order the attendance table lists them (Swedish collation). */
export const TOWNS = ['Arvidsby', 'Bergby', 'Dalby', 'Ekby', 'Testby kommun'] as const;
export type Town = (typeof TOWNS)[number];

export interface LiveFixture {
  meetingId: string;
  laterMeetingId: string;
  base: string;
  items: { economy: string; info: string; plan: string; election: string };
  /** Person ids: member and substitute of each municipality; Arvidsby's member chairs. */
  member: Record<Town, string>;
  substitute: Record<Town, string>;
  secretary: TestClient;
  /** The secretary as a principal, for calling the service directly. */
  secretaryPrincipal: Principal;
  outsider: TestClient;
  documentId: string;
  /** More member municipalities, when asked for (`extraTowns`): the committee of a larger meeting. */
  extra: { town: string; member: string; substitute: string }[];
}

let run = 0;

/** A fresh committee, its mandates, a meeting on 2022-12-14 with four items, and a later meeting. */
export async function buildLiveMeeting(t: TestContext, options: { justeringDate?: string; extraTowns?: readonly string[] } = {}): Promise<LiveFixture> {
  const db = t.services.database.db;
  const { committee, municipality, body } = await buildCommittee(t.services, { name: 'Provnämnden' });
  run += 1;
  const towns = new Map<Town, string>([['Testby kommun', municipality.id]]);
  for (const name of TOWNS.filter((n) => n !== 'Testby kommun')) {
    const [row] = await db.insert(organisations).values({ kind: 'municipality', name, slug: `${name.toLowerCase()}-${process.pid}-${run}`, committeeId: committee.id }).returning();
    if (!row) throw new Error('no municipality');
    towns.set(name, row.id);
  }
  const member = {} as Record<Town, string>;
  const substitute = {} as Record<Town, string>;
  for (const town of TOWNS) {
    const municipalityId = towns.get(town) ?? '';
    for (const role of ['member', 'substitute'] as const) {
      const [person] = await db.insert(people).values({ name: `${role === 'member' ? 'Ledamot' : 'Ersättare'} ${town}`, organisationId: municipalityId }).returning();
      if (!person) throw new Error('no person');
      const position = role === 'member' && town === 'Arvidsby' ? ('chair' as const) : null;
      await db.insert(mandates).values({ personId: person.id, bodyId: body.id, municipalityId, role, position, termFrom: '2022-01-01' });
      (role === 'member' ? member : substitute)[town] = person.id;
    }
  }
  const extra: LiveFixture['extra'] = [];
  for (const town of options.extraTowns ?? []) {
    const [row] = await db.insert(organisations).values({ kind: 'municipality', name: town, slug: `${town.toLowerCase()}-${process.pid}-${run}`, committeeId: committee.id }).returning();
    if (!row) throw new Error('no municipality');
    const ids: Record<'member' | 'substitute', string> = { member: '', substitute: '' };
    for (const role of ['member', 'substitute'] as const) {
      const [person] = await db.insert(people).values({ name: `${role === 'member' ? 'Ledamot' : 'Ersättare'} ${town}`, organisationId: row.id }).returning();
      if (!person) throw new Error('no person');
      await db.insert(mandates).values({ personId: person.id, bodyId: body.id, municipalityId: row.id, role, termFrom: '2022-01-01' });
      ids[role] = person.id;
    }
    extra.push({ town, ...ids });
  }
  const [meeting] = await db
    .insert(meetings)
    .values({ bodyId: body.id, startsAt: new Date('2022-12-14T09:00:00+01:00'), place: 'Luleå stadshus', justeringDate: options.justeringDate ?? '2022-12-20' })
    .returning();
  const [later] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2023-03-03T09:00:00+01:00'), place: 'Distans' }).returning();
  if (!meeting || !later) throw new Error('no meeting');
  const item = async (position: number, values: { heading: string; kind?: 'decision' | 'information' | 'election'; proposal?: string; caseId?: string }) => {
    const [row] = await db.insert(agendaItems).values({ meetingId: meeting.id, position, ...values }).returning();
    if (!row) throw new Error('no item');
    return row.id;
  };
  const [planCase] = await db
    .insert(cases)
    .values({ organisationId: committee.id, year: 2022, number: 23, classificationCode: '1.2.1.3', title: 'Verksamhetsplan 2023', openedOn: '2022-11-01' })
    .returning();
  if (!planCase) throw new Error('no case');
  const [document] = await db
    .insert(documents)
    .values({ organisationId: committee.id, year: 2022, number: 14, caseId: planCase.id, direction: 'drawn_up', documentDate: '2022-11-30', description: 'Verksamhetsplan 2023', registeredBy: 'test' })
    .returning();
  if (!document) throw new Error('no document');
  const items = {
    economy: await item(1, { heading: 'Ekonomisk rapport, utfall per sista oktober', proposal: 'E-nämnden beslutar att godkänna redovisningen och lägga rapporten till handlingarna.' }),
    info: await item(2, { heading: 'Information om aktuella och pågående aktiviteter', kind: 'information' }),
    plan: await item(3, { heading: 'Verksamhetsplan 2023', proposal: 'E-nämnden beslutar att anta verksamhetsplan 2023.', caseId: planCase.id }),
    election: await item(4, { heading: 'Val av justerare', kind: 'election' }),
  };
  await db.insert(agendaItemDocuments).values({ itemId: items.plan, documentId: document.id, position: 1 });
  const secretary = new TestClient(t.app);
  const secretaryUser = await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] });
  await secretary.signIn(secretaryUser.email);
  const secretaryPrincipal: Principal = { userId: secretaryUser.id, email: secretaryUser.email, name: 'Sekreterare', grants: [{ organisationId: committee.id, role: 'secretary' }] };
  const outsider = new TestClient(t.app);
  await outsider.signIn((await buildUser(t.services, { organisationId: committee.id, roles: ['member'] })).email);
  return { meetingId: meeting.id, laterMeetingId: later.id, base: `/moten/${meeting.id}/sammantrade`, items, member, substitute, secretary, secretaryPrincipal, outsider, documentId: document.id, extra };
}

/** Everyone present at the start, except those listed as absent. */
export async function recordStart(f: LiveFixture, absent: readonly string[] = []): Promise<void> {
  for (const town of TOWNS) {
    for (const personId of [f.member[town], f.substitute[town]]) {
      const response = await f.secretary.post(`${f.base}/narvaro`, { personId, type: absent.includes(personId) ? 'absent' : 'present' });
      if (response.statusCode !== 302) throw new Error(`attendance: ${response.statusCode} ${response.body.slice(0, 300)}`);
    }
  }
}

/** The page as plain text, tags removed, so that assertions read like the screen. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

/** The text of the "Tjänstgör" cell of a municipality's row in the attendance table. */
export function servingCell(html: string, town: Town): string {
  const row = html.split('<tr>').find((r) => r.startsWith(`<th scope="row">${town}</th>`));
  if (!row) throw new Error(`no row for ${town}`);
  const cells = row.split('<td>');
  return textOf(cells.at(-1) ?? '').trim();
}
