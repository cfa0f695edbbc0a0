import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import * as store from './archive-store.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { archiveScope, requireCommitteeById } from './archive-scope.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import { finalProtocolIdsOfYear, loadArchiveContent, loadBlob } from './archive.repository.js';
import { createFrozenProtocols } from '../protocols/protocol-snapshot.js';
import type { Config } from '../../platform/config/config.js';
import { buildPackage, type PackageSink } from './sip-package.js';
import { ZExportYear } from './archive.schema.js';
import type { ArchiveDeliveryRow } from './archive.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const require = createRequire(import.meta.url);
const SOFTWARE = { name: 'Kansli', version: (require('../../../package.json') as { version: string }).version };

export type { ArchiveDeliveryRow } from './archive.tables.js';

/** Where a delivery's package goes: a folder (`npx kansli archive export --out DIR`) or a zip kept in the database (the web). */
export type DeliveryTarget = { kind: 'folder'; dir: string } | { kind: 'zip' };

const DELIVERY_NOT_FOUND = { sv: 'Leveransen finns inte.', en: 'The delivery does not exist.' };

function folderSink(root: string): PackageSink {
  return {
    async write(relative, bytes) {
      const file = path.join(root, ...relative.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
  };
}

export function createArchiveExportService(deps: { database: Database; clock: Clock; config: Config }) {
  const { database, clock } = deps;
  const db = database.db;
  const frozen = createFrozenProtocols(deps);
  /** The packages being written after their request was answered, each settled (done or failed) or not. */
  const writing = new Set<Promise<void>>();

  /** The year's content; final protocols made final before snapshots existed get theirs first. */
  async function contentOf(committee: OrganisationRow, year: number) {
    for (const protocolId of await finalProtocolIdsOfYear(db, committee.id, year)) await frozen.frozen(protocolId);
    return loadArchiveContent(db, committee, year);
  }

  /** A delivery with its committee, the principal's right checked in that committee. */
  async function requireDelivery(principal: Principal | null, action: 'archive.read' | 'archive.manage', id: string) {
    const row = await store.findDelivery(db, id);
    if (!row) throw notFound(DELIVERY_NOT_FOUND);
    assertCan(principal, action, archiveScope(row.committeeId));
    return row;
  }

  /** The package is written and the delivery recorded; progress is stored as it goes, for the progress page. */
  async function run(options: { deliveryId: string; objId: string; committee: OrganisationRow; year: number; actor: Actor; contactName: string; target: DeliveryTarget }) {
    const { deliveryId, objId, year, actor, target } = options;
    try {
      const content = await contentOf(options.committee, year);
      const zipped: Record<string, Uint8Array> = {};
      const sink: PackageSink =
        target.kind === 'folder'
          ? folderSink(path.join(target.dir, objId))
          : { write: async (p, bytes) => void (zipped[`${objId}/${p}`] = bytes) };
      let shown = 0;
      const built = await buildPackage({
        content,
        objId,
        createdAt: clock().toISOString(),
        software: SOFTWARE,
        contactName: options.contactName,
        loadBlob: (sha) => loadBlob(db, sha),
        sink,
        onProgress: async (done, total) => {
          const progress = Math.floor((done / Math.max(total, 1)) * 90);
          if (progress >= shown + 5) {
            shown = progress;
            await store.updateDelivery(db, deliveryId, { progress });
          }
        },
      });
      const counts = {
        cases: content.cases.length,
        documents: content.cases.reduce((n, c) => n + c.documents.length, 0),
        files: built.items.filter((i) => i.kind === 'file').length,
        protocols: content.protocols.length,
        packageFiles: built.files.length,
      };
      await db.transaction(async (tx) => {
        let zip: { sha256: string; size: number } | undefined;
        if (target.kind === 'zip') zip = await databaseFileStorage.put(tx, Buffer.from(zipSync(zipped, { level: 0 })));
        await store.insertDeliveryItems(tx, built.items.map((i) => ({ deliveryId, ...i })));
        const details = { ...counts, ...(zip ? { zipSha256: zip.sha256, zipSize: zip.size } : { folder: path.join(target.kind === 'folder' ? target.dir : '', objId) }) };
        await store.updateDelivery(tx, deliveryId, { status: 'done', progress: 100, details, finishedAt: clock() });
        await recordAudit(tx, actor, { action: 'archive.export', entity: 'archive_delivery', entityId: deliveryId, after: { year, packageId: objId, ...counts }, organisationId: options.committee.id }, clock());
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.transaction(async (tx) => {
        await store.updateDelivery(tx, deliveryId, { status: 'failed', details: { error: message }, finishedAt: clock() });
        await recordAudit(tx, actor, { action: 'archive.export.failed', entity: 'archive_delivery', entityId: deliveryId, after: { year, packageId: objId, error: message }, organisationId: options.committee.id }, clock());
      });
      throw error;
    }
  }

  /**
   * Start a delivery of a year: refused when the year has nothing closed or final to deliver.
   * Returns at once with the delivery's id; `finished` settles when the package is written.
   */
  async function start(actor: Actor, options: { year: number; committee: OrganisationRow; contactName: string; target: DeliveryTarget }) {
    const { committee } = options;
    const content = await contentOf(committee, options.year);
    if (content.cases.length === 0 && content.protocols.length === 0) {
      throw new DomainError('INVALID_INPUT', {
        userMessage: {
          sv: `Det finns inget att leverera för ${options.year}: inga avslutade ärenden och inga slutliga protokoll.`,
          en: `There is nothing to deliver for ${options.year}: no closed cases and no final protocols.`,
        },
        fieldErrors: [{ field: 'year', message: { sv: `Inga avslutade ärenden eller slutliga protokoll ${options.year}.`, en: `No closed cases or final protocols in ${options.year}.` } }],
      });
    }
    const objId = `uuid-${randomUUID()}`;
    const row = await store.insertDelivery(db, { committeeId: committee.id, scope: 'year', year: options.year, packageId: objId, status: 'running', progress: 0, createdByUserId: actor.userId, createdAt: clock() });
    const finished = run({ deliveryId: row.id, objId, committee, year: options.year, actor, contactName: options.contactName, target: options.target });
    const settled = finished.then(
      () => undefined,
      () => undefined,
    );
    writing.add(settled);
    void settled.then(() => writing.delete(settled));
    return { delivery: row, finished };
  }

  return {
    /** The CLI: deliver a committee's year into a folder and wait for it. */
    async exportYearToFolder(actor: Actor, options: { year: number; dir: string; committee: OrganisationRow }) {
      const started = await start(actor, { ...options, contactName: actor.label, target: { kind: 'folder', dir: options.dir } });
      await started.finished;
      return (await store.findDelivery(db, started.delivery.id)) ?? started.delivery;
    },

    /** The web: deliver a committee's year into a zip kept with the delivery; the package is written after the answer. */
    async startYearExport(principal: Principal | null, committee: OrganisationRow, raw: unknown) {
      assertCan(principal, 'archive.manage', archiveScope(committee.id));
      const { year } = parseInput(ZExportYear, raw);
      return start(actorOf(principal), { year, committee, contactName: principal.name, target: { kind: 'zip' } });
    },

    /** Resolves once every package being written has finished or failed: a clean stop waits for it. */
    async settled(): Promise<void> {
      await Promise.all(writing);
    },

    /** The committee's deliveries, newest first. */
    async listDeliveries(principal: Principal | null, committee: OrganisationRow): Promise<ArchiveDeliveryRow[]> {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      return store.listDeliveries(db, committee.id);
    },

    /** A delivery with what it holds and its committee; only in the delivery's own committee. */
    async getDelivery(principal: Principal | null, id: string) {
      const delivery = await requireDelivery(principal, 'archive.read', id);
      const items = await store.listDeliveryItems(db, id);
      return { delivery, items, committee: await requireCommitteeById(db, delivery.committeeId), canDownload: can(principal, 'archive.manage', archiveScope(delivery.committeeId)) };
    },

    /** The zip of a delivery made from the web, for handing over to the e-archive. */
    async deliveryZip(principal: Principal | null, id: string): Promise<{ filename: string; bytes: Buffer }> {
      const row = await requireDelivery(principal, 'archive.manage', id);
      const sha = typeof row.details.zipSha256 === 'string' ? row.details.zipSha256 : undefined;
      if (!sha) throw notFound({ sv: 'Paketet finns inte.', en: 'The package does not exist.' });
      return { filename: `${row.packageId}.zip`, bytes: await loadBlob(db, sha) };
    },
  };
}

export type ArchiveExportService = ReturnType<typeof createArchiveExportService>;
