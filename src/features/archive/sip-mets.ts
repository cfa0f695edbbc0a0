import { el, xmlDocument, type XmlElement } from './xml.js';
import type { WrittenFile } from './sip-metadata.js';

/** E-ARK SIP 2.1 (SIP2): the profile every SIP names. */
export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
export const METS_NS = 'http://www.loc.gov/METS/';
export const CSIP_NS = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
export const SIP_NS = 'https://DILCIS.eu/XML/METS/SIPExtensionMETS';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Content information type of Kansli's descriptive metadata (CSIP4, value OTHER). */
export const CONTENT_INFORMATION_TYPE = 'Kansli arkivleverans 1';

export interface Agent {
  role: 'CREATOR' | 'ARCHIVIST' | 'PRESERVATION';
  type: 'ORGANIZATION' | 'INDIVIDUAL';
  name: string;
  identificationCode?: string;
}

interface MetsOptions {
  objId: string;
  label: string;
  createdAt: string;
  software: { name: string; version: string };
  agents: Agent[];
  /** How deep the METS sits below the package root (0 for the root, 2 for a representation). */
  schemaPrefix: string;
}

function rootAttributes(o: MetsOptions) {
  const s = o.schemaPrefix;
  return {
    xmlns: METS_NS,
    'xmlns:csip': CSIP_NS,
    'xmlns:sip': SIP_NS,
    'xmlns:xlink': XLINK_NS,
    'xmlns:xsi': XSI_NS,
    OBJID: o.objId,
    LABEL: o.label,
    TYPE: 'Textual works – Digital',
    'csip:CONTENTINFORMATIONTYPE': 'OTHER',
    'csip:OTHERCONTENTINFORMATIONTYPE': CONTENT_INFORMATION_TYPE,
    PROFILE: SIP_PROFILE,
    'xsi:schemaLocation': `${METS_NS} ${s}schemas/mets.xsd ${XLINK_NS} ${s}schemas/xlink.xsd ${CSIP_NS} ${s}schemas/DILCISExtensionMETS.xsd ${SIP_NS} ${s}schemas/DILCISExtensionSIPMETS.xsd`,
  };
}

function header(o: MetsOptions): XmlElement {
  return el(
    'metsHdr',
    { CREATEDATE: o.createdAt, LASTMODDATE: o.createdAt, RECORDSTATUS: 'NEW', 'csip:OAISPACKAGETYPE': 'SIP' },
    el('agent', { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' }, el('name', {}, o.software.name), el('note', { 'csip:NOTETYPE': 'SOFTWARE VERSION' }, o.software.version)),
    o.agents.map((a) =>
      el('agent', { ROLE: a.role, TYPE: a.type }, el('name', {}, a.name), a.identificationCode ? el('note', { 'csip:NOTETYPE': 'IDENTIFICATIONCODE' }, a.identificationCode) : null),
    ),
  );
}

/** METS `file` / `mdRef` attributes of a written file (CSIP 26–30, 40–44, 68–72). */
function fileAttributes(f: WrittenFile, createdAt: string) {
  return { MIMETYPE: f.mimeType, SIZE: f.size, CREATED: createdAt, CHECKSUM: f.sha256.toUpperCase(), CHECKSUMTYPE: 'SHA-256' };
}

function fileEntry(id: string, f: WrittenFile, href: string, createdAt: string): XmlElement {
  return el('file', { ID: id, ...fileAttributes(f, createdAt) }, el('FLocat', { LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': href }));
}

function mdRef(id: string, f: WrittenFile, mdType: { MDTYPE: string; OTHERMDTYPE?: string; MDTYPEVERSION?: string }, createdAt: string): XmlElement {
  return el('mdRef', { ID: id, LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': f.path, ...mdType, ...fileAttributes(f, createdAt) });
}

/**
 * The package's root METS.xml (CSIP 1–119, SIP 1–35): header with agents, the descriptive and
 * preservation metadata by reference, file groups for documentation, schemas and the
 * representation, and the CSIP structural map.
 */
export function rootMets(o: MetsOptions & { descriptive: WrittenFile; preservation: WrittenFile; documentation: WrittenFile[]; schemas: WrittenFile[]; representation: { name: string; mets: WrittenFile } }): Buffer {
  const rep = o.representation;
  const root = el(
    'mets',
    rootAttributes(o),
    header(o),
    el('dmdSec', { ID: 'dmd-1', CREATED: o.createdAt, STATUS: 'CURRENT' }, mdRef('dmd-1-ref', o.descriptive, { MDTYPE: 'OTHER', OTHERMDTYPE: CONTENT_INFORMATION_TYPE }, o.createdAt)),
    el('amdSec', { ID: 'amd-1' }, el('digiprovMD', { ID: 'digiprov-1', CREATED: o.createdAt, STATUS: 'CURRENT' }, mdRef('digiprov-1-ref', o.preservation, { MDTYPE: 'PREMIS', MDTYPEVERSION: '3.0' }, o.createdAt))),
    el(
      'fileSec',
      { ID: 'filesec-1' },
      el('fileGrp', { ID: 'grp-documentation', USE: 'Documentation' }, o.documentation.map((f, i) => fileEntry(`doc-${i + 1}`, f, f.path, o.createdAt))),
      el('fileGrp', { ID: 'grp-schemas', USE: 'Schemas' }, o.schemas.map((f, i) => fileEntry(`schema-${i + 1}`, f, f.path, o.createdAt))),
      el('fileGrp', { ID: `grp-${rep.name}`, USE: `Representations/${rep.name}` }, fileEntry(`${rep.name}-mets`, rep.mets, rep.mets.path, o.createdAt)),
    ),
    el(
      'structMap',
      { ID: 'structmap-1', TYPE: 'PHYSICAL', LABEL: 'CSIP' },
      el(
        'div',
        { ID: 'div-root', LABEL: o.objId },
        el('div', { ID: 'div-metadata', LABEL: 'Metadata', DMDID: 'dmd-1', ADMID: 'digiprov-1' }),
        el('div', { ID: 'div-documentation', LABEL: 'Documentation' }, el('fptr', { FILEID: 'grp-documentation' })),
        el('div', { ID: 'div-schemas', LABEL: 'Schemas' }, el('fptr', { FILEID: 'grp-schemas' })),
        el(
          'div',
          { ID: `div-${rep.name}`, LABEL: `Representations/${rep.name}` },
          el('mptr', { LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': rep.mets.path, 'xlink:title': `grp-${rep.name}` }),
        ),
      ),
    ),
  );
  return xmlDocument(root);
}

/** `representations/<rep>/METS.xml`: the representation's data files (paths relative to the representation). */
export function representationMets(o: MetsOptions & { name: string; data: WrittenFile[] }): Buffer {
  const root = el(
    'mets',
    rootAttributes(o),
    header(o),
    el(
      'fileSec',
      { ID: `${o.name}-filesec` },
      el('fileGrp', { ID: `${o.name}-grp-data`, USE: 'Data' }, o.data.map((f, i) => fileEntry(`${o.name}-file-${i + 1}`, f, f.path, o.createdAt))),
    ),
    el(
      'structMap',
      { ID: `${o.name}-structmap`, TYPE: 'PHYSICAL', LABEL: 'CSIP' },
      el('div', { ID: `${o.name}-div-root`, LABEL: o.name }, el('div', { ID: `${o.name}-div-data`, LABEL: 'Data' }, el('fptr', { FILEID: `${o.name}-grp-data` }))),
    ),
  );
  return xmlDocument(root);
}
