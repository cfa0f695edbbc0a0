import type { Database, Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { formatCaseNumber, formatHandlingId } from '../../domain/case-number.js';
import { disposalDecision, matchRetentionRule } from '../../domain/retention.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from './archive-scope.js';
import * as repo from './disposal.repository.js';
import { removeSearchEntries } from '../search/search.repository.js';
import { deleteBlobIfUnreferenced } from '../../platform/db/file-blobs.repository.js';
import { ZApproveDisposal, ZLegalHold } from './archive.schema.js';
import type { RetentionRuleRow } from './retention.service.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';
import type { DisposalItemRow, DisposalListRow } from './archive.tables.js';

export type { DisposalItemRow, DisposalListRow } from './archive.tables.js';

/** A document whose retention has run out, with the rule that allows its disposal. */
export interface DisposalCandidate {
  documentId: string;
  handlingId: string;
  caseNumber: string;
  description: string;
  rule: RetentionRuleRow;
  ruleText: string;
  dueOn: string;
}

/** Due by the plan but kept, and why (a protocol or agenda refers to it). */
export interface KeptDocument {
  handlingId: string;
  caseNumber: string;
  description: string;
  references: repo.Reference[];
}

const LIST_NOT_FOUND = { sv: 'Gallringslistan finns inte.', en: 'The disposal list does not exist.' };
const HOLD_NOT_FOUND = { sv: 'Spärren finns inte eller är redan hävd.', en: 'The hold does not exist or is already released.' };

export function ruleText(rule: Pick<RetentionRuleRow, 'classificationCode' | 'retentionYears'>): string {
  return `${rule.classificationCode}: gallras efter ${rule.retentionYears ?? 0} år`;
}

/** The decision a disposed document's registry entry names: the approved list, who approved it and when, and the plan's rule. */
export function disposalReference(list: Pick<DisposalListRow, 'id' | 'approvedByName' | 'approvedAt'>, item: Pick<DisposalItemRow, 'ruleText'>): string {
  const approved = list.approvedAt ? swedishDate(list.approvedAt) : '';
  return `Gallringsbeslut ${approved}, ${list.approvedByName ?? ''} (gallringslista ${list.id.slice(0, 8)}); dokumenthanteringsplanen ${item.ruleText}`;
}

export function createDisposalService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;
  const today = () => swedishDate(clock());

  /**
   * Documents of the committee that the plan lets go today: closed case, dispose rule, period run
   * out, no active legal hold. Those that a protocol, agenda or decision refers to are kept and named.
   */
  async function findDue(tx: Db, id: string): Promise<{ candidates: DisposalCandidate[]; kept: KeptDocument[] }> {
    const [docs, rules, holds] = await Promise.all([repo.documentsOfCommittee(tx, id), repo.rulesOf(tx, id), repo.activeHolds(tx)]);
    const pending = await repo.pendingDocumentIds(tx, id);
    const due: DisposalCandidate[] = [];
    for (const { document: d, case: c } of docs) {
      if (pending.has(d.id) || d.disposedOn) continue;
      const caseNumber = formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode });
      const rule = matchRetentionRule(rules, { classificationCode: c.classificationCode });
      const decision = disposalDecision({ rule, caseStatus: c.status, caseClosedOn: c.closedOn, documentDate: d.documentDate, underLegalHold: holds.caseIds.has(c.id) || holds.documentIds.has(d.id), today: today() });
      if (decision.disposable && rule) {
        due.push({ documentId: d.id, handlingId: formatHandlingId(d), caseNumber, description: d.description, rule, ruleText: ruleText(rule), dueOn: decision.dueOn });
      }
    }
    const references = await repo.referencesTo(tx, due.map((c) => c.documentId));
    return {
      candidates: due.filter((c) => !references.has(c.documentId)),
      kept: due.filter((c) => references.has(c.documentId)).map((c) => ({ handlingId: c.handlingId, caseNumber: c.caseNumber, description: c.description, references: references.get(c.documentId) ?? [] })),
    };
  }

  async function findList(tx: Db, id: string): Promise<DisposalListRow> {
    const row = await repo.findList(tx, id);
    if (!row) throw notFound(LIST_NOT_FOUND);
    return row;
  }

  /** A list with the principal's right checked in the list's own committee. */
  async function requireList(principal: Principal | null, action: 'archive.read' | 'archive.manage' | 'archive.approveDisposal', id: string) {
    const list = await findList(db, id);
    assertCan(principal, action, archiveScope(list.committeeId));
    return { list, principal };
  }

  /** Refuse execution while any item of the list may not go: gone, case reopened, under hold, or referred to. */
  async function assertStillDisposable(tx: Db, committeeId: string, items: DisposalItemRow[]): Promise<void> {
    const ids = items.map((i) => i.documentId);
    const { candidates } = await findDueIncludingListed(tx, committeeId, ids);
    const allowed = new Set(candidates.map((c) => c.documentId));
    const blocked = items.filter((i) => !allowed.has(i.documentId)).map((i) => i.handlingId);
    if (blocked.length) {
      throw conflict({
        sv: `Gallringen kan inte verkställas: ${blocked.join(', ')} får inte längre gallras (gallringsspärr, öppnat ärende eller hänvisning från protokoll). Avbryt listan och ta fram en ny.`,
        en: `The disposal cannot be executed: ${blocked.join(', ')} may no longer be disposed of (legal hold, case reopened or referred to by a protocol). Cancel the list and propose a new one.`,
      });
    }
  }

  /** As findDue, but counting the given documents even though they are on a list. */
  async function findDueIncludingListed(tx: Db, id: string, listed: string[]) {
    const listedSet = new Set(listed);
    const [docs, rules, holds] = await Promise.all([repo.documentsOfCommittee(tx, id), repo.rulesOf(tx, id), repo.activeHolds(tx)]);
    const due: DisposalCandidate[] = [];
    for (const { document: d, case: c } of docs) {
      if (!listedSet.has(d.id) || d.disposedOn) continue;
      const rule = matchRetentionRule(rules, { classificationCode: c.classificationCode });
      const decision = disposalDecision({ rule, caseStatus: c.status, caseClosedOn: c.closedOn, documentDate: d.documentDate, underLegalHold: holds.caseIds.has(c.id) || holds.documentIds.has(d.id), today: today() });
      if (decision.disposable && rule) due.push({ documentId: d.id, handlingId: formatHandlingId(d), caseNumber: '', description: d.description, rule, ruleText: ruleText(rule), dueOn: decision.dueOn });
    }
    const references = await repo.referencesTo(tx, due.map((c) => c.documentId));
    return { candidates: due.filter((c) => !references.has(c.documentId)) };
  }

  /**
   * OSL 5 kap.: dispose of a document's files (versions, search text, blobs when nothing else uses
   * them) and mark its registry entry gallrad with the day and the decision. The entry itself —
   * number, date, sender or recipient, description — stays in the registry.
   */
  async function disposeDocument(tx: Db, documentId: string, marking: { on: string; listId: string; reference: string }): Promise<void> {
    const files = await repo.listFilesOfDocument(tx, documentId);
    await removeSearchEntries(tx, 'file', files.map((f) => f.id));
    await repo.markDocumentDisposed(tx, documentId, { ...marking, at: clock() });
    for (const sha of new Set(files.map((f) => f.sha256))) {
      if (await repo.isBlobUsedByFiles(tx, sha)) continue;
      // Another record (a protocol, an archived package) may hold the same bytes: then they stay.
      await deleteBlobIfUnreferenced(tx, sha);
    }
  }

  const rights = (principal: Principal | null, committeeId: string) => ({
    canManage: can(principal, 'archive.manage', archiveScope(committeeId)),
    canApprove: can(principal, 'archive.approveDisposal', archiveScope(committeeId)),
  });

  return {
    /** What is due in the committee, what is kept and why, and the committee's lists. */
    async overview(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      const due = await findDue(db, committee.id);
      const lists = await repo.listLists(db, committee.id);
      return { ...due, lists, ...rights(principal, committee.id) };
    },

    /** Propose a disposal list of every document of the committee due today. */
    async propose(principal: Principal | null, committee: OrganisationRow): Promise<DisposalListRow> {
      assertCan(principal, 'archive.manage', archiveScope(committee.id));
      return db.transaction(async (tx) => {
        const { candidates } = await findDue(tx, committee.id);
        if (candidates.length === 0) throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Inga handlingar är mogna för gallring i dag.', en: 'No documents are due for disposal today.' } });
        const list = await repo.insertList(
          tx,
          { committeeId: committee.id, status: 'proposed', createdByUserId: principal.userId, createdAt: clock() },
          candidates.map((c) => ({ documentId: c.documentId, handlingId: c.handlingId, caseNumber: c.caseNumber, description: c.description, ruleId: c.rule.id, ruleText: c.ruleText })),
        );
        await recordAudit(tx, actorOf(principal), { action: 'disposal.propose', entity: 'disposal_list', entityId: list.id, after: { documents: candidates.map((c) => c.handlingId) }, organisationId: list.committeeId }, clock());
        return list;
      });
    },

    /** A list, its items and its committee; only in the list's own committee. */
    async getList(principal: Principal | null, id: string) {
      const { list } = await requireList(principal, 'archive.read', id);
      const items = await repo.listItems(db, id);
      return { list, items, committee: await requireCommitteeById(db, list.committeeId), ...rights(principal, list.committeeId) };
    },

    /** A named person approves the list (arkivlagen 10 §: disposal by decision). */
    async approve(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const { principal: actor } = await requireList(principal, 'archive.approveDisposal', id);
      const { approvedByName } = parseInput(ZApproveDisposal, raw);
      await db.transaction(async (tx) => {
        const list = await findList(tx, id);
        if (list.status !== 'proposed') throw conflict({ sv: 'Listan är inte ett förslag och kan inte godkännas.', en: 'The list is not a proposal and cannot be approved.' });
        await repo.updateList(tx, id, { status: 'approved', approvedByUserId: actor.userId, approvedByName, approvedAt: clock() });
        await recordAudit(tx, actorOf(actor), { action: 'disposal.approve', entity: 'disposal_list', entityId: id, after: { approvedByName }, organisationId: list.committeeId }, clock());
      });
    },

    async cancel(principal: Principal | null, id: string): Promise<void> {
      const { principal: actor } = await requireList(principal, 'archive.manage', id);
      await db.transaction(async (tx) => {
        const list = await findList(tx, id);
        if (list.status === 'executed' || list.status === 'cancelled') throw conflict({ sv: 'Listan är redan avslutad.', en: 'The list is already finished.' });
        await repo.updateList(tx, id, { status: 'cancelled' });
        await recordAudit(tx, actorOf(actor), { action: 'disposal.cancel', entity: 'disposal_list', entityId: id, organisationId: list.committeeId }, clock());
      });
    },

    /** Execute an approved list: every document checked again, then deleted; the list stays as the record. */
    async execute(principal: Principal | null, id: string): Promise<number> {
      const { principal: actor } = await requireList(principal, 'archive.approveDisposal', id);
      return db.transaction(async (tx) => {
        const list = await findList(tx, id);
        if (list.status !== 'approved') throw conflict({ sv: 'Listan måste vara godkänd innan gallringen verkställs.', en: 'The list must be approved before the disposal is executed.' });
        const items = await repo.listItems(tx, id);
        await assertStillDisposable(tx, list.committeeId, items);
        const now = clock();
        for (const item of items) await disposeDocument(tx, item.documentId, { on: swedishDate(now), listId: id, reference: disposalReference(list, item) });
        await repo.markListExecuted(tx, id, now);
        await recordAudit(
          tx,
          actorOf(actor),
          { action: 'disposal.execute', entity: 'disposal_list', entityId: id, after: { approvedByName: list.approvedByName, disposed: items.map((i) => ({ handlingId: i.handlingId, caseNumber: i.caseNumber, rule: i.ruleText })) }, organisationId: list.committeeId },
          now,
        );
        return items.length;
      });
    },

    /** The committee's holds (on its cases and documents), newest first; released ones stay as the record. */
    async listHolds(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      const rows = await repo.listHoldsOfCommittee(db, committee.id);
      return rows.map(({ hold, c, d }) => ({
        ...hold,
        target: d ? formatHandlingId(d) : c ? formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode }) : '–',
      }));
    },

    /** Place a hold on a case (2022/20) or a document (2022.14) of the committee. */
    async placeHold(principal: Principal | null, committee: OrganisationRow, raw: unknown) {
      assertCan(principal, 'archive.manage', archiveScope(committee.id));
      const input = parseInput(ZLegalHold, raw);
      return db.transaction(async (tx) => {
        const orgId = committee.id;
        const caseRef = /^(\d{4})\/(\d+)(?:-[\d.]+)?$/.exec(input.reference);
        const docRef = /^(\d{4})\.(\d+)$/.exec(input.reference);
        const target = caseRef
          ? { caseId: (await repo.findCaseByNumber(tx, orgId, Number(caseRef[1]), Number(caseRef[2])))?.id, documentId: undefined }
          : docRef
            ? { caseId: undefined, documentId: (await repo.findDocumentByNumber(tx, orgId, Number(docRef[1]), Number(docRef[2])))?.id }
            : undefined;
        if (!target || (!target.caseId && !target.documentId)) {
          const message = { sv: 'Ange ett diarienummer (2022/20) eller ett handlings-id (2022.14) som finns i nämndens diarium.', en: 'Give a case number (2022/20) or a document id (2022.14) in the committee’s registry.' };
          throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'reference', message }] });
        }
        const hold = await repo.insertHold(tx, { caseId: target.caseId ?? null, documentId: target.documentId ?? null, reason: input.reason, placedByUserId: principal.userId, placedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'legalHold.place', entity: 'legal_hold', entityId: hold.id, after: { reference: input.reference, reason: input.reason }, organisationId: orgId }, clock());
        return hold;
      });
    },

    /** Release a hold, in the committee whose case or document it holds; returns that committee. */
    async releaseHold(principal: Principal | null, id: string): Promise<OrganisationRow> {
      const ownerId = await repo.findHoldOwner(db, id);
      if (!ownerId) throw notFound(HOLD_NOT_FOUND);
      assertCan(principal, 'archive.manage', archiveScope(ownerId));
      await db.transaction(async (tx) => {
        if (!(await repo.releaseHold(tx, id, clock()))) throw notFound(HOLD_NOT_FOUND);
        await recordAudit(tx, actorOf(principal), { action: 'legalHold.release', entity: 'legal_hold', entityId: id, organisationId: ownerId }, clock());
      });
      return requireCommitteeById(db, ownerId);
    },
  };
}

export type DisposalService = ReturnType<typeof createDisposalService>;
