/** The route walk of policy.test.ts with users of the wrong organisation (issue 15), in a process of its own. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { routeWalk } from '../../../test/support/route-walk.js';

describe('route × role', () => {
  const walk = routeWalk();
  /**
   * The same routes for users whose roles are all in the wrong organisation (issue 15): a route
   * about one of this committee's objects (its case, document, file, meeting, item, person,
   * mandate, body or user) answers them 403 or 404, or exactly as it answers the public; and
   * nothing they send changes any of those objects (no audit entry names one).
   */
  test('every route about this committee’s objects refuses users of another committee or another municipality', async () => {
    const keys = ['caseId', 'documentId', 'fileId', 'meetingId', 'itemId', 'personId', 'mandateId', 'bodyId', 'userId'];
    const ids = [...keys.map((k) => walk.params[k] ?? ''), ...Object.values(walk.secretParams)].filter(Boolean);
    const routes = walk.t.app.kansliRoutes.map((route) => ({ route, url: walk.fill(route.url, undefined, walk.secretParams) })).filter(({ url }) => ids.some((id) => url.includes(id)));
    assert.ok(routes.length > 40, `only ${routes.length} routes name an object`);
    const publicStatus = new Map<string, number>();
    for (const { route, url } of routes) {
      const { client } = await walk.clientFor(null);
      publicStatus.set(`${route.method} ${url}`, (route.method === 'GET' ? await client.get(url) : await client.post(url, {})).statusCode);
    }
    const SECRET_MARKERS = () => ['Hemlig prov', `/filer/${walk.secretParams.fileId ?? ''}`];
    const failures: string[] = [];
    let requests = 0;
    for (const [who, user] of walk.strangers) {
      // A member municipality's roles read the cooperation's material that is not secret (issue 15:
      // cooperation scope); they never change it, and never read its secrets.
      const neighbour = who.endsWith('i en annan medlemskommun');
      for (const { route, url } of routes) {
        const readsOpenMaterial = neighbour && route.method === 'GET' && route.action.endsWith('.read') && !Object.values(walk.secretParams).some((id) => url.includes(id));
        if (readsOpenMaterial) continue;
        const { client } = await walk.clientFor(null, user);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        requests += 1;
        const label = `${who}: ${route.method} ${url} (${route.action})`;
        const anonymous = publicStatus.get(`${route.method} ${url}`);
        const asPublic = route.action === 'public' && response.statusCode === anonymous;
        // Outside the cooperation a signed-in reader sees a registry entry as the public registry
        // shows it (OSL 5:2): the entry, never a secret document's description or file.
        const publicEntry = route.method === 'GET' && route.action === 'registry.read' && response.statusCode === 200 && !SECRET_MARKERS().some((m) => response.body.includes(m));
        if (response.statusCode >= 500) failures.push(`${label}: ${response.statusCode}`);
        else if (![403, 404].includes(response.statusCode) && !asPublic && !publicEntry) failures.push(`${label}: got ${response.statusCode} (public gets ${anonymous})`);
      }
    }
    const strangerIds = [...walk.strangers.values()].map((u) => u.id);
    const touched = await walk.t.services.database.db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(inArray(auditLog.actorUserId, strangerIds));
    for (const entry of touched) if (entry.entityId && ids.includes(entry.entityId)) failures.push(`audit: ${entry.action} on ${entry.entityId}`);
    writeFileSync(path.join(os.tmpdir(), 'kansli-strangers.txt'), failures.join('\n'));
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests`);
  });
});
