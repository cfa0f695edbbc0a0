/**
 * Body, Organization, Person, Membership and LegislativeTerm.
 *
 * Why the committee is the Body and its organs are Organizations: OParl's Body is the
 * "Körperschaft", the legal entity whose council work is published (a municipality in Germany),
 * and Organization is the "Gremium" inside it (council, committees, working groups). A joint
 * committee (gemensam nämnd, KL 9:19) is the entity here; the committee as a deciding organ and
 * its preparation group (beredningsgrupp) are its Gremien. The member municipalities are
 * Organizations too: a member sits in the committee on behalf of a municipality (KL 9:24), which
 * is what Membership.onBehalfOf expresses (in Germany, usually the party group).
 */
import type { PublicData } from './oparl.repository.js';
import { compact, iso, latest, typeUri, type OparlObject } from './oparl.model.js';
import { lastDeletion, presentTombstone, type SnapshotBuilder, type Tombstone } from './oparl.snapshot.js';

type MandateRow = PublicData['mandateRows'][number];
type BodyRow = PublicData['bodyRows'][number];

const ROLE: Record<MandateRow['role'], string> = { member: 'Ledamot', substitute: 'Ersättare', official: 'Tjänsteperson' };
const POSITION: Record<NonNullable<MandateRow['position']>, string> = { chair: 'Ordförande', vice_chair: 'Vice ordförande' };
const CLASSIFICATION: Record<BodyRow['kind'], string> = { committee: 'Nämnd', preparation_group: 'Beredningsgrupp' };

/** What the other presenters need to know about the organisations. */
export interface OrganisationIndex {
  /** The committee (Body) of each organ. */
  committeeOfBody: Map<string, string>;
  /** People published as Person (those with a mandate in a public organ). */
  personIds: Set<string>;
}

const termKey = (committeeId: string, m: Pick<MandateRow, 'termFrom' | 'termTo'>) => `${committeeId}_${m.termFrom}_${m.termTo ?? 'tillsvidare'}`;

function presentMembership(b: SnapshotBuilder, m: MandateRow): OparlObject {
  const { u } = b;
  return b.put(
    compact({
      id: u.membership(m.id),
      type: typeUri('Membership'),
      person: u.person(m.personId),
      organization: u.organization(m.bodyId),
      role: m.position ? `${POSITION[m.position]} (${ROLE[m.role].toLowerCase()})` : ROLE[m.role],
      // A substitute votes only when serving in a member's place (KL 6:10, reglemente 17 §).
      votingRight: m.role === 'member',
      startDate: m.termFrom,
      endDate: m.termTo ?? undefined,
      onBehalfOf: u.organization(m.municipalityId),
      created: iso(m.createdAt),
      modified: iso(m.updatedAt),
    }),
  );
}

function presentTerms(b: SnapshotBuilder, committeeId: string, mandates: readonly MandateRow[]): OparlObject[] {
  const { u } = b;
  const terms = new Map<string, { from: string; to: string | null; created: Date; modified: Date }>();
  for (const m of mandates) {
    const key = termKey(committeeId, m);
    const t = terms.get(key);
    if (!t) terms.set(key, { from: m.termFrom, to: m.termTo, created: m.createdAt, modified: m.updatedAt });
    else {
      if (m.createdAt < t.created) t.created = m.createdAt;
      t.modified = latest(t.modified, m.updatedAt);
    }
  }
  return [...terms]
    .sort(([, a], [, z]) => a.from.localeCompare(z.from))
    .map(([key, t]) =>
      b.put(
        compact({
          id: u.legislativeTerm(key),
          type: typeUri('LegislativeTerm'),
          body: u.body(committeeId),
          name: `Mandatperiod ${t.from.slice(0, 4)}–${t.to?.slice(0, 4) ?? ''}`.trim(),
          startDate: t.from,
          endDate: t.to ?? undefined,
          created: iso(t.created),
          modified: iso(t.modified),
        }),
      ),
    );
}

/** The organs and member municipalities of one committee, with their memberships. */
function presentOrganizations(b: SnapshotBuilder, committeeId: string, organs: readonly BodyRow[], deletions: Map<string, Tombstone[]>): void {
  const { u, data } = b;
  const list = u.bodyList(committeeId, 'organization');
  b.list(list);
  const mainOrgan = organs.find((o) => o.kind === 'committee');
  for (const organ of organs) {
    const memberships = data.mandateRows.filter((m) => m.bodyId === organ.id);
    const organization = b.put(
      compact({
        id: u.organization(organ.id),
        type: typeUri('Organization'),
        body: u.body(committeeId),
        name: organ.name,
        organizationType: 'Gremium',
        classification: CLASSIFICATION[organ.kind],
        membership: organ.isPublic ? memberships.map((m) => u.membership(m.id)) : undefined,
        meeting: organ.isPublic ? u.organizationMeetings(organ.id) : undefined,
        subOrganizationOf: organ.kind === 'preparation_group' && mainOrgan ? u.organization(mainOrgan.id) : undefined,
        created: iso(organ.createdAt),
        modified: iso(latest(organ.updatedAt, ...memberships.map((m) => m.updatedAt), lastDeletion(deletions.get(organ.id)))),
      }),
    );
    b.list(list, organization);
    if (organ.isPublic) b.list(u.organizationMeetings(organ.id));
  }
  for (const municipality of data.organisationRows.filter((o) => o.committeeId === committeeId)) {
    const organization = b.put({
      id: u.organization(municipality.id),
      type: typeUri('Organization'),
      body: u.body(committeeId),
      name: municipality.name,
      organizationType: 'Institution',
      classification: 'Medlemskommun',
      created: iso(municipality.createdAt),
      modified: iso(municipality.updatedAt),
    });
    b.list(list, organization);
  }
}

/** Persons, with their memberships embedded (name only: no e-mail, phone or identity number). */
function presentPersons(b: SnapshotBuilder, committeeId: string, mandates: readonly MandateRow[], memberships: Map<string, OparlObject>, index: OrganisationIndex): void {
  const { u, data } = b;
  const list = u.bodyList(committeeId, 'person');
  b.list(list);
  const byPerson = new Map<string, MandateRow[]>();
  for (const m of mandates) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  for (const person of data.personRows) {
    const own = byPerson.get(person.id);
    if (!own) continue;
    index.personIds.add(person.id);
    const object = b.put({
      id: u.person(person.id),
      type: typeUri('Person'),
      body: u.body(committeeId),
      name: person.name,
      membership: own.flatMap((m) => memberships.get(m.id) ?? []),
      created: iso(person.createdAt),
      modified: iso(latest(person.updatedAt, ...own.map((m) => m.updatedAt))),
    });
    b.list(list, object);
  }
}

/** One Body per committee, with its organs, people, memberships and terms. */
export function presentOrganisations(b: SnapshotBuilder, deletions: Map<string, Tombstone[]>): OrganisationIndex {
  const { u, data } = b;
  const index: OrganisationIndex = { committeeOfBody: new Map(), personIds: new Set() };
  for (const organ of data.bodyRows) index.committeeOfBody.set(organ.id, organ.organisationId);
  b.list(u.bodies);
  for (const committee of data.organisationRows.filter((o) => o.kind === 'committee')) {
    const organs = data.bodyRows.filter((o) => o.organisationId === committee.id);
    const organIds = new Set(organs.map((o) => o.id));
    const mandates = data.mandateRows.filter((m) => organIds.has(m.bodyId));
    const terms = presentTerms(b, committee.id, mandates);
    // No `mainOrganization`: it came after the released 1.1.1, and the draft-07 schema types it both as URL and as object.
    const bodyObject = b.put(
      compact({
        id: u.body(committee.id),
        type: typeUri('Body'),
        system: u.system,
        name: committee.name,
        website: u.site,
        classification: 'Gemensam nämnd',
        legislativeTerm: terms,
        organization: u.bodyList(committee.id, 'organization'),
        person: u.bodyList(committee.id, 'person'),
        meeting: u.bodyList(committee.id, 'meeting'),
        paper: u.bodyList(committee.id, 'paper'),
        agendaItem: u.bodyList(committee.id, 'agendaitem'),
        consultation: u.bodyList(committee.id, 'consultation'),
        file: u.bodyList(committee.id, 'file'),
        locationList: u.bodyList(committee.id, 'location'),
        legislativeTermList: u.bodyList(committee.id, 'legislativeterm'),
        membership: u.bodyList(committee.id, 'membership'),
        created: iso(committee.createdAt),
        modified: iso(latest(committee.updatedAt, ...organs.map((o) => o.updatedAt), ...mandates.map((m) => m.updatedAt))),
      }),
    );
    b.list(u.bodies, bodyObject);
    for (const term of terms) b.list(u.bodyList(committee.id, 'legislativeterm'), term);
    b.list(u.bodyList(committee.id, 'legislativeterm'));
    presentOrganizations(b, committee.id, organs, deletions);
    const membershipObjects = new Map(mandates.map((m) => [m.id, presentMembership(b, m)]));
    presentPersons(b, committee.id, mandates, membershipObjects, index);
    const memberships = u.bodyList(committee.id, 'membership');
    b.list(memberships);
    for (const m of membershipObjects.values()) b.list(memberships, m);
    for (const organ of organs) {
      for (const t of deletions.get(organ.id) ?? []) {
        const tombstone = t.kind === 'membership' ? presentTombstone(u, t) : undefined;
        if (tombstone && !b.objects.has(tombstone.id)) b.list(memberships, b.put(tombstone));
      }
    }
  }
  return index;
}
