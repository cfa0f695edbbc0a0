/**
 * A crawler over everything the public can reach — every page linked from the start page, the
 * notice boards and their feeds, the public registry, search, the OParl API and every object it
 * links to, and the public PDFs — on the demo committee with planted secret and internal
 * documents and a personal identity number. None of the planted text may appear anywhere, and no
 * public answer may be a 5xx.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../support/app.js';
import { organisations } from '../../src/features/organisation/organisation.tables.js';
import { cases } from '../../src/features/registry/registry.tables.js';
import { extractText } from '../../src/features/registry/files/text-extraction.js';
import type { Principal } from '../../src/platform/auth/policy.js';

const SECRET = 'HEMLIGMARKOR7Q';
const INTERNAL = 'INTERNMARKOR3Z';
const PERSONNUMMER = '19121212-1212';
const PLANTED = [SECRET, INTERNAL, PERSONNUMMER, '191212121212', '121212-1212'];
const MAX_REQUESTS = 5000;

describe('public crawl over the demo with planted secrets', () => {
  let t: TestContext;
  const visited = new Map<string, number>();

  before(async () => {
    t = await createTestApp({ demo: true });
    const [committee] = await t.services.database.db.select().from(organisations).where(eq(organisations.slug, 'norrbottens-e-namnd'));
    const [someCase] = await t.services.database.db.select().from(cases).where(eq(cases.organisationId, committee?.id ?? '')).limit(1);
    if (!committee || !someCase) throw new Error('demo missing');
    const registrar: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'r@example.se', name: 'Planterare', grants: [{ organisationId: committee.id, role: 'registrar' }] };
    await t.services.registry.registerDocument(
      registrar,
      {
        caseId: someCase.id, direction: 'incoming', counterpart: `Avsändare ${SECRET}`, documentDate: '2022-11-30',
        description: `Utredning ${SECRET} om ${PERSONNUMMER}`, secrecy: 'secret', secrecyProvision: 'OSL 26 kap. 1 §',
        secrecyMarkedOn: '2022-11-30', publicDescription: 'Skyddad handling', securityClass: 'Konfidentiellt',
      },
      { filename: 'hemlig.txt', bytes: Buffer.from(`Innehåll ${SECRET} personnummer ${PERSONNUMMER}`) },
    );
    await t.services.registry.registerDocument(
      registrar,
      { caseId: someCase.id, direction: 'drawn_up', documentDate: '2022-12-01', description: `Arbetsmaterial ${INTERNAL}`, secrecy: 'internal' },
      { filename: 'utkast.txt', bytes: Buffer.from(`Utkast ${INTERNAL}`) },
    );
  });
  after(() => t.close());

  /** Same-site links from HTML, XML (Atom) and JSON (OParl, JSON lists). */
  function linksIn(body: string, contentType: string): string[] {
    const found: string[] = [];
    if (contentType.includes('json')) {
      const walk = (value: unknown): void => {
        if (typeof value === 'string' && (/^https?:\/\//.test(value) || value.startsWith('/'))) found.push(value);
        else if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      try {
        walk(JSON.parse(body));
      } catch {
        // not JSON after all
      }
    } else {
      for (const match of body.matchAll(/\b(?:href|src|action)="([^"]+)"/g)) found.push((match[1] ?? '').replaceAll('&amp;', '&'));
    }
    return found;
  }

  function localPath(link: string): string | undefined {
    try {
      const url = new URL(link, 'http://localhost/');
      if (!['localhost', '127.0.0.1'].includes(url.hostname) && !url.pathname.startsWith('/oparl/')) return undefined;
      if (url.pathname.startsWith('/logga-in') || url.pathname.startsWith('/static/')) return undefined;
      // The order of a list does not change what it shows: one visit per list is enough.
      url.searchParams.delete('sort');
      url.searchParams.delete('dir');
      return url.pathname + url.search;
    } catch {
      return undefined;
    }
  }

  test('no planted secret, internal text or personal identity number is reachable by the public', async (context) => {
    const client = new TestClient(t.app);
    const queue = [
      '/', '/anslagstavla', '/anslagstavla/lulea', '/diarium', '/verifiera', '/tillganglighet', '/oparl/v1/system', '/api/v1/openapi.json',
      // Search for the words around the planted text (searching for the text itself would echo it).
      '/sok?q=Utredning', '/sok?q=Arbetsmaterial', '/sok?q=Avs%C3%A4ndare', '/sok?q=personnummer', '/diarium?q=Utredning', '/diarium?q=Arbetsmaterial',
    ];
    const leaks: string[] = [];
    const failures: string[] = [];
    while (queue.length > 0 && visited.size < MAX_REQUESTS) {
      const url = queue.shift() ?? '/';
      if (visited.has(url)) continue;
      const response = await client.get(url);
      visited.set(url, response.statusCode);
      if (response.statusCode >= 500) failures.push(`${url}: ${response.statusCode}`);
      const type = String(response.headers['content-type'] ?? '');
      let text = response.body;
      if (type.includes('application/pdf')) text = (await extractText({ kind: 'pdf', bytes: response.rawPayload })).text;
      for (const planted of PLANTED) if (text.includes(planted)) leaks.push(`${url} shows ${planted}`);
      if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
        const next = localPath(String(response.headers.location));
        if (next && !visited.has(next)) queue.push(next);
      }
      if (response.statusCode !== 200 || type.includes('pdf')) continue;
      for (const link of linksIn(text, type)) {
        const next = localPath(link);
        if (next && !visited.has(next)) queue.push(next);
      }
    }
    context.diagnostic(`${visited.size} public URLs crawled`);
    assert.deepEqual(failures, []);
    assert.deepEqual(leaks, []);
    assert.ok(visited.size > 30, `the crawl reached ${visited.size} URLs`);
  });
});
