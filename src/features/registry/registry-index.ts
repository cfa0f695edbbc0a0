import type { Db } from '../../platform/db/database.js';
import { formatCaseNumber, formatHandlingId } from '../../domain/case-number.js';
import { upsertSearchEntry } from '../search/search.repository.js';
import type { CaseRow, DocumentFileRow, DocumentRow } from './registry.tables.js';

/** The search index entries of the registry: a case, a document, and each file's text. */

export function caseNumberOf(c: Pick<CaseRow, 'year' | 'number' | 'classificationCode'>): string {
  return formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode });
}

export const visibilityOf = (secrecy: DocumentRow['secrecy']) => (secrecy === 'public' ? 'public' : secrecy === 'secret' ? 'restricted' : 'internal');

export async function indexCase(tx: Db, row: CaseRow): Promise<void> {
  await upsertSearchEntry(tx, {
    kind: 'case',
    refId: row.id,
    organisationId: row.organisationId,
    year: row.year,
    classificationCode: row.classificationCode,
    visibility: 'public',
    reference: caseNumberOf(row),
    title: row.title,
    content: '',
    url: `/arenden/${row.id}`,
  });
}

export async function indexDocument(tx: Db, doc: DocumentRow, caseRow: CaseRow): Promise<void> {
  await upsertSearchEntry(tx, {
    kind: 'document',
    refId: doc.id,
    organisationId: doc.organisationId,
    year: doc.year,
    classificationCode: caseRow.classificationCode,
    visibility: visibilityOf(doc.secrecy),
    reference: formatHandlingId({ year: doc.year, number: doc.number }),
    title: doc.description,
    content: [doc.counterpart ?? '', caseRow.title].join(' '),
    url: `/handlingar/${doc.id}`,
  });
}

export async function indexFile(tx: Db, doc: DocumentRow, caseRow: CaseRow, file: Pick<DocumentFileRow, 'id' | 'filename' | 'textContent'>): Promise<void> {
  await upsertSearchEntry(tx, {
    kind: 'file',
    refId: file.id,
    organisationId: doc.organisationId,
    year: doc.year,
    classificationCode: caseRow.classificationCode,
    visibility: visibilityOf(doc.secrecy),
    reference: formatHandlingId({ year: doc.year, number: doc.number }),
    title: `${doc.description} (${file.filename})`,
    content: file.textContent ?? '',
    url: `/handlingar/${doc.id}`,
  });
}
