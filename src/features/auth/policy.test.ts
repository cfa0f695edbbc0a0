/**
 * Walks every route with every role (and anonymously) and checks the answer against the one
 * policy table: allowed → served (never 401/403, never a 5xx); denied → 403, or sign-in for the
 * anonymous. A route added without a policy action cannot even be registered.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsRoleAnywhere, POLICY, ROLES, type Principal } from '../../platform/auth/policy.js';
import { ROLES_IN_FIRST_FILE, routeWalk } from '../../../test/support/route-walk.js';

describe('route × role', () => {
  const walk = routeWalk();
  test('every route names a known policy action', () => {
    assert.ok(walk.t.app.kansliRoutes.length > 20);
    for (const route of walk.t.app.kansliRoutes) assert.ok(Object.hasOwn(POLICY, route.action), `${route.method} ${route.url}`);
  });


  for (const role of ([null, ...ROLES] as const).slice(0, ROLES_IN_FIRST_FILE + 1)) {
    test(`every route answers ${role ?? 'the public'} as the policy says`, async () => {
      const failures: string[] = [];
      for (const route of walk.t.app.kansliRoutes) {
        const { client, tokenId } = await walk.clientFor(role);
        const url = walk.fill(route.url, tokenId);
        assert.doesNotMatch(url, /:\w+/, `unfilled parameter in ${url}`);
        const principal: Principal | null = role ? { userId: walk.users.get(role)?.id ?? '', email: '', name: '', grants: [{ organisationId: 'x', role }] } : null;
        const allowed = holdsRoleAnywhere(principal, route.action);
        const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        // Denied to the anonymous: HTML goes to sign-in (with the way back), the API says 401.
        // A 401 on an HTML form is a wrong password or code, which is an answer, not a denial.
        const toLogin = response.statusCode === 302 && String(response.headers.location).startsWith('/logga-in?next=');
        const apiDenied = url.startsWith('/api/') && response.statusCode === 401;
        const label = `${route.method} ${url} (${route.action})`;
        if (response.statusCode >= 500) failures.push(`${label}: ${response.statusCode}`);
        else if (allowed && (response.statusCode === 403 || apiDenied || toLogin)) {
          failures.push(`${label}: allowed but got ${response.statusCode} ${response.headers.location ?? ''}`);
        } else if (!allowed && role && response.statusCode !== 403) failures.push(`${label}: denied but got ${response.statusCode}`);
        else if (!allowed && !role && !(toLogin || apiDenied)) failures.push(`${label}: anonymous got ${response.statusCode}`);
      }
      assert.deepEqual(failures, []);
    });
  }

});
