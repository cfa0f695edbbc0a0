import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './privacy.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from '../archive/archive-scope.js';
import { ZController, ZProcessing } from './privacy.schema.js';
import type { PersonalDataControllerRow, PersonalDataProcessingRow } from './privacy.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export type { PersonalDataControllerRow, PersonalDataProcessingRow } from './privacy.tables.js';

/** The parts of art. 30(1) each processing must state, by field, with the point of the article. */
export const ARTICLE_30_FIELDS = [
  ['purpose', 'b'],
  ['categoriesOfPeople', 'c'],
  ['categoriesOfData', 'c'],
  ['recipients', 'd'],
  ['thirdCountryTransfers', 'e'],
  ['retention', 'f'],
  ['securityMeasures', 'g'],
] as const satisfies readonly (readonly [keyof PersonalDataProcessingRow, string])[];

/** The points of art. 30(1) a processing leaves empty ("(e)", "(g)"): the page asks for them. */
export function missingArticle30(row: Pick<PersonalDataProcessingRow, (typeof ARTICLE_30_FIELDS)[number][0]>): string[] {
  return [...new Set(ARTICLE_30_FIELDS.filter(([field]) => row[field].trim() === '').map(([, point]) => point))];
}

const PROCESSING_NOT_FOUND = { sv: 'Behandlingen finns inte.', en: 'The processing does not exist.' };

/**
 * The record of processing activities (GDPR art. 30(1)): the committee as controller and its data
 * protection officer (a), and per processing its purposes (b), categories (c), recipients (d),
 * third-country transfers (e), time limits (f) and security measures (g). Each committee keeps its
 * own register (it is the controller); only that committee's admin edits it.
 */
export function createProcessingRegister(deps: { database: Database; clock: Clock }) {
  const { clock } = deps;
  const db = deps.database.db;

  /** A processing with the principal's right checked in its own committee. */
  async function requireProcessing(principal: Principal | null, tx: Db, id: string) {
    const row = await repo.findProcessing(tx, id);
    if (!row) throw notFound(PROCESSING_NOT_FOUND);
    assertCan(principal, 'personalData.manage', archiveScope(row.committeeId));
    return { row, actor: principal };
  }

  return {
    /** The committee's register: its controller and its processing activities, each with the points it leaves empty. */
    async listProcessing(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      const rows = await repo.listProcessings(db, committee.id);
      const controller = await repo.findController(db, committee.id);
      return { rows: rows.map((r) => ({ ...r, missing: missingArticle30(r) })), controller: controller ?? null, canManage: can(principal, 'personalData.manage', archiveScope(committee.id)) };
    },

    /** A processing to edit, with its committee. */
    async getProcessing(principal: Principal | null, id: string): Promise<{ row: PersonalDataProcessingRow; committee: OrganisationRow }> {
      const { row } = await requireProcessing(principal, db, id);
      return { row, committee: await requireCommitteeById(db, row.committeeId) };
    },

    async createProcessing(principal: Principal | null, committee: OrganisationRow, raw: unknown): Promise<PersonalDataProcessingRow> {
      assertCan(principal, 'personalData.manage', archiveScope(committee.id));
      const committeeId = committee.id;
      const input = parseInput(ZProcessing, raw);
      return db.transaction(async (tx) => {
        const row = await repo.insertProcessing(tx, { committeeId, ...input });
        await recordAudit(tx, actorOf(principal), { action: 'processing.create', entity: 'personal_data_processing', entityId: row.id, after: input, organisationId: committeeId }, clock());
        return row;
      });
    },

    /** Edit a processing of its own committee's register. */
    async updateProcessing(principal: Principal | null, id: string, raw: unknown): Promise<PersonalDataProcessingRow> {
      const { actor } = await requireProcessing(principal, db, id);
      const input = parseInput(ZProcessing, raw);
      return db.transaction(async (tx) => {
        const { row: before } = await requireProcessing(actor, tx, id);
        const row = await repo.updateProcessing(tx, before.id, { ...input, updatedAt: clock() });
        if (!row) throw new Error('update returned no row');
        const { id: _id, committeeId, createdAt: _a, updatedAt: _u, ...was } = before;
        await recordAudit(tx, actorOf(actor), { action: 'processing.update', entity: 'personal_data_processing', entityId: id, before: was, after: input, organisationId: committeeId }, clock());
        return row;
      });
    },

    /** Art. 30(1)(a): the committee's controller and data protection officer, for the form. */
    async getController(principal: Principal | null, committee: OrganisationRow): Promise<PersonalDataControllerRow | null> {
      assertCan(principal, 'personalData.manage', archiveScope(committee.id));
      return (await repo.findController(db, committee.id)) ?? null;
    },

    async saveController(principal: Principal | null, committee: OrganisationRow, raw: unknown): Promise<PersonalDataControllerRow> {
      assertCan(principal, 'personalData.manage', archiveScope(committee.id));
      const committeeId = committee.id;
      const input = parseInput(ZController, raw);
      return db.transaction(async (tx) => {
        const before = await repo.findController(tx, committeeId);
        const row = await repo.upsertController(tx, committeeId, { ...input, updatedAt: clock() });
        if (!row) throw new Error('upsert returned no row');
        const was = before ? { controllerName: before.controllerName, controllerContact: before.controllerContact, dpoName: before.dpoName, dpoContact: before.dpoContact } : undefined;
        await recordAudit(tx, actorOf(principal), { action: 'processing.controller', entity: 'organisation', entityId: committeeId, ...(was ? { before: was } : {}), after: input, organisationId: committeeId }, clock());
        return row;
      });
    },
  };
}
