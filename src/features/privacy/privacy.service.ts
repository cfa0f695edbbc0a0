import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { apiTokens, sessions, users } from '../auth/auth.tables.js';
import { bodies, mandates, organisations, people } from '../organisation/organisation.tables.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { renderTextPdf } from '../../platform/pdf/text-pdf.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById, type ArchiveCommittee } from '../archive/archive-scope.js';
import { listOrganisationRefs, type OrganisationRef } from '../organisation/scope.js';
import { collectPersonData, type PersonExport } from './person-export.js';
import { createProcessingRegister } from './processing-register.service.js';

export type { ControllerRow, ProcessingRow } from './processing-register.service.js';

const PERSON_NOT_FOUND = { sv: 'Personen finns inte.', en: 'The person does not exist.' };

/** The final protocols a person appears in: signed, chaired or adjusted, or took part in the meeting's record. */
async function finalProtocolsNaming(database: Database, personId: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(sql`
    select count(distinct p.id)::int as n from protocols p
    where p.status = 'final' and (
      p.chair_person_id = ${personId} or p.adjuster_person_id = ${personId}
      or exists (select 1 from protocol_signatures s where s.protocol_id = p.id and s.person_id = ${personId})
      or exists (select 1 from attendance_events a where a.meeting_id = p.meeting_id and a.person_id = ${personId})
      or exists (select 1 from agenda_items i join motions m on m.item_id = i.id where i.meeting_id = p.meeting_id and m.person_id = ${personId})
      or exists (select 1 from agenda_items i join reservations r on r.item_id = i.id where i.meeting_id = p.meeting_id and r.person_id = ${personId})
      or exists (select 1 from agenda_items i join votes v on v.item_id = i.id join vote_ballots b on b.vote_id = v.id where i.meeting_id = p.meeting_id and b.person_id = ${personId})
    )`);
  return row?.n ?? 0;
}

type PersonRow = typeof people.$inferSelect;

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
  const seats = loose.length ? await db.select({ personId: mandates.personId, organisationId: bodies.organisationId }).from(mandates).innerJoin(bodies, eq(bodies.id, mandates.bodyId)).where(inArray(mandates.personId, loose)) : [];
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
    const [person] = await db.select().from(people).where(eq(people.id, id));
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
    async listPeople(principal: Principal | null, committee: ArchiveCommittee) {
      assertCan(principal, 'personalData.manage', archiveScope(committee.id));
      const rows = await db
        .select({ id: people.id, name: people.name, organisationId: people.organisationId, organisation: organisations.name, pseudonymisedAt: people.pseudonymisedAt })
        .from(people)
        .leftJoin(organisations, eq(organisations.id, people.organisationId))
        .orderBy(asc(people.name));
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
      const [active] = await db.select({ id: mandates.id }).from(mandates).where(and(eq(mandates.personId, personId), or(isNull(mandates.termTo), gte(mandates.termTo, today))));
      return { person, tables: data.tables.map((t) => ({ table: t.table, column: t.column, rows: t.rows.length })), finalProtocols: await finalProtocolsNaming(database, personId), hasActiveMandate: Boolean(active), committee };
    },

    /**
     * Pseudonymise someone who has left, on request. Final protocols are public records and never
     * change (KL 5:69; they are built from the register of people), so a person named in one keeps
     * the name there and in the register; contact details and the sign-in go in every case.
     */
    async pseudonymise(principal: Principal | null, personId: string): Promise<{ nameReplaced: boolean; committee: ArchiveCommittee }> {
      const { person, actor, organisationId, committee } = await requirePerson(principal, personId);
      if (person.pseudonymisedAt) throw conflict({ sv: 'Personen är redan pseudonymiserad.', en: 'The person is already pseudonymised.' });
      const today = swedishDate(clock());
      const [active] = await db.select({ id: mandates.id }).from(mandates).where(and(eq(mandates.personId, personId), or(isNull(mandates.termTo), gte(mandates.termTo, today))));
      if (active) {
        throw new DomainError('CONFLICT', { userMessage: { sv: 'Personen har ett pågående uppdrag och kan inte pseudonymiseras förrän uppdraget har upphört.', en: 'The person has an ongoing assignment and cannot be pseudonymised until it has ended.' } });
      }
      const inFinal = await finalProtocolsNaming(database, personId);
      const pseudonym = `Pseudonym ${personId.slice(0, 8)}`;
      return db.transaction(async (tx) => {
        const now = clock();
        await tx.update(people).set({ ...(inFinal ? {} : { name: pseudonym }), email: null, phone: null, title: null, personalIdentityNumber: null, pseudonymisedAt: now, updatedAt: now }).where(eq(people.id, personId));
        const linked = await tx.select({ id: users.id }).from(users).where(eq(users.personId, personId));
        for (const u of linked) {
          await tx
            .update(users)
            .set({ ...(inFinal ? {} : { name: pseudonym }), email: `pseudonym-${u.id.slice(0, 8)}@pseudonym.invalid`, passwordHash: `!${randomBytes(16).toString('hex')}`, totpSecret: null, totpEnabled: false, disabled: true, updatedAt: now })
            .where(eq(users.id, u.id));
          await tx.delete(sessions).where(eq(sessions.userId, u.id));
          await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, u.id), isNull(apiTokens.revokedAt)));
        }
        await recordAudit(tx, actorOf(actor), { action: 'person.pseudonymise', entity: 'person', entityId: personId, after: { nameReplaced: !inFinal, finalProtocols: inFinal, users: linked.length }, organisationId }, now);
        return { nameReplaced: !inFinal, committee };
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
