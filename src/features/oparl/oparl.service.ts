/**
 * OParl 1.1 for anyone: answers every GET under /oparl/v1 from an in-memory snapshot of the
 * public data. The snapshot is rebuilt when the data has changed, which the audit log tells
 * cheaply (platform/db/data-version.ts: at most 100 ms behind, and only under load).
 */
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { createDataVersionReader } from '../../platform/db/data-version.js';
import { parseInput } from '../../platform/validation.js';
import { stripControlCharsInJson } from '../../platform/control-chars.js';
import { assertCan, type Principal } from '../../platform/auth/policy.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import { createFrozenProtocols } from '../protocols/protocol-snapshot.js';
import { buildSnapshot } from './oparl.build.js';
import { finalProtocolsWithoutSnapshot, findPublicFile, loadPublicData } from './oparl.repository.js';
import { pageOf } from './oparl.pages.js';
import { ZListQuery } from './oparl.schema.js';
import type { Snapshot } from './oparl.snapshot.js';

/** An answer: the JSON text and its status. */
export interface OparlAnswer {
  status: 200 | 404;
  body: Buffer;
}

export interface OparlFile {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

/** Host names a snapshot is kept for at once (without KANSLI_PUBLIC_URL the URLs follow the request's host). */
const MAX_BASES = 4;
/** Serialised answers kept per snapshot. */
const MAX_ANSWERS = 2000;

export const NOT_FOUND_BODY = Buffer.from(JSON.stringify({ error: { code: 'NOT_FOUND', message: { sv: 'Objektet finns inte.', en: 'The object does not exist.' } } }));

export function createOparlService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const snapshots = new Map<string, { version: string; snapshot: Promise<Snapshot> }>();
  const currentVersion = createDataVersionReader(db);
  const frozen = createFrozenProtocols(deps);

  /** The snapshot for `base`, rebuilt in one read-only transaction when the data has changed. */
  async function snapshotFor(base: string): Promise<Snapshot> {
    const version = await currentVersion();
    const kept = snapshots.get(base);
    if (kept && kept.version === version) return kept.snapshot;
    // Final protocols are published as frozen: give any that became final before snapshots existed theirs first.
    for (const protocolId of await finalProtocolsWithoutSnapshot(db)) await frozen.frozen(protocolId);
    const snapshot = db.transaction(async (tx) => buildSnapshot(await loadPublicData(tx), base), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    snapshots.delete(base);
    if (snapshots.size >= MAX_BASES) snapshots.delete(snapshots.keys().next().value ?? '');
    snapshots.set(base, { version, snapshot });
    snapshot.catch(() => snapshots.get(base)?.snapshot === snapshot && snapshots.delete(base));
    return snapshot;
  }

  function remember(snapshot: Snapshot, key: string, value: unknown): Buffer {
    const body = Buffer.from(JSON.stringify(value, stripControlCharsInJson));
    if (snapshot.answers.size >= MAX_ANSWERS) snapshot.answers.clear();
    snapshot.answers.set(key, body);
    return body;
  }

  return {
    /**
     * The object or external list page at `path` (below `base`, e.g. "/meeting/…").
     * A list refuses a bad filter or page size with 400 (DomainError INVALID_INPUT).
     */
    async answer(principal: Principal | null, options: { base: string; path: string; query: Record<string, unknown> }): Promise<OparlAnswer> {
      assertCan(principal, 'public');
      const snapshot = await snapshotFor(options.base);
      const url = `${options.base}${options.path}`;
      const key = `${url}?${new URLSearchParams(options.query as Record<string, string>).toString()}`;
      const known = snapshot.answers.get(key);
      if (known) return { status: 200, body: known };
      const object = snapshot.objects.get(url);
      if (object) return { status: 200, body: remember(snapshot, key, object) };
      const list = snapshot.lists.get(url);
      if (!list) return { status: 404, body: NOT_FOUND_BODY };
      const query = parseInput(ZListQuery, options.query);
      return { status: 200, body: remember(snapshot, key, pageOf(list, url, query)) };
    },

    /** The bytes of a published File, or undefined when there is no such file. */
    async file(principal: Principal | null, options: { base: string; fileUrl: string }): Promise<OparlFile | undefined> {
      assertCan(principal, 'public');
      const snapshot = await snapshotFor(options.base);
      const source = snapshot.files.get(options.fileUrl);
      if (!source) return undefined;
      if (source.kind === 'document') {
        // Asked again at access time: a document marked secret since the snapshot is not served.
        const row = await findPublicFile(db, source.fileId);
        const bytes = row ? await databaseFileStorage.get(db, row.sha256) : undefined;
        return row && bytes ? { bytes, mimeType: row.mimeType, fileName: row.filename } : undefined;
      }
      if (source.kind === 'stored') {
        const bytes = await databaseFileStorage.get(db, source.sha256);
        return bytes ? { bytes, mimeType: 'application/pdf', fileName: source.fileName } : undefined;
      }
      // The public PDF exactly as sealed and stored at justering.
      const { bytes } = await frozen.pdf(source.protocolId, 'public');
      return { bytes, mimeType: 'application/pdf', fileName: source.fileName };
    },
  };
}

export type OparlService = ReturnType<typeof createOparlService>;
