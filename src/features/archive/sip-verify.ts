import { XMLParser } from 'fast-xml-parser';
import { sha256Hex } from './sip-package.js';
import { SIP_PROFILE } from './sip-mets.js';

/** Elements that may repeat: always read as arrays. */
const ARRAYS = new Set(['agent', 'dmdSec', 'digiprovMD', 'mdRef', 'fileGrp', 'file', 'div', 'fptr', 'mptr', 'klass', 'arende', 'handling', 'fil', 'protokoll', 'paragraf', 'signatur', 'object']);

export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const asList = (v: unknown): Node[] => (Array.isArray(v) ? v.map(asNode) : v ? [asNode(v)] : []);
const attr = (n: Node, name: string): string | undefined => (typeof n[`@${name}`] === 'string' ? (n[`@${name}`] as string) : undefined);

export function parseXml(bytes: Buffer): Node {
  return asNode(xmlParser.parse(bytes.toString('utf8')));
}

/** A file a METS names, with where it is (relative to the package root) and what it must be. */
export interface ListedFile {
  path: string;
  size: number;
  checksum: string;
}

export interface MetsCheck {
  objId: string;
  label: string;
  createdAt: string;
  problems: string[];
  listed: ListedFile[];
}

function listedOf(n: Node, base: string, href: string | undefined, problems: string[], where: string): ListedFile | undefined {
  const size = Number(attr(n, 'SIZE'));
  const checksum = attr(n, 'CHECKSUM');
  if (!href) problems.push(`${where}: no xlink:href`);
  if (!checksum || attr(n, 'CHECKSUMTYPE') !== 'SHA-256') problems.push(`${where}: no SHA-256 CHECKSUM`);
  if (!Number.isInteger(size)) problems.push(`${where}: no SIZE`);
  for (const a of ['MIMETYPE', 'CREATED']) if (!attr(n, a)) problems.push(`${where}: no ${a}`);
  return href && checksum ? { path: `${base}${decodeURIComponent(href)}`, size, checksum: checksum.toLowerCase() } : undefined;
}

/**
 * The required parts of a CSIP/SIP METS (E-ARK CSIP 2.1, SIP 2.1): root attributes, header with
 * the software agent and package type, metadata by reference with checksums, file groups and
 * the CSIP structural map. `base` is the folder of this METS relative to the package root.
 */
export function checkMets(bytes: Buffer, base = ''): MetsCheck {
  const problems: string[] = [];
  const doc = parseXml(bytes);
  const mets = asNode(doc.mets);
  if (!doc.mets) return { objId: '', label: '', createdAt: '', problems: ['no mets root element'], listed: [] };
  const objId = attr(mets, 'OBJID') ?? '';
  if (!objId) problems.push('mets/@OBJID missing (CSIP1)');
  if (!attr(mets, 'TYPE')) problems.push('mets/@TYPE missing (CSIP2)');
  if (attr(mets, 'PROFILE') !== SIP_PROFILE) problems.push('mets/@PROFILE is not the E-ARK SIP profile (SIP2)');
  const contentType = attr(mets, 'CONTENTINFORMATIONTYPE');
  if (!contentType) problems.push('mets/@csip:CONTENTINFORMATIONTYPE missing (CSIP4)');
  if (contentType === 'OTHER' && !attr(mets, 'OTHERCONTENTINFORMATIONTYPE')) problems.push('csip:OTHERCONTENTINFORMATIONTYPE missing (CSIP5)');
  const hdr = asNode(mets.metsHdr);
  if (!mets.metsHdr) problems.push('metsHdr missing (CSIP117)');
  if (!attr(hdr, 'CREATEDATE')) problems.push('metsHdr/@CREATEDATE missing (CSIP7)');
  if (attr(hdr, 'OAISPACKAGETYPE') !== 'SIP') problems.push('metsHdr/@csip:OAISPACKAGETYPE is not SIP (SIP4)');
  const software = asList(hdr.agent).find((a) => attr(a, 'ROLE') === 'CREATOR' && attr(a, 'TYPE') === 'OTHER' && attr(a, 'OTHERTYPE') === 'SOFTWARE');
  if (!software || !software.name || !asList(software.note).length) problems.push('software agent with name and version note missing (CSIP10–16)');

  const listed: ListedFile[] = [];
  for (const sec of [...asList(mets.dmdSec), ...asList(asNode(mets.amdSec).digiprovMD)]) {
    if (!attr(sec, 'ID')) problems.push('metadata section without ID (CSIP18/33)');
    for (const ref of asList(sec.mdRef)) {
      if (attr(ref, 'LOCTYPE') !== 'URL' || attr(ref, 'type') !== 'simple') problems.push('mdRef without LOCTYPE=URL and xlink:type=simple');
      if (!attr(ref, 'MDTYPE')) problems.push('mdRef without MDTYPE');
      const file = listedOf(ref, base, attr(ref, 'href'), problems, `mdRef ${attr(ref, 'ID') ?? ''}`);
      if (file) listed.push(file);
    }
  }
  const fileSec = asNode(mets.fileSec);
  if (!mets.fileSec || !attr(fileSec, 'ID')) problems.push('fileSec with ID missing (CSIP59)');
  for (const grp of asList(fileSec.fileGrp)) {
    if (!attr(grp, 'ID') || !attr(grp, 'USE')) problems.push('fileGrp without ID or USE (CSIP64–65)');
    for (const f of asList(grp.file)) {
      const flocat = asNode(f.FLocat);
      if (!attr(f, 'ID')) problems.push('file without ID (CSIP67)');
      if (attr(flocat, 'LOCTYPE') !== 'URL' || attr(flocat, 'type') !== 'simple') problems.push('FLocat without LOCTYPE=URL and xlink:type=simple (CSIP77–78)');
      const file = listedOf(f, base, attr(flocat, 'href'), problems, `file ${attr(f, 'ID') ?? ''}`);
      if (file) listed.push(file);
    }
  }
  const structMap = asList(mets.structMap).find((s) => attr(s, 'LABEL') === 'CSIP');
  if (!structMap) problems.push('structMap LABEL=CSIP missing (CSIP80–82)');
  else {
    if (attr(structMap, 'TYPE') !== 'PHYSICAL' || !attr(structMap, 'ID')) problems.push('structMap without TYPE=PHYSICAL or ID (CSIP81, 83)');
    const top = asList(structMap.div);
    if (top.length !== 1 || !attr(top[0] ?? {}, 'ID')) problems.push('structMap must have one top div with an ID (CSIP84–85)');
  }
  return { objId, label: attr(mets, 'LABEL') ?? '', createdAt: attr(hdr, 'CREATEDATE') ?? '', problems, listed };
}

/** The representation METS files a root METS points to (structMap mptr). */
export function representationPointers(rootBytes: Buffer): string[] {
  const mets = asNode(parseXml(rootBytes).mets);
  const structMap = asList(mets.structMap).find((s) => attr(s, 'LABEL') === 'CSIP');
  const top = asList(structMap?.div)[0] ?? {};
  return asList(top.div)
    .filter((d) => (attr(d, 'LABEL') ?? '').startsWith('Representations/'))
    .flatMap((d) => asList(d.mptr).map((m) => attr(m, 'href') ?? ''))
    .filter(Boolean);
}

/** Every file a package's METS documents names, checked: present, of the stated size and SHA-256. */
export function checkPackageFiles(files: ReadonlyMap<string, Buffer>): { objId: string; label: string; createdAt: string; problems: string[]; checked: ListedFile[] } {
  const root = files.get('METS.xml');
  if (!root) return { objId: '', label: '', createdAt: '', problems: ['METS.xml missing at the package root'], checked: [] };
  const rootCheck = checkMets(root);
  const problems = [...rootCheck.problems];
  const checked = [...rootCheck.listed];
  for (const pointer of representationPointers(root)) {
    const repMets = files.get(pointer);
    if (!repMets) {
      problems.push(`${pointer} missing`);
      continue;
    }
    const base = pointer.slice(0, pointer.lastIndexOf('/') + 1);
    const repCheck = checkMets(repMets, base);
    problems.push(...repCheck.problems.map((p) => `${pointer}: ${p}`));
    checked.push(...repCheck.listed);
  }
  for (const f of checked) {
    const bytes = files.get(f.path);
    if (!bytes) problems.push(`${f.path}: listed but missing`);
    else if (bytes.length !== f.size) problems.push(`${f.path}: size ${bytes.length}, METS says ${f.size}`);
    else if (sha256Hex(bytes) !== f.checksum) problems.push(`${f.path}: SHA-256 does not match`);
  }
  return { objId: rootCheck.objId, label: rootCheck.label, createdAt: rootCheck.createdAt, problems, checked };
}

export { asList, asNode, attr, type Node };
