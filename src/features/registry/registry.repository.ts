import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organisations } from '../organisation/organisation.tables.js';
import { cases, classificationCodes, documentFiles, documents } from './registry.tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type FileRow = typeof documentFiles.$inferSelect;
export type CodeRow = typeof classificationCodes.$inferSelect;

export async function listCodes(db: Db, organisationId: string): Promise<CodeRow[]> {
  return db.select().from(classificationCodes).where(eq(classificationCodes.organisationId, organisationId)).orderBy(asc(classificationCodes.code));
}

export async function findCode(db: Db, organisationId: string, code: string): Promise<CodeRow | undefined> {
  const [row] = await db
    .select()
    .from(classificationCodes)
    .where(and(eq(classificationCodes.organisationId, organisationId), eq(classificationCodes.code, code)));
  return row;
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

export async function findCaseByNumber(db: Db, organisationId: string, year: number, number: number): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.year, year), eq(cases.number, number)));
  return row;
}

export async function listCases(db: Db, filter: { organisationIds?: string[] } = {}): Promise<CaseRow[]> {
  const q = db.select().from(cases);
  const rows = filter.organisationIds ? await q.where(inArray(cases.organisationId, filter.organisationIds.length ? filter.organisationIds : ['00000000-0000-0000-0000-000000000000'])) : await q;
  return rows.sort((a, b) => b.year - a.year || b.number - a.number);
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function findDocumentByNumber(db: Db, organisationId: string, year: number, number: number): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), eq(documents.year, year), eq(documents.number, number)));
  return row;
}

export async function listDocumentsOfCase(db: Db, caseId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.year), asc(documents.number));
}

/** Every document that is a public record (public or secret); internal drafts are not. */
export async function listRegisteredDocuments(db: Db): Promise<DocumentRow[]> {
  return db.select().from(documents).where(ne(documents.secrecy, 'internal')).orderBy(desc(documents.year), desc(documents.number));
}

export async function listAllDocuments(db: Db): Promise<DocumentRow[]> {
  return db.select().from(documents).orderBy(desc(documents.year), desc(documents.number));
}

export async function listFiles(db: Db, documentIds: string[]): Promise<FileRow[]> {
  if (documentIds.length === 0) return [];
  return db.select().from(documentFiles).where(inArray(documentFiles.documentId, documentIds)).orderBy(asc(documentFiles.version));
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(documentFiles).where(eq(documentFiles.id, id));
  return row;
}

export async function organisationSlugs(db: Db): Promise<Map<string, { slug: string; name: string; committeeId: string | null }>> {
  const rows = await db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name, committeeId: organisations.committeeId }).from(organisations);
  return new Map(rows.map((r) => [r.id, r]));
}
