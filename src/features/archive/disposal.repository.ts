/** Reads for disposal (gallring): documents with their case, holds and what refers to a document. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { legalHolds, retentionRules } from './archive.tables.js';
import { initiativeDecisions, powersOfAttorney } from '../cooperation/cooperation.tables.js';
import { agendaItemDocuments } from '../meetings/meetings.tables.js';
import { cases, documents } from '../registry/registry.tables.js';

export type DocumentWithCase = { document: typeof documents.$inferSelect; case: typeof cases.$inferSelect };

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
  const [row] = await db.select().from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.year, year), eq(cases.number, number)));
  return row;
}

export async function findDocumentByNumber(db: Db, organisationId: string, year: number, number: number) {
  const [row] = await db.select().from(documents).where(and(eq(documents.organisationId, organisationId), eq(documents.year, year), eq(documents.number, number)));
  return row;
}
