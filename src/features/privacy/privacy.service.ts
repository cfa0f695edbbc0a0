import { randomBytes } from 'node:crypto';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { OrganisationRow, PersonRow } from '../organisation/organisation.tables.js';
import { deleteUserSessions, revokeApiTokensOf } from '../auth/auth.repository.js';
import { listAccountsOfPerson, updateUser } from '../auth/users.repository.js';
import { findPerson, hasCurrentMandate, listSeatsOfPeople, updatePerson } from '../organisation/organisation.repository.js';
import * as repo from './privacy.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { renderTextPdf } from '../../platform/pdf/text-pdf.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from '../archive/archive-scope.js';
import { listOrganisationRefs, type OrganisationRef } from '../organisation/scope.js';
import { collectPersonData, type PersonExport } from './person-export.js';
import { createProcessingRegister } from './processing-register.service.js';

export type { PersonalDataControllerRow, PersonalDataProcessingRow } from './processing-register.service.js';

const PERSON_NOT_FOUND = { sv: 'Personen finns inte.', en: 'The person does not exist.' };

/** The final protocols a person appears in: signed, chaired or adjusted, or took part in the meeting's record. */
function finalProtocolsNaming(database: Database, personId: string): Promise<number> {
  return repo.countFinalProtocolsNaming(database.db, personId);
}

/** The committee an organisation belongs to (itself when it is one). */
const committeeOf = (refs: ReadonlyMap<string, OrganisationRef>, organisationId: string) => {
  const ref = refs.get(organisationId);
  return ref?.kind === 'municipality' && ref.committeeId ? ref.committeeId : organisationId;
};

/**
 * Whose data-protection business a person is: the committee of the person's organisation (a
 * municipality's people are its committee's); a person of no organisation, the committees of the
 * bodies the person has mandates in; with neither, every committee's (as the register of people
 * shows such a person to every committee).
 */
async function committeesOfPeople(database: Database, persons: readonly Pick<PersonRow, 'id' | 'organisationId'>[]): Promise<Map<string, string[]>> {
  const db = database.db;
  const refs = new Map((await listOrganisationRefs(db)).map((r) => [r.id, r]));
  const loose = persons.filter((p) => !p.organisationId).map((p) => p.id);
  const seats = loose.length ? await listSeatsOfPeople(db, loose) : [];
  const every = [...refs.values()].filter((r) => r.kind === 'committee').map((r) => r.id);
  const out = new Map<string, string[]>();
  for (const p of persons) {
    const own = p.organisationId ? [committeeOf(refs, p.organisationId)] : [...new Set(seats.filter((s) => s.personId === p.id).map((s) => committeeOf(refs, s.organisationId)))];
    // Only committees: a municipality (even one outside any committee) never holds this right.
    out.set(p.id, own.length || p.organisationId ? own.filter((id) => refs.get(id)?.kind === 'committee') : every);
  }
  return out;
}

/** Data protection: the processing register (art. 30), the export for one person (art. 15), pseudonymisation. */
export function createPrivacyService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  /**
   * A person with the principal's right checked in the person's committee; `committee` is the one
   * the principal acts in (where the audit entry of a person of no organisation is filed).
   */
  async function requirePerson(principal: Principal | null, id: string) {
    const person = await findPerson(db, id);
    if (!person) throw notFound(PERSON_NOT_FOUND);
    const owners = (await committeesOfPeople(database, [person])).get(person.id) ?? [];
    if (owners.length === 0) throw notFound(PERSON_NOT_FOUND);
    assertCan(principal, 'personalData.manage', scopeOf(owners));
    const actingIn = owners.find((o) => can(principal, 'personalData.manage', archiveScope(o))) ?? owners[0] ?? '';
    return { person, actor: principal, committee: await requireCommitteeById(db, actingIn), organisationId: person.organisationId ?? actingIn };
  }

  return {
    ...createProcessingRegister(deps),

    /** The people of the committee: of its own organisation and its member municipalities, and those of no organisation it is concerned with. */
    async listPeople(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'personalData.manage', archiveScope(committee.id));
      const rows = await repo.listPeopleWithOrganisation(db);
      const owners = await committeesOfPeople(database, rows);
      return rows.filter((r) => owners.get(r.id)?.includes(committee.id)).map(({ organisationId: _o, ...r }) => r);
    },

    /** Everything held about the person; the export itself is recorded in the audit log. */
    async exportPerson(principal: Principal | null, personId: string): Promise<PersonExport> {
      const { actor, organisationId } = await requirePerson(principal, personId);
      const data = await collectPersonData(db, personId, clock());
      await db.transaction((tx) => recordAudit(tx, actorOf(actor), { action: 'person.export', entity: 'person', entityId: personId, after: { tables: data.tables.length }, organisationId }, clock()));
      return data;
    },

    /** The export as a PDF/A document (tagged, embedded fonts). */
    async exportPersonPdf(principal: Principal | null, personId: string): Promise<Buffer> {
      const data = await this.exportPerson(principal, personId);
      const person = data.tables.find((t) => t.table === 'people')?.rows[0];
      const text = [
        `Utdraget omfattar varje rad i Kansli som nämner personen, ${data.generatedAt}. / Every row in Kansli that names the person.`,
        ...data.tables.map((t) => `${t.table} (${t.column}): ${t.rows.length}\n\n${t.rows.map((r) => Object.entries(r).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`).join('\n')).join('\n\n')}`),
      ].join('\n\n');
      return renderTextPdf({ title: `Registerutdrag: ${String(person?.name ?? personId)}`, subtitle: 'Dataskyddsförordningen artikel 15 / GDPR article 15', text });
    },

    async personSummary(principal: Principal | null, personId: string) {
      const { person, committee } = await requirePerson(principal, personId);
      const data = await collectPersonData(db, personId, clock());
      const today = swedishDate(clock());
      const active = await hasCurrentMandate(db, personId, today);
      return { person, tables: data.tables.map((t) => ({ table: t.table, column: t.column, rows: t.rows.length })), finalProtocols: await finalProtocolsNaming(database, personId), hasActiveMandate: active, committee };
    },

    /**
     * Pseudonymise someone who has left, on request. Final protocols are public records and never
     * change (KL 5:69; they are built from the register of people), so a person named in one keeps
     * the name there and in the register; contact details and the sign-in go in every case.
     */
    async pseudonymise(principal: Principal | null, personId: string): Promise<{ nameReplaced: boolean; committee: OrganisationRow }> {
      const { person, actor, organisationId, committee } = await requirePerson(principal, personId);
      if (person.pseudonymisedAt) throw conflict({ sv: 'Personen är redan pseudonymiserad.', en: 'The person is already pseudonymised.' });
      const today = swedishDate(clock());
      if (await hasCurrentMandate(db, personId, today)) {
        throw new DomainError('CONFLICT', { userMessage: { sv: 'Personen har ett pågående uppdrag och kan inte pseudonymiseras förrän uppdraget har upphört.', en: 'The person has an ongoing assignment and cannot be pseudonymised until it has ended.' } });
      }
      const inFinal = await finalProtocolsNaming(database, personId);
      const pseudonym = `Pseudonym ${personId.slice(0, 8)}`;
      return db.transaction(async (tx) => {
        const now = clock();
        await updatePerson(tx, personId, { ...(inFinal ? {} : { name: pseudonym }), email: null, phone: null, title: null, personalIdentityNumber: null, pseudonymisedAt: now, updatedAt: now });
        const linked = await listAccountsOfPerson(tx, personId);
        for (const u of linked) {
          await updateUser(tx, u.id, { ...(inFinal ? {} : { name: pseudonym }), email: `pseudonym-${u.id.slice(0, 8)}@pseudonym.invalid`, passwordHash: `!${randomBytes(16).toString('hex')}`, totpSecret: null, totpEnabled: false, disabled: true, updatedAt: now });
          await deleteUserSessions(tx, u.id);
          await revokeApiTokensOf(tx, u.id, now);
        }
        await recordAudit(tx, actorOf(actor), { action: 'person.pseudonymise', entity: 'person', entityId: personId, after: { nameReplaced: !inFinal, finalProtocols: inFinal, users: linked.length }, organisationId }, now);
        return { nameReplaced: !inFinal, committee };
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
