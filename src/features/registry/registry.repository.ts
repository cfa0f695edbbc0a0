import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organisations, bodies, people } from '../organisation/organisation.tables.js';
import { agendaItems, meetings, type AgendaItemRow } from '../meetings/meetings.tables.js';
import { selectFromParagraphs } from '../protocols/protocol-joins.repository.js';
import { protocolParagraphs, protocols, type ProtocolRow } from '../protocols/protocols.tables.js';
import { searchEntries } from '../search/search.tables.js';
import { cases, classificationCodes, documentFiles, documents, registryChanges, type CaseRow, type ClassificationCodeRow, type DocumentFileRow, type DocumentRow, type RegistryChangeRow } from './registry.tables.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { firstRow } from '../../platform/db/first-row.js';

export async function listCodes(db: Db, organisationId: string): Promise<ClassificationCodeRow[]> {
  return db.select().from(classificationCodes).where(eq(classificationCodes.organisationId, organisationId)).orderBy(asc(classificationCodes.code));
}

export async function findCode(db: Db, organisationId: string, code: string): Promise<ClassificationCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(classificationCodes)
    .where(and(eq(classificationCodes.organisationId, organisationId), eq(classificationCodes.code, code)));
  return row;
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return firstRow(db.select().from(cases).where(eq(cases.id, id)));
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
  return firstRow(db.select().from(documents).where(eq(documents.id, id)));
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

export async function listFiles(db: Db, documentIds: string[]): Promise<DocumentFileRow[]> {
  if (documentIds.length === 0) return [];
  return db.select().from(documentFiles).where(inArray(documentFiles.documentId, documentIds)).orderBy(asc(documentFiles.version));
}

export async function findFile(db: Db, id: string): Promise<DocumentFileRow | undefined> {
  return firstRow(db.select().from(documentFiles).where(eq(documentFiles.id, id)));
}

export async function organisationSlugs(db: Db): Promise<Map<string, { slug: string; name: string; committeeId: string | null }>> {
  const rows = await db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name, committeeId: organisations.committeeId }).from(organisations);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertChanges(db: Db, rows: (typeof registryChanges.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(registryChanges).values(rows);
}

/** The corrections of one case or document, oldest first. */
export async function listChanges(db: Db, entity: RegistryChangeRow['entity'], entityId: string): Promise<RegistryChangeRow[]> {
  return db
    .select()
    .from(registryChanges)
    .where(and(eq(registryChanges.entity, entity), eq(registryChanges.entityId, entityId)))
    .orderBy(asc(registryChanges.changedAt), asc(registryChanges.field));
}

export async function personNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The file search entries of a document, retitled when its description changes. */
export async function retitleFileEntries(db: Db, documentId: string, description: string): Promise<void> {
  for (const f of await listFiles(db, [documentId])) {
    await db
      .update(searchEntries)
      .set({ title: `${description} (${f.filename})` })
      .where(and(eq(searchEntries.kind, 'file'), eq(searchEntries.refId, f.id)));
  }
}

/** A numbered paragraph that handled a case: its § and the protocol (meeting) it stands in. */
export interface CaseDecisionRow {
  paragraphId: string;
  number: number;
  year: number;
  heading: string;
  publicHeading: string | null;
  secret: boolean;
  itemStatus: AgendaItemRow['status'];
  protocolStatus: ProtocolRow['status'];
  meetingId: string;
  meetingStartsAt: Date;
  bodyName: string;
}

/** Every numbered paragraph on the case's agenda items, in meeting order. */
export async function decisionsOfCase(db: Db, caseId: string): Promise<CaseDecisionRow[]> {
  const rows = await selectFromParagraphs(db, {
    paragraphId: protocolParagraphs.id,
    number: protocolParagraphs.number,
    year: protocolParagraphs.year,
    heading: protocolParagraphs.heading,
    publicHeading: protocolParagraphs.publicHeading,
    secrecyProvision: protocolParagraphs.secrecyProvision,
    itemStatus: agendaItems.status,
    protocolStatus: protocols.status,
    meetingId: meetings.id,
    meetingStartsAt: meetings.startsAt,
    bodyName: bodies.name,
  })
    .innerJoin(agendaItems, eq(agendaItems.id, protocolParagraphs.agendaItemId))
    .where(eq(agendaItems.caseId, caseId))
    .orderBy(asc(meetings.startsAt), asc(protocolParagraphs.position));
  return rows.flatMap(({ number, secrecyProvision, ...r }) => (number === null ? [] : [{ ...r, number, secret: secrecyProvision !== null }]));
}

export async function upsertCode(tx: Db, row: typeof classificationCodes.$inferInsert): Promise<void> {
  await tx
    .insert(classificationCodes)
    .values(row)
    .onConflictDoUpdate({ target: [classificationCodes.organisationId, classificationCodes.code], set: { title: row.title, retention: row.retention } });
}

export async function insertCase(tx: Db, values: typeof cases.$inferInsert): Promise<CaseRow> {
  return insertOne(tx.insert(cases).values(values).returning());
}

export async function updateCase(tx: Db, id: string, values: Partial<typeof cases.$inferInsert>): Promise<CaseRow | undefined> {
  const [row] = await tx.update(cases).set(values).where(eq(cases.id, id)).returning();
  return row;
}

export async function insertDocument(tx: Db, values: typeof documents.$inferInsert): Promise<DocumentRow> {
  return insertOne(tx.insert(documents).values(values).returning());
}

export async function updateDocument(tx: Db, id: string, values: Partial<typeof documents.$inferInsert>): Promise<DocumentRow | undefined> {
  const [row] = await tx.update(documents).set(values).where(eq(documents.id, id)).returning();
  return row;
}

export async function insertFile(tx: Db, values: typeof documentFiles.$inferInsert): Promise<DocumentFileRow> {
  return insertOne(tx.insert(documentFiles).values(values).returning());
}

/**
 * Hand out the next running number of a series for an organisation and year. Call inside the
 * transaction that inserts the numbered row: the counter row stays locked until it commits, so
 * concurrent creations queue, and a rollback gives the number back — no gaps, no repeats.
 */
export async function takeNextNumber(tx: Db, options: { organisationId: string; series: 'case' | 'document'; year: number }): Promise<number> {
  const result = (await tx.execute(sql`
    insert into registry_counters (organisation_id, series, year, last_number)
    values (${options.organisationId}, ${options.series}, ${options.year}, 1)
    on conflict (organisation_id, series, year) do update set last_number = registry_counters.last_number + 1
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  const number = result.rows[0]?.last_number;
  if (number === undefined) throw new Error('numbering returned no row');
  return number;
}

/** For imported history (the demo, a migration from another system): keep the counter ahead of a given number. */
export async function reserveNumber(tx: Db, options: { organisationId: string; series: 'case' | 'document'; year: number; number: number }): Promise<void> {
  await tx.execute(sql`
    insert into registry_counters (organisation_id, series, year, last_number)
    values (${options.organisationId}, ${options.series}, ${options.year}, ${options.number})
    on conflict (organisation_id, series, year) do update set last_number = greatest(registry_counters.last_number, excluded.last_number)`);
}
