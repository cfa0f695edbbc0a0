/** What one delivery to the e-archive holds, read from the database before the package is written. */

export interface ArchivedFileInfo {
  id: string;
  version: number;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface ArchivedDocumentInfo {
  id: string;
  handlingId: string;
  direction: string;
  documentDate: string;
  counterpart: string | null;
  description: string;
  secrecy: string;
  secrecyProvision: string | null;
  secrecyMarkedOn: string | null;
  secrecyMarkedBy: string | null;
  publicDescription: string | null;
  securityClass: string;
  registeredAt: string;
  registeredBy: string;
  files: ArchivedFileInfo[];
}

export interface ArchivedCaseInfo {
  id: string;
  caseNumber: string;
  year: number;
  number: number;
  classificationCode: string;
  title: string;
  status: string;
  openedOn: string;
  closedOn: string | null;
  responsible: string | null;
  documents: ArchivedDocumentInfo[];
}

export interface ArchivedProtocolInfo {
  id: string;
  bodyName: string;
  bodySlug: string;
  meetingDate: string;
  place: string;
  /** The day of justering: the Swedish date of the last signature (finalAt). */
  justeringDate: string | null;
  finalAt: string;
  canonicalSha256: string;
  /** The sealed PDF/A of the final protocol. */
  pdf: { sha256: string; size: number };
  paragraphs: { number: number | null; heading: string; caseNumber: string | null }[];
  signatures: { role: string; name: string; method: string; signedAt: string }[];
}

export interface ArchiveContent {
  committee: { name: string; slug: string; identificationCode: string };
  year: number;
  classificationCodes: { code: string; title: string; retention: string }[];
  cases: ArchivedCaseInfo[];
  protocols: ArchivedProtocolInfo[];
}

/** The folder of a case and the file names in the package: ASCII only, so that every archive can store them. */
export function caseFolder(c: { year: number; number: number }): string {
  return `arenden/${c.year}-${c.number}`;
}

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m?.[1] ? `.${m[1].toLowerCase()}` : '';
}

export function documentFilePath(c: { year: number; number: number }, d: { handlingId: string }, f: { version: number; filename: string }): string {
  return `${caseFolder(c)}/${d.handlingId}-v${f.version}${extensionOf(f.filename)}`;
}

export function protocolPath(p: { meetingDate: string; bodySlug: string }): string {
  return `protokoll/${p.meetingDate}-${p.bodySlug.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`;
}
