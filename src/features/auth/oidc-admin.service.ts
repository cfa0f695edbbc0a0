import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as oidc from './oidc.repository.js';
import { updateOrganisation, updatePerson } from '../organisation/organisation.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { LOA3 } from '../../domain/assurance.js';
import { normalisePersonalIdentityNumber } from '../../domain/personnummer.js';
import { actorOf } from './auth.service.js';
import { assertCan, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { maskPersonalIdentityNumber } from './oidc-match.js';

/**
 * The administrator's side of sign-in with identity providers: the providers as configured (never
 * their secrets), a committee's demand for e-ID at justering, and the personnummer a person's
 * e-ID is recognised by.
 */
export function createOidcAdminService(deps: { database: Database; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  const db = database.db;

  /** The committees this administrator administers. */
  async function myCommittees(principal: Principal) {
    const ids = principal.grants.filter((g) => g.role === 'admin').map((g) => g.organisationId);
    if (ids.length === 0) return [];
    return oidc.listCommitteesByIds(db, ids);
  }

  /**
   * The person and who registers their personnummer: the committee's administrator (for a
   * municipality's person too), never a member municipality's alone. The personnummer decides who
   * an e-ID sign-in is and so who signs a committee protocol (issue 15: signatures bound to the person).
   */
  async function personScope(personId: string) {
    const row = await oidc.findPersonWithOrganisation(db, personId);
    if (!row?.org) throw notFound({ sv: 'Personen finns inte.', en: 'The person does not exist.' });
    const owner = row.org.committeeId ?? row.org.id;
    return { person: row.person, owner, scope: scopeOf([owner]) };
  }

  return {
    async overview(principal: Principal) {
      const committees = await myCommittees(principal);
      for (const c of committees) assertCan(principal, 'user.manage', [c.id]);
      const committeeIds = committees.map((c) => c.id);
      const members = committeeIds.length
        ? await oidc.listNamedPeopleOfCooperations(db, committeeIds)
        : [];
      return {
        providers: config.oidc.providers.map((p) => ({ id: p.id, name: p.name, issuer: p.issuer, clientId: p.clientId, hasSecret: Boolean(p.clientSecret), match: p.match, claim: p.claim, organisation: p.organisation ?? null, passwordsAllowed: p.passwordsAllowed })),
        committees: committees.map((c) => ({ id: c.id, name: c.name, justeringAcr: typeof c.settings.justeringAcr === 'string' ? c.settings.justeringAcr : null })),
        people: members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, registered: m.personalIdentityNumber ? maskPersonalIdentityNumber(m.personalIdentityNumber) : null })),
      };
    },

    /** A committee's justering must (or need not) be signed after a fresh e-ID sign-in at LoA3. */
    async setJusteringEid(principal: Principal, committeeId: string, required: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const committee = await oidc.findCommitteeForUpdate(tx, committeeId);
        if (!committee) throw notFound();
        assertCan(principal, 'user.manage', [committee.id]);
        const before = committee.settings.justeringAcr ?? null;
        const { justeringAcr: _old, ...rest } = committee.settings;
        const settings = required ? { ...rest, justeringAcr: LOA3 } : rest;
        await updateOrganisation(tx, committeeId, { settings, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'organisation.justering_eid', entity: 'organisation', entityId: committeeId, before: { justeringAcr: before }, after: { justeringAcr: required ? LOA3 : null }, organisationId: committeeId }, clock());
      });
    },

    async person(principal: Principal, personId: string) {
      const { person, scope } = await personScope(personId);
      assertCan(principal, 'user.manage', scope);
      return { id: person.id, name: person.name, registered: person.personalIdentityNumber ? maskPersonalIdentityNumber(person.personalIdentityNumber) : null };
    },

    /** Sets (or with an empty value removes) the personnummer; the audit log keeps only the birth date. */
    async setPersonalIdentityNumber(principal: Principal, personId: string, raw: string): Promise<void> {
      const { owner, scope } = await personScope(personId);
      assertCan(principal, 'user.manage', scope);
      const value = raw.trim() === '' ? null : normalisePersonalIdentityNumber(raw);
      if (raw.trim() !== '' && !value) {
        const message = { sv: 'Skriv ett personnummer med 12 siffror, ÅÅÅÅMMDD-NNNN, med rätt kontrollsiffra.', en: 'Enter a personal identity number of 12 digits, YYYYMMDD-NNNN, with a correct check digit.' };
        throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'personnummer', message }] });
      }
      await db.transaction(async (tx) => {
        if (value) {
          const taken = await oidc.findOtherPersonWithNumber(tx, value, personId);
          if (taken) throw conflict({ sv: 'Personnumret är redan registrerat på en annan person.', en: 'The personal identity number is already registered on another person.' });
        }
        await updatePerson(tx, personId, { personalIdentityNumber: value, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'person.personal_identity_number', entity: 'person', entityId: personId, after: { registered: value ? maskPersonalIdentityNumber(value) : null }, organisationId: owner }, clock());
      });
    },
  };
}

export type OidcAdminService = ReturnType<typeof createOidcAdminService>;
