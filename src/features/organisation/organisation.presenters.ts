import type { MandateRow, OrganisationRow, PersonRow } from './organisation.tables.js';

/** What the JSON API shows of each row; never a database row as is. */
export const presentOrganisation = (o: OrganisationRow) => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  slug: o.slug,
  isHost: o.isHost,
  orgNumber: o.orgNumber,
  committeeId: o.committeeId,
});

export const presentPerson = (p: PersonRow) => ({ id: p.id, name: p.name, title: p.title, organisationId: p.organisationId });

export const presentMandate = (m: MandateRow) => ({
  id: m.id,
  personId: m.personId,
  bodyId: m.bodyId,
  municipalityId: m.municipalityId,
  role: m.role,
  position: m.position,
  termFrom: m.termFrom,
  termTo: m.termTo,
});
