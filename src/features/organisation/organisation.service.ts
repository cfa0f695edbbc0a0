import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, PolicyDenied, scopeOf as policyScope, type Principal } from '../../platform/auth/policy.js';
import { administeredOrganisationIds, administeredScope, cooperationScope, visibleOrganisationIds } from './scope.js';
import * as repo from './organisation.repository.js';
import { ZBodyInput, ZMandateInput, ZOrganisationInput, ZPersonInput, ZPopulationInput } from './organisation.schema.js';
import { recordMandateDeletion } from '../oparl/tombstones.repository.js';
import type { OrganisationRow } from './organisation.tables.js';

const collator = new Intl.Collator('sv');
const NOT_FOUND = { sv: 'Organisationen finns inte.', en: 'The organisation does not exist.' };

/** The committee an organisation belongs to (itself for a committee): admin grants there count. */
function scopeOf(org: OrganisationRow) {
  return policyScope([org.id, org.kind === 'municipality' ? org.committeeId : null]);
}

export function createOrganisationService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  async function requireOrg(tx: Db, slug: string) {
    const org = await repo.findOrganisationBySlug(tx, slug);
    if (!org) throw notFound(NOT_FOUND);
    return org;
  }

  async function requireBody(tx: Db, id: string) {
    const body = await repo.findBody(tx, id);
    if (!body) throw notFound({ sv: 'Organet finns inte.', en: 'The body does not exist.' });
    return body;
  }

  async function requirePerson(tx: Db, id: string) {
    const person = await repo.findPerson(tx, id);
    if (!person) throw notFound({ sv: 'Personen finns inte.', en: 'The person does not exist.' });
    return person;
  }

  /**
   * A person record belongs to an organisation, whose administrators (or its committee's) edit it;
   * one without an organisation is the committee's: only a committee administrator edits it.
   */
  async function requireAdministrator(principal: Principal | null, organisationId: string | null | undefined): Promise<Principal> {
    if (organisationId) {
      assertCan(principal, 'organisation.edit', await administeredScope(db, organisationId));
      return principal;
    }
    const committees = (await repo.listOrganisations(db)).filter((o) => o.kind === 'committee').map((o) => o.id);
    if (!principal || !committees.some((c) => can(principal, 'organisation.edit', policyScope([c])))) throw new PolicyDenied('organisation.edit');
    return principal;
  }

  async function assertSlugFree(tx: Db, slug: string, exceptId?: string) {
    const other = await repo.findOrganisationBySlug(tx, slug);
    if (other && other.id !== exceptId) throw conflict({ sv: `Kortnamnet ${slug} används redan.`, en: `The short name ${slug} is already used.` });
  }

  return {
    async namesById(ids: string[]): Promise<Map<string, string>> {
      const rows = await repo.listOrganisationsByIds(db, [...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Every committee with its member municipalities and their populations. */
    async overview(principal: Principal | null) {
      const all = await this.listAll(principal);
      const pops = await repo.listPopulations(db);
      const allBodies = await repo.listBodies(db);
      return all
        .filter((o) => o.kind === 'committee')
        .map((committee) => ({
          committee,
          bodies: allBodies.filter((b) => b.organisationId === committee.id),
          members: all
            .filter((o) => o.committeeId === committee.id)
            .sort((a, b) => collator.compare(a.name, b.name))
            .map((m) => ({ ...m, populations: pops.filter((p) => p.organisationId === m.id) })),
        }));
    },

    /** The organisations of the cooperations the principal takes part in (another committee's stay hidden). */
    async listAll(principal: Principal | null) {
      const all = await repo.listOrganisations(db);
      const visible = visibleOrganisationIds(principal, all);
      if (!principal || visible.size === 0) throw new PolicyDenied('organisation.read');
      return all.filter((o) => visible.has(o.id));
    },

    async detail(principal: Principal | null, slug: string) {
      const org = await requireOrg(db, slug);
      assertCan(principal, 'organisation.read', await cooperationScope(db, org.id));
      const [pops, orgBodies, orgPeople, orgMandates, all] = await Promise.all([
        repo.listPopulations(db, [org.id]),
        repo.listBodies(db, org.kind === 'committee' ? org.id : org.committeeId ?? org.id),
        repo.listPeople(db),
        repo.listMandates(db, org.kind === 'municipality' ? { municipalityId: org.id } : {}),
        repo.listOrganisations(db),
      ]);
      const committee = org.committeeId ? all.find((o) => o.id === org.committeeId) : undefined;
      const members = all.filter((o) => o.committeeId === org.id);
      const bodyIds = new Set(orgBodies.map((b) => b.id));
      return {
        org,
        committee,
        members,
        populations: pops,
        bodies: orgBodies,
        people: orgPeople.filter((p) => p.organisationId === org.id),
        mandates: orgMandates.filter((m) => bodyIds.has(m.bodyId)),
        allPeople: orgPeople,
        allOrganisations: all,
        canEdit: principal ? canEdit(principal, org) : false,
      };
    },

    async update(principal: Principal | null, slug: string, raw: unknown) {
      const org = await requireOrg(db, slug);
      assertCan(principal, 'organisation.edit', scopeOf(org));
      const input = parseInput(ZOrganisationInput, raw);
      return db.transaction(async (tx) => {
        await assertSlugFree(tx, input.slug, org.id);
        const after = { name: input.name, slug: input.slug, orgNumber: input.orgNumber ?? null, isHost: input.isHost };
        // A committee's protocol texts live in its settings (protocol-wording.ts reads them).
        const texts = org.kind === 'committee' ? { shortName: input.protocolShortName ?? '', registryCode: input.registryCode ?? '' } : null;
        const settings = texts ? { ...org.settings, ...texts } : org.settings;
        await repo.updateOrganisation(tx, org.id, { ...after, settings, updatedAt: clock() });
        const before = { ...pick(org, after), ...(texts ? { shortName: org.settings.shortName ?? '', registryCode: org.settings.registryCode ?? '' } : {}) };
        await recordAudit(tx, actorOf(principal), { action: 'organisation.update', entity: 'organisation', entityId: org.id, before, after: { ...after, ...(texts ?? {}) }, organisationId: org.id }, clock());
        return input.slug;
      });
    },

    async createMunicipality(principal: Principal | null, committeeSlug: string, raw: unknown) {
      const committee = await requireOrg(db, committeeSlug);
      assertCan(principal, 'organisation.edit', scopeOf(committee));
      const input = parseInput(ZOrganisationInput, raw);
      return db.transaction(async (tx) => {
        await assertSlugFree(tx, input.slug);
        const values = { kind: 'municipality' as const, name: input.name, slug: input.slug, orgNumber: input.orgNumber ?? null, isHost: input.isHost, committeeId: committee.id };
        const id = await repo.insertOrganisation(tx, values);
        await recordAudit(tx, actorOf(principal), { action: 'organisation.create', entity: 'organisation', entityId: id, after: values, organisationId: id ?? committee.id }, clock());
        return input.slug;
      });
    },

    /** Record or correct the population of a year (upsert). */
    async setPopulation(principal: Principal | null, slug: string, raw: unknown) {
      const org = await requireOrg(db, slug);
      assertCan(principal, 'organisation.edit', scopeOf(org));
      const input = parseInput(ZPopulationInput, raw);
      await db.transaction(async (tx) => {
        const before = await repo.findPopulation(tx, org.id, input.year);
        if (before) {
          // A figure entered by hand is real data, also where the demo had an invented one (origin).
          await repo.updatePopulation(tx, org.id, input.year, { population: input.population, source: input.source, origin: null });
        } else {
          await repo.insertPopulation(tx, { organisationId: org.id, ...input });
        }
        await recordAudit(tx, actorOf(principal), { action: 'population.set', entity: 'organisation', entityId: org.id, before: before ?? null, after: input, organisationId: org.id }, clock());
      });
    },

    async bodyDetail(principal: Principal | null, id: string) {
      const body = await requireBody(db, id);
      assertCan(principal, 'organisation.read', await cooperationScope(db, body.organisationId));
      const [owner, bodyMandates, allPeople, all] = await Promise.all([
        repo.findOrganisationById(db, body.organisationId),
        repo.listMandates(db, { bodyId: id }),
        repo.listPeople(db),
        repo.listOrganisations(db),
      ]);
      return { body, owner, mandates: bodyMandates, allPeople, allOrganisations: all, canEdit: principal && owner ? canEdit(principal, owner) : false };
    },

    async updateBody(principal: Principal | null, id: string, raw: unknown) {
      const body = await requireBody(db, id);
      assertCan(principal, 'organisation.edit', [body.organisationId]);
      const input = parseInput(ZBodyInput, raw);
      await db.transaction(async (tx) => {
        await repo.updateBody(tx, id, { ...input, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'body.update', entity: 'body', entityId: id, before: pick(body, input), after: input, organisationId: body.organisationId }, clock());
      });
    },

    /** People of the cooperations the principal takes part in. */
    async listPeople(principal: Principal | null) {
      const all = await this.listAll(principal);
      const visible = new Set(all.map((o) => o.id));
      const [rows, allMandates, allBodies] = await Promise.all([repo.listPeople(db), repo.listMandates(db), repo.listBodies(db)]);
      const bodiesShown = allBodies.filter((b) => visible.has(b.organisationId));
      const bodyIds = new Set(bodiesShown.map((b) => b.id));
      const mandatesShown = allMandates.filter((m) => bodyIds.has(m.bodyId));
      // A person without an organisation (and no mandate yet) is shown to every reader, as before.
      const peopleShown = rows.filter((p) => (p.organisationId ? visible.has(p.organisationId) : true));
      return { people: peopleShown, organisations: all, mandates: mandatesShown, bodies: bodiesShown };
    },

    async personDetail(principal: Principal | null, id: string) {
      const person = await requirePerson(db, id);
      const [personMandates, all, allBodies] = await Promise.all([repo.listMandates(db, { personId: id }), repo.listOrganisations(db), repo.listBodies(db)]);
      const owners = person.organisationId
        ? [person.organisationId]
        : allBodies.filter((b) => personMandates.some((m) => m.bodyId === b.id)).map((b) => b.organisationId);
      if (!owners.some((o) => visibleOrganisationIds(principal, all).has(o))) throw notFound({ sv: 'Personen finns inte.', en: 'The person does not exist.' });
      const administered = administeredOrganisationIds(principal, all);
      return { person, mandates: personMandates, organisations: all, bodies: allBodies, canEdit: owners.some((o) => administered.has(o)) };
    },

    async createPerson(principal: Principal | null, raw: unknown): Promise<string> {
      const input = parseInput(ZPersonInput, raw);
      const actor = await requireAdministrator(principal, input.organisationId);
      return db.transaction(async (tx) => {
        const row = await repo.insertPerson(tx, nullify(input));
        // A person of no organisation is every committee's: null shows the entry to the committees' readers.
        await recordAudit(tx, actorOf(actor), { action: 'person.create', entity: 'person', entityId: row.id, after: input, organisationId: input.organisationId ?? null }, clock());
        return row.id;
      });
    },

    async updatePerson(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const person = await requirePerson(db, id);
      const actor = await requireAdministrator(principal, person.organisationId);
      const input = parseInput(ZPersonInput, raw);
      if (input.organisationId !== person.organisationId) await requireAdministrator(principal, input.organisationId);
      await db.transaction(async (tx) => {
        await repo.updatePerson(tx, id, { ...nullify(input), updatedAt: clock() });
        // Filed under the new owner, else the old one; a person of no organisation is every committee's (null).
        await recordAudit(tx, actorOf(actor), { action: 'person.update', entity: 'person', entityId: id, before: pick(person, input), after: input, organisationId: input.organisationId ?? person.organisationId ?? null }, clock());
      });
    },

    async createMandate(principal: Principal | null, raw: unknown): Promise<string> {
      const input = parseInput(ZMandateInput, raw);
      const body = await requireBody(db, input.bodyId);
      assertCan(principal, 'organisation.edit', [body.organisationId]);
      return db.transaction(async (tx) => {
        await requirePerson(tx, input.personId);
        const row = await repo.insertMandate(tx, nullify(input));
        await recordAudit(tx, actorOf(principal), { action: 'mandate.create', entity: 'mandate', entityId: row.id, after: input, organisationId: body.organisationId }, clock());
        return row.id;
      });
    },

    /** A mandate to change or remove: only who may edit its body's organisation sees the form. */
    async findMandateToEdit(principal: Principal | null, id: string) {
      const mandate = await repo.findMandate(db, id);
      if (!mandate) throw notFound({ sv: 'Uppdraget finns inte.', en: 'The mandate does not exist.' });
      const body = await requireBody(db, mandate.bodyId);
      assertCan(principal, 'organisation.edit', [body.organisationId]);
      return mandate;
    },

    async updateMandate(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const before = await repo.findMandate(db, id);
      if (!before) throw notFound({ sv: 'Uppdraget finns inte.', en: 'The mandate does not exist.' });
      // Both the body it is in and the body it moves to must be the editor's.
      assertCan(principal, 'organisation.edit', [(await requireBody(db, before.bodyId)).organisationId]);
      const input = parseInput(ZMandateInput, raw);
      const body = await requireBody(db, input.bodyId);
      assertCan(principal, 'organisation.edit', [body.organisationId]);
      await db.transaction(async (tx) => {
        await repo.updateMandate(tx, id, { ...nullify(input), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'mandate.update', entity: 'mandate', entityId: id, before: pick(before, input), after: input, organisationId: body.organisationId }, clock());
      });
    },

    async deleteMandate(principal: Principal | null, id: string): Promise<string> {
      const before = await repo.findMandate(db, id);
      if (!before) throw notFound({ sv: 'Uppdraget finns inte.', en: 'The mandate does not exist.' });
      const body = await requireBody(db, before.bodyId);
      assertCan(principal, 'organisation.edit', [body.organisationId]);
      await db.transaction(async (tx) => {
        await repo.deleteMandate(tx, id);
        await recordMandateDeletion(tx, before, clock()); // OParl tombstone
        await recordAudit(tx, actorOf(principal), { action: 'mandate.delete', entity: 'mandate', entityId: id, before, organisationId: body.organisationId }, clock());
      });
      return before.bodyId;
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;

function canEdit(principal: Principal, org: OrganisationRow): boolean {
  const scope = scopeOf(org);
  return principal.grants.some((g) => g.role === 'admin' && scope.includes(g.organisationId));
}

/** Optional fields not given are stored as NULL (so that clearing a field clears it). */
type Nullified<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };
function nullify<T extends Record<string, unknown>>(input: T): Nullified<T> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === undefined ? null : v])) as Nullified<T>;
}

/** The same keys from the row, for the audit log's "before". */
function pick(row: Record<string, unknown>, keysFrom: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keysFrom).map((k) => [k, row[k] ?? null]));
}
