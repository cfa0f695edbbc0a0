/**
 * Outcome import (SIE 4 or CSV): store the upload, show what it read and how it maps, and on
 * confirmation save the mappings, the import and its entries in one transaction — or nothing.
 * Each import is a complete snapshot of the year's ledger up to `periodTo`; the reports use the
 * latest import of the year (by period_to, then created_at) with period_to on or before their date.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, requirePrincipal, type Principal } from '../../platform/auth/policy.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import * as repo from './import.repository.js';
import { ZImportRequest, ZUploadForm, IGNORE_CHOICE, type MappingChoice, type TImportRequest } from './import.schema.js';
import { mapOutcome, readOutcomeFile, type MappedOutcome, type ReadOutcome } from './import.preview.js';
import { defaultKind } from './sie/ledger.js';
import { parseRange } from './account-ranges.js';

const FILE_GONE = { sv: 'Den uppladdade filen finns inte längre; ladda upp den igen.', en: 'The uploaded file is no longer there; upload it again.' };
const IMPORT_NOT_FOUND = { sv: 'Importen finns inte.', en: 'The import does not exist.' };

export interface Committee {
  id: string;
  name: string;
  slug: string;
}

/** The preview of an import request: the file as read and its rows as mapped. */
export interface ImportPreview extends MappedOutcome {
  request: TImportRequest & { periodTo: string };
  read: ReadOutcome;
  costObjects: { code: string; name: string }[];
}

const collator = new Intl.Collator('sv', { numeric: true });

export function createImportService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  async function buildPreview(committee: Committee, input: unknown, choices: readonly MappingChoice[]): Promise<ImportPreview> {
    const request = parseInput(ZImportRequest, input);
    const bytes = await databaseFileStorage.get(db, request.sha256);
    if (!bytes) throw new DomainError('NOT_FOUND', { userMessage: FILE_GONE });
    const read = readOutcomeFile(bytes, { year: request.year, periodTo: request.periodTo });
    const [costObjects, remembered, rangeRows] = await Promise.all([repo.listCostObjectsOfYear(db, committee.id, request.year), repo.listMappings(db, committee.id), repo.listRangeMappings(db, committee.id)]);
    const ranges = rangeRows.map((r) => ({ from: r.accountFrom, to: r.accountTo, costCentre: r.costCentre, costObjectCode: r.costObjectCode, ignore: r.ignore }));
    const sortedObjects = [...costObjects].sort((a, b) => a.position - b.position || collator.compare(a.code, b.code));
    const mapped = mapOutcome(read, { year: request.year, costObjects: sortedObjects, remembered, ranges, choices });
    mapped.rows.sort((a, b) => collator.compare(a.account || a.code, b.account || b.code) || collator.compare(a.costCentre, b.costCentre));
    return { ...mapped, request: { ...request, periodTo: read.periodTo }, read, costObjects: sortedObjects.map((o) => ({ code: o.code, name: o.name })) };
  }

  return {
    /** The committee whose economy this user may read or manage (the first, when several). */
    async committeeFor(principal: Principal | null, action: 'economy.read' | 'economy.manage'): Promise<Committee> {
      requirePrincipal(principal, action);
      const committee = (await repo.listCommittees(db)).find((c) => can(principal, action, [c.id]));
      if (!committee) throw forbidden();
      return committee;
    },

    /** Keeps an uploaded file (by its SHA-256) until the import is confirmed; checks the year and date. */
    async storeUpload(principal: Principal | null, committee: Committee, input: { fields: Record<string, string>; bytes: Buffer }) {
      assertCan(principal, 'economy.manage', [committee.id]);
      const form = parseInput(ZUploadForm, input.fields);
      const { sha256 } = await databaseFileStorage.put(db, input.bytes);
      return { sha256, year: form.year, periodTo: form.periodTo };
    },

    /** What the file says and how it maps, with the form's choices for unmapped rows. */
    async preview(principal: Principal | null, committee: Committee, input: unknown, choices: readonly MappingChoice[] = []): Promise<ImportPreview> {
      assertCan(principal, 'economy.manage', [committee.id]);
      return buildPreview(committee, input, choices);
    },

    /** Saves the preview as it stands, or refuses it whole with every reason. */
    async confirm(principal: Principal | null, committee: Committee, input: unknown, choices: readonly MappingChoice[]): Promise<string> {
      assertCan(principal, 'economy.manage', [committee.id]);
      const preview = await buildPreview(committee, input, choices);
      if (preview.blocking.length > 0) {
        throw new DomainError('INVALID_INPUT', {
          userMessage: { sv: 'Utfallet sparades inte: rätta det som står nedan.', en: 'The outcome was not saved: correct what is listed below.' },
          fieldErrors: preview.blocking.map((message) => ({ field: '_', message })),
        });
      }
      const { read, request, totals } = preview;
      const used = new Set(preview.rows.filter((r) => r.via === 'chosen').map((r) => `${r.account}\u0000${r.costCentre}`));
      // A range chosen now is remembered as a range; another choice only when its row took it.
      const saved = choices.filter((c) => (c.range !== undefined && parseRange(c.range) !== null) || used.has(`${c.account}\u0000${c.costCentre}`));
      return db.transaction(async (tx) => {
        for (const c of saved) {
          const range = c.range === undefined ? null : parseRange(c.range);
          if (range) {
            const ignore = c.choice === IGNORE_CHOICE;
            await repo.upsertRangeMapping(tx, { committeeId: committee.id, accountFrom: range.from, accountTo: range.to, costCentre: '', costObjectCode: ignore ? '' : c.choice, ignore });
            continue;
          }
          const amount = preview.rows.find((r) => r.account === c.account && r.costCentre === c.costCentre)?.amountOre ?? 0;
          await repo.upsertMapping(tx, {
            committeeId: committee.id, account: c.account, costCentre: c.costCentre,
            costObjectCode: c.choice === IGNORE_CHOICE ? '' : c.choice, kind: c.choice === IGNORE_CHOICE ? 'ignore' : defaultKind(c.account, amount),
          });
        }
        const ignored = preview.rows.filter((r) => r.status === 'ignored').map((r) => ({ account: r.account, costCentre: r.costCentre, amountOre: r.amountOre }));
        const summary = {
          source: read.source, vouchers: read.vouchers, transactions: read.transactions, accounts: read.accounts, vouchersInPeriod: read.vouchersInPeriod,
          balanceRowsSkipped: read.balanceRowsSkipped, fiscalYear: read.fiscalYear, company: read.company, program: read.program, csvLayout: read.csvLayout,
          totals, ignored,
        };
        const row = await repo.insertImport(tx, {
          committeeId: committee.id, year: request.year, format: read.format, fileName: request.fileName, fileSha256: request.sha256,
          encoding: read.encoding, periodTo: request.periodTo, summary, importedByUserId: principal.userId,
        });
        const entries = preview.rows.flatMap((r) => (r.status === 'mapped' && r.costObject
          ? [{ importId: row.id, costObjectId: r.costObject.id, kind: r.kind, account: r.account, costCentre: r.costCentre, amountOre: r.amountOre }] : []));
        await repo.insertEntries(tx, entries);
        await recordAudit(tx, actorOf(principal), {
          action: 'economy.outcome.import', entity: 'outcome_import', entityId: row.id,
          after: { year: request.year, periodTo: request.periodTo, format: read.format, fileName: request.fileName, fileSha256: request.sha256, entries: entries.length, mappings: saved, totals },
          organisationId: committee.id,
        }, clock());
        return row.id;
      });
    },

    async list(principal: Principal | null, committee: Committee) {
      assertCan(principal, 'economy.read', [committee.id]);
      return repo.listImports(db, committee.id);
    },

    async get(principal: Principal | null, committee: Committee, id: string) {
      assertCan(principal, 'economy.read', [committee.id]);
      const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findImport(db, id) : undefined;
      if (!found || found.row.committeeId !== committee.id) throw notFound(IMPORT_NOT_FOUND);
      const sums = await repo.sumEntriesByCostObject(db, id);
      return { ...found.row, importedBy: found.importedBy, sums: sums.map((s) => ({ ...s, amountOre: Number(s.amountOre) })).sort((a, b) => a.position - b.position || collator.compare(a.code, b.code)) };
    },

    /**
     * Removes a mistaken outcome (an import of the wrong file, year or date, or a manual entry
     * typed wrong): its entries go, the audit log keeps what it held, and the reports fall back to
     * the previous outcome for that date. Only the committee's economy managers may.
     */
    async remove(principal: Principal | null, committee: Committee, id: string): Promise<void> {
      assertCan(principal, 'economy.manage', [committee.id]);
      const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findImport(db, id) : undefined;
      if (!found || found.row.committeeId !== committee.id) throw notFound(IMPORT_NOT_FOUND);
      const { row } = found;
      const sums = await repo.sumEntriesByCostObject(db, id);
      await db.transaction(async (tx) => {
        await repo.deleteImport(tx, id);
        await recordAudit(
          tx,
          actorOf(principal),
          {
            action: 'economy.outcome.remove',
            entity: 'outcome_import',
            entityId: id,
            before: { year: row.year, periodTo: row.periodTo, format: row.format, fileName: row.fileName, fileSha256: row.fileSha256, sums: sums.map((s) => ({ code: s.code, kind: s.kind, amountOre: Number(s.amountOre) })) },
            organisationId: committee.id,
          },
          clock(),
        );
      });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
