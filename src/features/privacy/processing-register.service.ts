import { and, asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { personalDataControllers, personalDataProcessing } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope } from '../archive/archive-scope.js';
import { ZController, ZProcessing } from './privacy.schema.js';

export type ProcessingRow = typeof personalDataProcessing.$inferSelect;
export type ControllerRow = typeof personalDataControllers.$inferSelect;

/** The parts of art. 30(1) each processing must state, by field, with the point of the article. */
export const ARTICLE_30_FIELDS = [
  ['purpose', 'b'],
  ['categoriesOfPeople', 'c'],
  ['categoriesOfData', 'c'],
  ['recipients', 'd'],
  ['thirdCountryTransfers', 'e'],
  ['retention', 'f'],
  ['securityMeasures', 'g'],
] as const satisfies readonly (readonly [keyof ProcessingRow, string])[];

/** The points of art. 30(1) a processing leaves empty ("(e)", "(g)"): the page asks for them. */
export function missingArticle30(row: Pick<ProcessingRow, (typeof ARTICLE_30_FIELDS)[number][0]>): string[] {
  return [...new Set(ARTICLE_30_FIELDS.filter(([field]) => row[field].trim() === '').map(([, point]) => point))];
}

const PROCESSING_NOT_FOUND = { sv: 'Behandlingen finns inte.', en: 'The processing does not exist.' };

/**
 * The record of processing activities (GDPR art. 30(1)): the committee as controller and its data
 * protection officer (a), and per processing its purposes (b), categories (c), recipients (d),
 * third-country transfers (e), time limits (f) and security measures (g). The register is the
 * archive creator's, the installation's committee; only that committee's admin edits it.
 */
export function createProcessingRegister(deps: { database: Database; clock: Clock }) {
  const { clock } = deps;
  const db = deps.database.db;

  /** The committee whose register this is, with the principal's right checked in it. */
  async function committeeOf(principal: Principal | null, action: 'archive.read' | 'personalData.manage'): Promise<{ committeeId: string; actor: Principal }> {
    const scope = await archiveScope(db);
    assertCan(principal, action, scope);
    return { committeeId: scope[0], actor: principal };
  }

  async function requireProcessing(tx: Db, committeeId: string, id: string): Promise<ProcessingRow> {
    const [row] = await tx.select().from(personalDataProcessing).where(and(eq(personalDataProcessing.id, id), eq(personalDataProcessing.committeeId, committeeId)));
    if (!row) throw notFound(PROCESSING_NOT_FOUND);
    return row;
  }

  return {
    async listProcessing(principal: Principal | null) {
      const { committeeId } = await committeeOf(principal, 'archive.read');
      const rows = await db.select().from(personalDataProcessing).where(eq(personalDataProcessing.committeeId, committeeId)).orderBy(asc(personalDataProcessing.name));
      const [controller] = await db.select().from(personalDataControllers).where(eq(personalDataControllers.committeeId, committeeId));
      return { rows: rows.map((r) => ({ ...r, missing: missingArticle30(r) })), controller: controller ?? null, canManage: can(principal, 'personalData.manage', await archiveScope(db)) };
    },

    async getProcessing(principal: Principal | null, id: string): Promise<ProcessingRow> {
      return requireProcessing(db, (await committeeOf(principal, 'personalData.manage')).committeeId, id);
    },

    async createProcessing(principal: Principal | null, raw: unknown): Promise<ProcessingRow> {
      const { committeeId, actor } = await committeeOf(principal, 'personalData.manage');
      const input = parseInput(ZProcessing, raw);
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(personalDataProcessing).values({ committeeId, ...input }).returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, actorOf(actor), { action: 'processing.create', entity: 'personal_data_processing', entityId: row.id, after: input, organisationId: committeeId }, clock());
        return row;
      });
    },

    async updateProcessing(principal: Principal | null, id: string, raw: unknown): Promise<ProcessingRow> {
      const { committeeId, actor } = await committeeOf(principal, 'personalData.manage');
      const input = parseInput(ZProcessing, raw);
      return db.transaction(async (tx) => {
        const before = await requireProcessing(tx, committeeId, id);
        const [row] = await tx.update(personalDataProcessing).set({ ...input, updatedAt: clock() }).where(eq(personalDataProcessing.id, before.id)).returning();
        if (!row) throw new Error('update returned no row');
        const { id: _id, committeeId: _c, createdAt: _a, updatedAt: _u, ...was } = before;
        await recordAudit(tx, actorOf(actor), { action: 'processing.update', entity: 'personal_data_processing', entityId: id, before: was, after: input, organisationId: committeeId }, clock());
        return row;
      });
    },

    /** Art. 30(1)(a): the controller and the data protection officer, for the form. */
    async getController(principal: Principal | null): Promise<ControllerRow | null> {
      const { committeeId } = await committeeOf(principal, 'personalData.manage');
      const [row] = await db.select().from(personalDataControllers).where(eq(personalDataControllers.committeeId, committeeId));
      return row ?? null;
    },

    async saveController(principal: Principal | null, raw: unknown): Promise<ControllerRow> {
      const { committeeId, actor } = await committeeOf(principal, 'personalData.manage');
      const input = parseInput(ZController, raw);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(personalDataControllers).where(eq(personalDataControllers.committeeId, committeeId));
        const [row] = await tx
          .insert(personalDataControllers)
          .values({ committeeId, ...input, updatedAt: clock() })
          .onConflictDoUpdate({ target: personalDataControllers.committeeId, set: { ...input, updatedAt: clock() } })
          .returning();
        if (!row) throw new Error('upsert returned no row');
        const was = before ? { controllerName: before.controllerName, controllerContact: before.controllerContact, dpoName: before.dpoName, dpoContact: before.dpoContact } : undefined;
        await recordAudit(tx, actorOf(actor), { action: 'processing.controller', entity: 'organisation', entityId: committeeId, ...(was ? { before: was } : {}), after: input, organisationId: committeeId }, clock());
        return row;
      });
    },
  };
}
