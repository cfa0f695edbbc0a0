/** Reads for disposal (gallring): documents with their case, holds and what refers to a document. */
import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { disposalItems, disposalLists, legalHolds, retentionRules, type DisposalItemRow, type DisposalListRow } from './archive.tables.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { initiativeDecisions, powersOfAttorney } from '../cooperation/cooperation.tables.js';
import { agendaItemDocuments } from '../meetings/meetings.tables.js';
import { cases, documentFiles, documents, type DocumentRow, type CaseRow } from '../registry/registry.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

export type DocumentWithCase = { document: DocumentRow; case: CaseRow };

export async function documentsOfCommittee(db: Db, committeeId: string): Promise<DocumentWithCase[]> {
  return db.select({ document: documents, case: cases }).from(documents).innerJoin(cases, eq(cases.id, documents.caseId)).where(eq(documents.organisationId, committeeId));
}

export async function rulesOf(db: Db, committeeId: string) {
  return db.select().from(retentionRules).where(eq(retentionRules.committeeId, committeeId));
}

/** Case and document ids under an active legal hold. */
export async function activeHolds(db: Db): Promise<{ caseIds: Set<string>; documentIds: Set<string> }> {
  const rows = await db.select({ caseId: legalHolds.caseId, documentId: legalHolds.documentId }).from(legalHolds).where(isNull(legalHolds.releasedAt));
  return {
    caseIds: new Set(rows.map((r) => r.caseId).filter((x): x is string => Boolean(x))),
    documentIds: new Set(rows.map((r) => r.documentId).filter((x): x is string => Boolean(x))),
  };
}

export type Reference = 'agenda' | 'protocol' | 'initiative' | 'powerOfAttorney';

/**
 * What refers to each of these documents and must keep it: a meeting's beslutsunderlag, a
 * protocol paragraph's decision basis, a municipality's decision or power of attorney.
 */
export async function referencesTo(db: Db, documentIds: string[]): Promise<Map<string, Reference[]>> {
  const out = new Map<string, Reference[]>();
  if (documentIds.length === 0) return out;
  const add = (id: string | null, ref: Reference) => {
    if (!id) return;
    const list = out.get(id) ?? [];
    if (!list.includes(ref)) list.push(ref);
    out.set(id, list);
  };
  for (const r of await db.select({ id: agendaItemDocuments.documentId }).from(agendaItemDocuments).where(inArray(agendaItemDocuments.documentId, documentIds))) add(r.id, 'agenda');
  const basis = await queryRows<{ id: string }>(db, sql`select distinct e->>'documentId' as id from protocol_paragraphs p, jsonb_array_elements(p.decision_basis) e where e->>'documentId' is not null`);
  const wanted = new Set(documentIds);
  for (const r of basis) if (wanted.has(r.id)) add(r.id, 'protocol');
  for (const r of await db.select({ id: initiativeDecisions.documentId }).from(initiativeDecisions).where(inArray(initiativeDecisions.documentId, documentIds))) add(r.id, 'initiative');
  for (const r of await db.select({ id: powersOfAttorney.documentId }).from(powersOfAttorney).where(inArray(powersOfAttorney.documentId, documentIds))) add(r.id, 'powerOfAttorney');
  return out;
}

export async function findCaseByNumber(db: Db, organisationId: string, year: number, number: number) {
  return firstRow(db.select().from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.year, year), eq(cases.number, number))));
}

export async function findDocumentByNumber(db: Db, organisationId: string, year: number, number: number) {
  return firstRow(db.select().from(documents).where(and(eq(documents.organisationId, organisationId), eq(documents.year, year), eq(documents.number, number))));
}

/** Documents on a proposed or approved list of the committee. */
export async function pendingDocumentIds(db: Db, committeeId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: disposalItems.documentId })
    .from(disposalItems)
    .innerJoin(disposalLists, eq(disposalLists.id, disposalItems.listId))
    .where(and(eq(disposalLists.committeeId, committeeId), inArray(disposalLists.status, ['proposed', 'approved'])));
  return new Set(rows.map((r) => r.id));
}

export async function findList(db: Db, id: string): Promise<DisposalListRow | undefined> {
  return firstRow(db.select().from(disposalLists).where(eq(disposalLists.id, id)));
}

export async function listLists(db: Db, committeeId: string): Promise<DisposalListRow[]> {
  return db.select().from(disposalLists).where(eq(disposalLists.committeeId, committeeId)).orderBy(desc(disposalLists.createdAt));
}

export async function insertList(tx: Db, values: typeof disposalLists.$inferInsert, items: Omit<typeof disposalItems.$inferInsert, 'listId'>[]): Promise<DisposalListRow> {
  const list = await insertOne(tx.insert(disposalLists).values(values).returning());
  await tx.insert(disposalItems).values(items.map((i) => ({ ...i, listId: list.id })));
  return list;
}

export async function listItems(db: Db, listId: string): Promise<DisposalItemRow[]> {
  return db.select().from(disposalItems).where(eq(disposalItems.listId, listId));
}

export async function updateList(tx: Db, id: string, values: Partial<typeof disposalLists.$inferInsert>): Promise<void> {
  await tx.update(disposalLists).set(values).where(eq(disposalLists.id, id));
}

/** The list's items disposed of and the list executed (once). */
export async function markListExecuted(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(disposalItems).set({ disposedAt: now }).where(eq(disposalItems.listId, id));
  await tx.update(disposalLists).set({ status: 'executed', executedAt: now }).where(and(eq(disposalLists.id, id), ne(disposalLists.status, 'executed')));
}

export async function listFilesOfDocument(db: Db, documentId: string): Promise<{ id: string; sha256: string }[]> {
  return db.select({ id: documentFiles.id, sha256: documentFiles.sha256 }).from(documentFiles).where(eq(documentFiles.documentId, documentId));
}

/** The document's files go; its registry entry stays, marked gallrad with the day and the decision. */
export async function markDocumentDisposed(tx: Db, documentId: string, marking: { on: string; listId: string; reference: string; at: Date }): Promise<void> {
  await tx.delete(documentFiles).where(eq(documentFiles.documentId, documentId));
  await tx.update(documents).set({ disposedOn: marking.on, disposalListId: marking.listId, disposalReference: marking.reference, updatedAt: marking.at }).where(eq(documents.id, documentId));
}

export async function isBlobUsedByFiles(db: Db, sha256: string): Promise<boolean> {
  const [still] = await db.select({ id: documentFiles.id }).from(documentFiles).where(eq(documentFiles.sha256, sha256)).limit(1);
  return Boolean(still);
}

/** The committee's holds (on its cases and documents) with their targets, newest first. */
export async function listHoldsOfCommittee(db: Db, committeeId: string) {
  return db
    .select({ hold: legalHolds, c: cases, d: documents })
    .from(legalHolds)
    .leftJoin(cases, eq(cases.id, legalHolds.caseId))
    .leftJoin(documents, eq(documents.id, legalHolds.documentId))
    .where(or(eq(cases.organisationId, committeeId), eq(documents.organisationId, committeeId)))
    .orderBy(desc(legalHolds.placedAt));
}

export async function insertHold(tx: Db, values: typeof legalHolds.$inferInsert) {
  return insertOne(tx.insert(legalHolds).values(values).returning());
}

/** The organisation owning the case or document the hold holds. */
export async function findHoldOwner(db: Db, id: string): Promise<string | null | undefined> {
  const [found] = await db
    .select({ caseOrg: cases.organisationId, documentOrg: documents.organisationId })
    .from(legalHolds)
    .leftJoin(cases, eq(cases.id, legalHolds.caseId))
    .leftJoin(documents, eq(documents.id, legalHolds.documentId))
    .where(eq(legalHolds.id, id));
  return found?.caseOrg ?? found?.documentOrg;
}

/** Releases an active hold: false when there is none. */
export async function releaseHold(tx: Db, id: string, at: Date): Promise<boolean> {
  const [hold] = await tx.update(legalHolds).set({ releasedAt: at }).where(and(eq(legalHolds.id, id), isNull(legalHolds.releasedAt))).returning();
  return Boolean(hold);
}
