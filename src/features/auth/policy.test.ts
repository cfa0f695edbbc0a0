/**
 * Walks every route with every role (and anonymously) and checks the answer against the one
 * policy table: allowed → served (never 401/403, never a 5xx); denied → 403, or sign-in for the
 * anonymous. A route added without a policy action cannot even be registered.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { POLICY, ROLES } from '../../platform/auth/policy.js';
import { ROLES_IN_FIRST_FILE, routeWalk, walkRoutesAs } from '../../../test/support/route-walk.js';

describe('route × role', () => {
  const walk = routeWalk();
  test('every route names a known policy action', () => {
    assert.ok(walk.t.app.kansliRoutes.length > 20);
    for (const route of walk.t.app.kansliRoutes) assert.ok(Object.hasOwn(POLICY, route.action), `${route.method} ${route.url}`);
  });

  for (const role of ([null, ...ROLES] as const).slice(0, ROLES_IN_FIRST_FILE + 1)) {
    test(`every route answers ${role ?? 'the public'} as the policy says`, async () => {
      assert.deepEqual(await walkRoutesAs(walk, role), []);
    });
  }

});
