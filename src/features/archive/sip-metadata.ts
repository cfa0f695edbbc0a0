import { el, xmlDocument, type XmlElement } from './xml.js';
import { documentFilePath, protocolPath, type ArchiveContent } from './archive-content.js';

/** The namespace of Kansli's descriptive metadata (documented in docs/ARCHITECTURE.md, "Archive"). */
export const KANSLI_ARCHIVE_NS = 'urn:kansli:arkivleverans:1';
export const PREMIS_NS = 'http://www.loc.gov/premis/v3';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** One file written into the package, with what the METS and PREMIS need. */
export interface WrittenFile {
  path: string;
  size: number;
  sha256: string;
  mimeType: string;
  /** Its name before it entered the package (for PREMIS originalName). */
  originalName?: string;
}

/**
 * `metadata/descriptive/arkivleverans.xml`: the registry metadata of the delivery — the
 * classification scheme, the closed cases with their documents and files, the final protocols
 * with their paragraphs and signatures. Paths are relative to `representations/rep1/data/`.
 */
export function descriptiveXml(content: ArchiveContent, createdAt: string): Buffer {
  const { committee } = content;
  const root = el(
    'arkivleverans',
    { xmlns: KANSLI_ARCHIVE_NS, version: '1', ar: content.year, skapad: createdAt },
    el('arkivbildare', { identifikation: committee.identificationCode }, committee.name),
    el(
      'klassificeringsstruktur',
      {},
      content.classificationCodes.map((c) => el('klass', { kod: c.code, gallring: c.retention }, c.title)),
    ),
    el(
      'arenden',
      {},
      content.cases.map((c) =>
        el(
          'arende',
          { id: c.id, diarienummer: c.caseNumber, ar: c.year, lopnummer: c.number, klass: c.classificationCode, status: c.status, oppnat: c.openedOn, avslutat: c.closedOn },
          el('rubrik', {}, c.title),
          c.responsible ? el('ansvarig', {}, c.responsible) : null,
          c.documents.map((d) =>
            el(
              'handling',
              {
                id: d.id,
                hid: d.handlingId,
                riktning: d.direction,
                datum: d.documentDate,
                sekretess: d.secrecy,
                sekretessbestammelse: d.secrecyProvision,
                sekretessmarkerad: d.secrecyMarkedOn,
                sekretessmarkeradAv: d.secrecyMarkedBy,
                informationsklass: d.securityClass,
                registrerad: d.registeredAt,
                registreradAv: d.registeredBy,
              },
              el('beskrivning', {}, d.description),
              d.publicDescription ? el('offentligBeskrivning', {}, d.publicDescription) : null,
              d.counterpart ? el('motpart', {}, d.counterpart) : null,
              d.files.map((f) =>
                el('fil', { id: f.id, version: f.version, filnamn: f.filename, mimetyp: f.mimeType, storlek: f.size, sha256: f.sha256, skapad: f.createdAt, sokvag: `data/${documentFilePath(c, d, f)}` }),
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'protokollserie',
      {},
      content.protocols.map((p) =>
        el(
          'protokoll',
          { id: p.id, organ: p.bodyName, sammantradesdag: p.meetingDate, justeringsdag: p.justeringDate, slutligt: p.finalAt, kanoniskSha256: p.canonicalSha256, sha256: p.pdf.sha256, storlek: p.pdf.size, sokvag: `data/${protocolPath(p)}` },
          el('plats', {}, p.place),
          p.paragraphs.map((para) => el('paragraf', { nummer: para.number, diarienummer: para.caseNumber }, para.heading)),
          p.signatures.map((s) => el('signatur', { roll: s.role, metod: s.method, tidpunkt: s.signedAt }, s.name)),
        ),
      ),
    ),
  );
  return xmlDocument(root);
}

/**
 * `metadata/preservation/premis.xml` (PREMIS 3): one file object per file of the package with its
 * SHA-256 fixity, size and format, the event that created the package, and Kansli as its agent.
 */
export function premisXml(options: { files: WrittenFile[]; createdAt: string; objId: string; software: { name: string; version: string } }): Buffer {
  const agentId = `${options.software.name}-${options.software.version}`;
  const root = el(
    'premis',
    { xmlns: PREMIS_NS, 'xmlns:xsi': XSI_NS, version: '3.0' },
    options.files.map((f) =>
      el(
        'object',
        { 'xsi:type': 'file' },
        el('objectIdentifier', {}, el('objectIdentifierType', {}, 'local'), el('objectIdentifierValue', {}, f.path)),
        el(
          'objectCharacteristics',
          {},
          el('fixity', {}, el('messageDigestAlgorithm', {}, 'SHA-256'), el('messageDigest', {}, f.sha256), el('messageDigestOriginator', {}, options.software.name)),
          el('size', {}, String(f.size)),
          el('format', {}, el('formatDesignation', {}, el('formatName', {}, f.mimeType))),
        ),
        f.originalName ? el('originalName', {}, f.originalName) : null,
      ),
    ),
    el(
      'event',
      {},
      el('eventIdentifier', {}, el('eventIdentifierType', {}, 'local'), el('eventIdentifierValue', {}, `${options.objId}-creation`)),
      el('eventType', {}, 'creation'),
      el('eventDateTime', {}, options.createdAt),
      el('eventDetailInformation', {}, el('eventDetail', {}, 'Submission information package created for delivery to the e-archive (FGS Paketstruktur 2.0 / E-ARK SIP 2.1).')),
      el('eventOutcomeInformation', {}, el('eventOutcome', {}, 'success')),
      el('linkingAgentIdentifier', {}, el('linkingAgentIdentifierType', {}, 'local'), el('linkingAgentIdentifierValue', {}, agentId)),
    ),
    el(
      'agent',
      {},
      el('agentIdentifier', {}, el('agentIdentifierType', {}, 'local'), el('agentIdentifierValue', {}, agentId)),
      el('agentName', {}, options.software.name),
      el('agentType', {}, 'software'),
      el('agentVersion', {}, options.software.version),
    ),
  );
  return xmlDocument(root);
}

export type { XmlElement };
