/**
 * The test app (or database) of a describe block as one line: `const t = useTestApp({ clock: () => now });`
 * instead of a `let`, a `before` that makes it and an `after` that closes it.
 */
import { after, before } from 'node:test';
import { createTestApp, type TestContext } from './app.js';
import { createTestDatabase } from './db.js';
import type { Database } from '../../src/platform/db/database.js';

/**
 * A test app made before the enclosing describe's tests and closed after them. The object is
 * filled in when its `before` hook runs: read it in hooks and tests, not while tests are declared.
 */
export function useTestApp(options: Parameters<typeof createTestApp>[0] = {}): TestContext {
  const context = {} as TestContext;
  before(async () => {
    Object.assign(context, await createTestApp(options));
  });
  after(() => context.close());
  return context;
}

/** A migrated, empty test database made before the enclosing describe's tests and closed after them. */
export function useTestDatabase(): Database {
  const context = {} as Database;
  before(async () => {
    Object.assign(context, await createTestDatabase());
  });
  after(() => context.close());
  return context;
}
