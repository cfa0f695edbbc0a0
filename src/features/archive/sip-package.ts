import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { documentFilePath, protocolPath, type ArchiveContent } from './archive-content.js';
import { descriptiveXml, premisXml, type WrittenFile } from './sip-metadata.js';
import { representationMets, rootMets, type Agent } from './sip-mets.js';

/** Where the package's files go: a folder (the CLI) or memory (a zip for the web). Paths are relative to the package root. */
export interface PackageSink {
  write(path: string, bytes: Buffer): Promise<void>;
}

/** One thing delivered, for `archive_delivery_items`. */
export interface DeliveredItem {
  kind: 'case' | 'document' | 'file' | 'protocol';
  objectId: string;
  path: string;
  sha256: string;
}

export interface BuiltPackage {
  objId: string;
  /** Every file of the package, the root METS.xml last. */
  files: WrittenFile[];
  items: DeliveredItem[];
}

export const REPRESENTATION = 'rep1';
const SCHEMA_FILES = ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd', 'DILCISExtensionSIPMETS.xsd', 'premis-v3-0.xsd'];

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const DOCUMENTATION = `Arkivpaket från Kansli / Submission information package from Kansli

Paketet följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1 och SIP 2.1).
The package follows FGS Paketstruktur 2.0 (E-ARK CSIP 2.1 and SIP 2.1).

METS.xml                                   paketets struktur / the package structure
metadata/descriptive/arkivleverans.xml     diariets metadata: klassificeringsstruktur, avslutade ärenden,
                                           handlingar, filer och slutliga protokoll (namnrymd ${'urn:kansli:arkivleverans:1'})
metadata/preservation/premis.xml           PREMIS 3: SHA-256 för varje fil / SHA-256 fixity of every file
representations/rep1/METS.xml              representationens filer / the representation's files
representations/rep1/data/arenden/ÅR-NR/   handlingarnas filer (HID-vVERSION.ext) / the documents' files
representations/rep1/data/protokoll/       slutliga protokoll som förseglad PDF/A / final protocols as sealed PDF/A
schemas/                                   XML-scheman (METS, xlink, DILCIS, PREMIS)

Endast avslutade ärenden och slutliga (justerade) protokoll levereras.
Only closed cases and final (adjusted) protocols are delivered.
`;

async function schemaBytes(name: string): Promise<Buffer> {
  return readFile(new URL(`./schemas/${name}`, import.meta.url));
}

/**
 * Write one SIP: the data files first (each checked against the SHA-256 it was stored under),
 * then the descriptive metadata, the representation METS, PREMIS, and the root METS last,
 * so that every checksum a METS names is of a file already written.
 */
export async function buildPackage(options: {
  content: ArchiveContent;
  objId: string;
  createdAt: string;
  software: { name: string; version: string };
  contactName: string;
  loadBlob(sha256: string): Promise<Buffer>;
  sink: PackageSink;
  onProgress?(done: number, total: number): Promise<void>;
}): Promise<BuiltPackage> {
  const { content, createdAt, sink } = options;
  const files: WrittenFile[] = [];
  const items: DeliveredItem[] = [];
  const repPrefix = `representations/${REPRESENTATION}/`;

  async function put(path: string, bytes: Buffer, mimeType: string, originalName?: string): Promise<WrittenFile> {
    await sink.write(path, bytes);
    const written: WrittenFile = { path, size: bytes.length, sha256: sha256Hex(bytes), mimeType, ...(originalName ? { originalName } : {}) };
    files.push(written);
    return written;
  }

  async function putBlob(path: string, sha256: string, mimeType: string, originalName: string): Promise<WrittenFile> {
    const bytes = await options.loadBlob(sha256);
    if (sha256Hex(bytes) !== sha256) throw new Error(`stored file ${sha256} does not match its checksum; the delivery is stopped`);
    return put(path, bytes, mimeType, originalName);
  }

  const total = content.cases.reduce((n, c) => n + c.documents.reduce((m, d) => m + d.files.length, 0), 0) + content.protocols.length;
  let done = 0;
  const step = async () => {
    done += 1;
    await options.onProgress?.(done, total);
  };

  const data: WrittenFile[] = [];
  for (const c of content.cases) {
    items.push({ kind: 'case', objectId: c.id, path: '', sha256: '' });
    for (const d of c.documents) {
      items.push({ kind: 'document', objectId: d.id, path: '', sha256: '' });
      for (const f of d.files) {
        const path = `${repPrefix}data/${documentFilePath(c, d, f)}`;
        data.push(await putBlob(path, f.sha256, f.mimeType, f.filename));
        items.push({ kind: 'file', objectId: f.id, path, sha256: f.sha256 });
        await step();
      }
    }
  }
  for (const p of content.protocols) {
    const path = `${repPrefix}data/${protocolPath(p)}`;
    data.push(await putBlob(path, p.pdf.sha256, 'application/pdf', `${p.meetingDate} ${p.bodyName}.pdf`));
    items.push({ kind: 'protocol', objectId: p.id, path, sha256: p.pdf.sha256 });
    await step();
  }

  const documentation = [await put('documentation/om-paketet.txt', Buffer.from(DOCUMENTATION, 'utf8'), 'text/plain')];
  const schemas: WrittenFile[] = [];
  for (const name of SCHEMA_FILES) schemas.push(await put(`schemas/${name}`, await schemaBytes(name), 'application/xml'));
  const descriptive = await put('metadata/descriptive/arkivleverans.xml', descriptiveXml(content, createdAt), 'application/xml');

  const agents: Agent[] = [
    { role: 'ARCHIVIST', type: 'ORGANIZATION', name: content.committee.name, identificationCode: content.committee.identificationCode },
    { role: 'CREATOR', type: 'ORGANIZATION', name: content.committee.name, identificationCode: content.committee.identificationCode },
    { role: 'CREATOR', type: 'INDIVIDUAL', name: options.contactName },
  ];
  const base = { createdAt, software: options.software, agents, label: `${content.committee.name}: ärenden och protokoll ${content.year}` };
  const repMets = await put(
    `${repPrefix}METS.xml`,
    representationMets({ ...base, objId: `${options.objId}-${REPRESENTATION}`, schemaPrefix: '../../', name: REPRESENTATION, data: data.map((f) => ({ ...f, path: f.path.slice(repPrefix.length) })) }),
    'application/xml',
  );
  // PREMIS covers every file written so far: data, documentation, schemas, descriptive metadata, the representation METS.
  const preservation = await put('metadata/preservation/premis.xml', premisXml({ files: [...files], createdAt, objId: options.objId, software: options.software }), 'application/xml');
  await put(
    'METS.xml',
    rootMets({ ...base, objId: options.objId, schemaPrefix: '', descriptive, preservation, documentation, schemas, representation: { name: REPRESENTATION, mets: repMets } }),
    'application/xml',
  );
  return { objId: options.objId, files, items };
}
