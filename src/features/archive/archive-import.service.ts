import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as store from './archive-store.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from './archive-scope.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import { asList, asNode, attr, checkPackageFiles, parseXml, type Node } from './sip-verify.js';
import { REPRESENTATION } from './sip-package.js';
import type { ArchivedObjectRow, ArchivedPackageRow } from './archive.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export type { ArchivedObjectRow, ArchivedPackageRow } from './archive.tables.js';

const DESCRIPTIVE = 'metadata/descriptive/arkivleverans.xml';
const PACKAGE_NOT_FOUND = { sv: 'Paketet finns inte.', en: 'The package does not exist.' };

async function walk(dir: string, prefix = ''): Promise<[string, Buffer][]> {
  const out: [string, Buffer][] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(full, rel)));
    else if (entry.isFile()) out.push([rel, await readFile(full)]);
  }
  return out;
}

/** Strip the package folder (named by OBJID) when the files sit one level down. */
function atPackageRoot(entries: [string, Buffer][]): Map<string, Buffer> {
  const files = new Map(entries);
  if (files.has('METS.xml')) return files;
  const roots = [...files.keys()].filter((k) => /^[^/]+\/METS\.xml$/.test(k));
  if (roots.length !== 1 || !roots[0]) return files;
  const prefix = roots[0].slice(0, -'METS.xml'.length);
  return new Map([...files].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

/** A package as files by path: a folder (the package folder or the one holding it) or a zip of it. */
export async function readPackage(location: string): Promise<Map<string, Buffer>> {
  const info = await stat(location);
  if (info.isDirectory()) return atPackageRoot(await walk(location));
  const unzipped = unzipSync(new Uint8Array(await readFile(location)));
  return atPackageRoot(Object.entries(unzipped).filter(([k]) => !k.endsWith('/')).map(([k, v]) => [k, Buffer.from(v)]));
}

const refused = (problems: string[]) =>
  new DomainError('INVALID_INPUT', {
    userMessage: {
      sv: `Paketet kan inte läsas in: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (och ${problems.length - 5} fel till)` : ''}`,
      en: `The package cannot be imported: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    },
  });

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v && typeof (v as Node)['#text'] === 'string' ? ((v as Node)['#text'] as string) : '');

/** The read-only archive objects a package's descriptive metadata describes. */
function objectsOf(descriptive: Node, files: ReadonlyMap<string, Buffer>) {
  const root = asNode(descriptive.arkivleverans);
  const rep = `representations/${REPRESENTATION}/`;
  const objects: { kind: 'case' | 'document' | 'file' | 'protocol'; path: string; title: string; sha256: string | null; metadata: Record<string, unknown>; bytes?: Buffer }[] = [];
  const attrs = (n: Node) => Object.fromEntries(Object.entries(n).filter(([k]) => k.startsWith('@')).map(([k, v]) => [k.slice(1), v]));
  for (const c of asList(asNode(root.arenden).arende)) {
    const caseNumber = attr(c, 'diarienummer') ?? '';
    objects.push({ kind: 'case', path: '', title: text(c.rubrik), sha256: null, metadata: { ...attrs(c), rubrik: text(c.rubrik), ansvarig: text(c.ansvarig) || null } });
    for (const d of asList(c.handling)) {
      const hid = attr(d, 'hid') ?? '';
      objects.push({ kind: 'document', path: '', title: text(d.beskrivning), sha256: null, metadata: { ...attrs(d), diarienummer: caseNumber, beskrivning: text(d.beskrivning), offentligBeskrivning: text(d.offentligBeskrivning) || null, motpart: text(d.motpart) || null } });
      for (const f of asList(d.fil)) {
        const p = `${rep}${attr(f, 'sokvag') ?? ''}`;
        objects.push({ kind: 'file', path: p, title: attr(f, 'filnamn') ?? '', sha256: attr(f, 'sha256') ?? null, metadata: { ...attrs(f), hid, diarienummer: caseNumber, handlingId: attr(d, 'id'), sekretess: attr(d, 'sekretess') }, bytes: files.get(p) });
      }
    }
  }
  for (const p of asList(asNode(root.protokollserie).protokoll)) {
    const filePath = `${rep}${attr(p, 'sokvag') ?? ''}`;
    objects.push({
      kind: 'protocol',
      path: filePath,
      title: `${attr(p, 'organ') ?? ''} ${attr(p, 'sammantradesdag') ?? ''}`.trim(),
      sha256: attr(p, 'sha256') ?? null,
      metadata: {
        ...attrs(p),
        plats: text(p.plats),
        paragrafer: asList(p.paragraf).map((x) => ({ nummer: attr(x, 'nummer') ?? null, diarienummer: attr(x, 'diarienummer') ?? null, rubrik: text(x) })),
        signaturer: asList(p.signatur).map((x) => ({ roll: attr(x, 'roll'), metod: attr(x, 'metod'), tidpunkt: attr(x, 'tidpunkt'), namn: text(x) })),
      },
      bytes: files.get(filePath),
    });
  }
  return { objects, archivalCreator: text(root.arkivbildare), year: attr(root, 'ar') ?? '' };
}

export function createArchiveImportService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  return {
    /**
     * Read a delivered package back as read-only archive content of the committee: every file the
     * METS lists is checked (present, size, SHA-256) before anything is saved; then all is saved in
     * one transaction. No principal: only the command line imports (it names the committee).
     */
    async importPackage(actor: Actor, committee: OrganisationRow, files: ReadonlyMap<string, Buffer>): Promise<ArchivedPackageRow> {
      const check = checkPackageFiles(files);
      const descriptiveBytes = files.get(DESCRIPTIVE);
      if (!descriptiveBytes) check.problems.push(`${DESCRIPTIVE} missing`);
      if (check.problems.length) throw refused(check.problems);
      const { objects, archivalCreator, year } = objectsOf(parseXml(descriptiveBytes ?? Buffer.alloc(0)), files);
      for (const o of objects) if ((o.kind === 'file' || o.kind === 'protocol') && (!o.bytes || !o.sha256)) throw refused([`${o.path}: described but missing`]);
      return db.transaction(async (tx) => {
        const existing = await store.findPackageByPackageId(tx, check.objId);
        if (existing) throw conflict({ sv: `Paketet ${check.objId} är redan inläst.`, en: `The package ${check.objId} is already imported.` });
        const pkg = await store.insertPackage(tx, { committeeId: committee.id, packageId: check.objId, label: check.label, mets: { createdAt: check.createdAt, archivalCreator, year, files: check.checked.length }, importedAt: clock() });
        for (const o of objects) {
          if (o.bytes) {
            const stored = await databaseFileStorage.put(tx, o.bytes);
            if (stored.sha256 !== o.sha256) throw refused([`${o.path}: SHA-256 does not match the descriptive metadata`]);
          }
          await store.insertArchivedObject(tx, { packageId: pkg.id, kind: o.kind, path: o.path, title: o.title, sha256: o.sha256, metadata: o.metadata });
        }
        await recordAudit(tx, actor, { action: 'archive.import', entity: 'archived_package', entityId: pkg.id, after: { packageId: check.objId, objects: objects.length, files: check.checked.length }, organisationId: committee.id }, clock());
        return pkg;
      });
    },

    /** The committee's archived packages, newest import first. */
    async listPackages(principal: Principal | null, committee: OrganisationRow): Promise<ArchivedPackageRow[]> {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      return store.listPackages(db, committee.id);
    },

    /** A package of the principal's committee with its objects; secret descriptions only for those who may read secrets there. */
    async getPackage(principal: Principal | null, id: string) {
      const pkg = await store.findPackage(db, id);
      if (!pkg) throw notFound(PACKAGE_NOT_FOUND);
      const scope = archiveScope(pkg.committeeId);
      assertCan(principal, 'archive.read', scope);
      const objects = await store.listArchivedObjects(db, id);
      const canReadSecret = can(principal, 'registry.readSecret', scope);
      // A secret document's description never leaves the service for a reader without the right.
      const shown = objects.map((o) => {
        const secrecy = o.metadata.sekretess;
        const closed = (o.kind === 'document' || o.kind === 'file') && typeof secrecy === 'string' && secrecy !== 'public' && !canReadSecret;
        if (!closed) return o;
        const publicText = typeof o.metadata.offentligBeskrivning === 'string' ? o.metadata.offentligBeskrivning : '';
        return { ...o, title: o.kind === 'document' ? publicText : o.path.split('/').pop() ?? '', metadata: { ...o.metadata, beskrivning: undefined } };
      });
      return { package: pkg, objects: shown, canReadSecret, committee: await requireCommitteeById(db, pkg.committeeId) };
    },

    /** A file of the archive, in its package's committee; a secret or internal document's file only for those who may read secret documents there. */
    async getArchivedFile(principal: Principal | null, objectId: string): Promise<{ object: ArchivedObjectRow; bytes: Buffer }> {
      const found = await store.findArchivedObject(db, objectId);
      if (!found) throw notFound();
      const { object } = found;
      const scope = archiveScope(found.committeeId);
      assertCan(principal, 'archive.read', scope);
      if (!object.sha256 || (object.kind !== 'file' && object.kind !== 'protocol')) throw notFound();
      const secrecy = object.metadata.sekretess;
      if (object.kind === 'file' && typeof secrecy === 'string' && secrecy !== 'public' && !can(principal, 'registry.readSecret', scope)) throw notFound();
      const bytes = await databaseFileStorage.get(db, object.sha256);
      if (!bytes) throw notFound();
      return { object, bytes };
    },
  };
}

export type ArchiveImportService = ReturnType<typeof createArchiveImportService>;
