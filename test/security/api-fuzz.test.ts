/**
 * Every JSON endpoint (/api/… and /oparl/…) fuzzed with generated bodies, query strings and path
 * parameters (fast-check): never a 5xx, and every 4xx says clearly what is wrong, as JSON.
 * The caller holds every role, so that the requests reach the handlers rather than the policy gate.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCommittee, buildUser, createTestApp, type TestContext } from '../support/app.js';
import { ROLES, type Principal } from '../../src/platform/auth/policy.js';

const RUNS = Number(process.env.KANSLI_FUZZ_RUNS ?? 40);

/** A path segment: a UUID that exists nowhere, or anything at all. */
const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('0', '-1', '..', '%00', 'null', 'ä/ö'));
const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('', '2022-13-45', '9999999999999999999', 'true', '[]'));
const query = fc.dictionary(fc.constantFrom('q', 'year', 'status', 'limit', 'page', 'created_since', 'modified_until', 'from', 'to', 'kind'), queryValue, { maxKeys: 4 });
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), fc.constant(null), fc.string());

describe('JSON endpoints under generated input', () => {
  let t: TestContext;
  let token = '';
  let tried = 0;

  before(async () => {
    t = await createTestApp();
    const { committee } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: [...ROLES] });
    const principal: Principal = { userId: user.id, email: user.email, name: 'Fuzz', grants: ROLES.map((role) => ({ organisationId: committee.id, role })) };
    token = await t.services.auth.createApiToken(principal, 'fuzz');
  });
  after(() => t.close());

  function fill(url: string, values: string[]): string {
    let i = 0;
    return url.replace(/:\w+/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
  }

  function checkAnswer(label: string, status: number, payload: string): void {
    assert.ok(status < 500, `${label} answered ${status}: ${payload.slice(0, 300)}`);
    if (status >= 400) {
      const parsed = JSON.parse(payload) as { error?: { message?: unknown } };
      const message = parsed.error?.message;
      const text = typeof message === 'string' ? message : (message as { sv?: string; en?: string } | undefined)?.sv;
      assert.ok(text && text.length > 3, `${label} ${status} without a clear message: ${payload.slice(0, 200)}`);
    }
  }

  test('no generated request makes any JSON endpoint fail with a 5xx or answer 4xx without a message', async (context) => {
    const routes = t.app.kansliRoutes.filter((route) => route.url.startsWith('/api/') || route.url.startsWith('/oparl/'));
    assert.ok(routes.length >= 3, 'there are JSON endpoints to fuzz');
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 3 }), query, body, async (segments, params, payload) => {
          tried += 1;
          const url = `${fill(route.url, segments)}?${new URLSearchParams(params).toString()}`;
          const isGet = route.method === 'GET';
          const response = await t.app.inject({
            method: route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
            url,
            headers: { authorization: `Bearer ${token}`, ...(isGet ? {} : { 'content-type': 'application/json' }) },
            ...(isGet ? {} : { payload: JSON.stringify(payload) }),
          });
          checkAnswer(`${route.method} ${url}`, response.statusCode, response.body);
        }),
        { numRuns: RUNS },
      );
    }
    context.diagnostic(`${tried} generated requests over ${routes.length} JSON endpoints`);
  });

  test('a body that is not JSON at all gets a clear 400', async () => {
    const post = t.app.kansliRoutes.find((route) => route.url.startsWith('/api/') && route.method === 'POST' && !route.url.includes(':'));
    if (!post) return;
    const response = await t.app.inject({ method: 'POST', url: post.url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"unclosed": ' });
    assert.equal(response.statusCode, 400);
    checkAnswer(post.url, response.statusCode, response.body);
  });
});
