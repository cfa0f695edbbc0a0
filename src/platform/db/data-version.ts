/**
 * The version of the data: every change appends an audit entry (STYLE.md), so the last entry's
 * sequence number changes exactly when the data does. Public pages answered from memory (the
 * notice boards, OParl) ask for it to know whether what they hold is still current.
 *
 * Each call asks the database, so an answer shows every change committed before it, except
 * under load: when more than BUSY_REQUESTS calls came within BUSY_WINDOW_MS, a version asked for
 * less than BUSY_WINDOW_MS ago is used again, unless this process has written since, so an answer
 * may then miss a change another app server made in the last 100 ms. That spares the database a query per request, which on PGlite costs more than the
 * whole rest of a cached answer (see docs/PERFORMANCE.md).
 */
import { desc } from 'drizzle-orm';
import type { Db } from './database.js';
import { auditLog } from '../audit/audit.tables.js';

/** Busy: more than BUSY_REQUESTS calls within BUSY_WINDOW_MS (200 a second). */
const BUSY_WINDOW_MS = 100;
const BUSY_REQUESTS = 20;

/** When this process last wrote an audit entry (performance.now()); see `noteDataChanged`. */
let lastLocalChange = -Infinity;

/**
 * Called by the audit log for every entry this process writes: a reader then asks the database
 * again even under load, so that a change made here is seen by the next request here. The entry
 * is written before its transaction commits, so a version asked for up to BUSY_WINDOW_MS after
 * the change is asked for again too.
 */
export function noteDataChanged(): void {
  lastLocalChange = performance.now();
}

/** The last audit entry's sequence number, as a string. */
export async function dataVersion(db: Db): Promise<string> {
  const [row] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return String(row?.seq ?? 0);
}

/** A version reader with its own load window; concurrent calls share one query. */
export function createDataVersionReader(db: Db): () => Promise<string> {
  let versionQuery: Promise<string> | undefined;
  const load = { windowStart: 0, requests: 0, previous: 0, askedAt: -Infinity, version: '' };
  return function currentVersion(): Promise<string> {
    const now = performance.now();
    if (now - load.windowStart > BUSY_WINDOW_MS) {
      // The window just ended counts too, so that a steady load stays busy across windows.
      Object.assign(load, { previous: now - load.windowStart > 2 * BUSY_WINDOW_MS ? 0 : load.requests, windowStart: now, requests: 0 });
    }
    load.requests += 1;
    const busy = load.requests > BUSY_REQUESTS || load.previous > BUSY_REQUESTS;
    const changedHere = lastLocalChange > load.askedAt - BUSY_WINDOW_MS;
    if (busy && !changedHere && now - load.askedAt < BUSY_WINDOW_MS) return Promise.resolve(load.version);
    versionQuery ??= dataVersion(db)
      .then((version) => Object.assign(load, { askedAt: now, version }).version)
      .finally(() => (versionQuery = undefined));
    return versionQuery;
  };
}
