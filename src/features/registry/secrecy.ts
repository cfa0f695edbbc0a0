import { formatHandlingId } from '../../domain/case-number.js';
import type { DocumentFileRow, DocumentRow } from './registry.tables.js';

/**
 * How much of a registered document a reader may see:
 * `full` — everything, files included; `entry` — only the registry entry the law allows for a
 * secret document (OSL 5:5: no secret content, no files); `none` — not at all (an internal
 * working draft is not yet a public record, so the public does not see it).
 */
export type DocumentAccess = 'full' | 'entry' | 'none';

export function documentAccessFor(options: { secrecy: DocumentRow['secrecy']; signedIn: boolean; canReadSecret: boolean }): DocumentAccess {
  switch (options.secrecy) {
    case 'public':
      return 'full';
    case 'internal':
      return options.signedIn ? 'full' : 'none';
    case 'secret':
      return options.canReadSecret ? 'full' : 'entry';
  }
}

/** A document as the reader may see it; the one place that decides what leaves the server. */
export interface PresentedDocument {
  id: string;
  handlingId: string;
  caseId: string;
  direction: DocumentRow['direction'];
  documentDate: string;
  registeredAt: string;
  secrecy: DocumentRow['secrecy'];
  securityClass: string;
  /** The description; for a secret document seen as an entry, its public description. */
  description: string;
  counterpart: string | null;
  secrecyProvision: string | null;
  secrecyMarkedOn: string | null;
  secrecyMarkedBy: string | null;
  access: Exclude<DocumentAccess, 'none'>;
  /** Gallrad: the files are destroyed; the entry stays with the day and the decision (OSL 5 kap.). */
  disposal: { disposedOn: string; reference: string } | null;
  files: { id: string; version: number; filename: string; mimeType: string; size: number; sha256: string; createdAt: string }[];
  /** 'demo': a fictional document of the demo committee, shown as Exempeldata. */
  origin: DocumentRow['origin'];
}

export const SECRET_ENTRY_DESCRIPTION = { sv: 'Handling som omfattas av sekretess', en: 'Document covered by secrecy' };

export function presentDocument(doc: DocumentRow, access: Exclude<DocumentAccess, 'none'>, files: DocumentFileRow[]): PresentedDocument {
  const full = access === 'full';
  return {
    id: doc.id,
    handlingId: formatHandlingId({ year: doc.year, number: doc.number }),
    caseId: doc.caseId,
    direction: doc.direction,
    documentDate: doc.documentDate,
    registeredAt: doc.registeredAt.toISOString(),
    secrecy: doc.secrecy,
    securityClass: doc.securityClass,
    description: full ? doc.description : (doc.publicDescription ?? SECRET_ENTRY_DESCRIPTION.sv),
    // The sender of a secret document can itself reveal the secret; the entry leaves it out.
    counterpart: full ? doc.counterpart : null,
    secrecyProvision: doc.secrecyProvision,
    secrecyMarkedOn: doc.secrecyMarkedOn,
    secrecyMarkedBy: doc.secrecyMarkedBy,
    access,
    disposal: doc.disposedOn ? { disposedOn: doc.disposedOn, reference: doc.disposalReference ?? '' } : null,
    files: full
      ? files
          .filter((f) => f.documentId === doc.id)
          .map((f) => ({ id: f.id, version: f.version, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt.toISOString() }))
      : [],
    origin: doc.origin,
  };
}
