/** The route walk of policy.test.ts, continued: the roles that file leaves, in a process of its own. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../../platform/auth/policy.js';
import { ROLES_IN_FIRST_FILE, routeWalk, walkRoutesAs } from '../../../test/support/route-walk.js';

describe('route × role', () => {
  const walk = routeWalk();
  for (const role of ROLES.slice(ROLES_IN_FIRST_FILE)) {
    test(`every route answers ${role} as the policy says`, async () => {
      assert.deepEqual(await walkRoutesAs(walk, role), []);
    });
  }
});
