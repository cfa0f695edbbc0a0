import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDatabase } from '../../../test/support/test-app-hooks.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.js';
import { createDataVersionReader, dataVersion } from './data-version.js';

describe('the data version', () => {
  const database = useTestDatabase();

  const change = () => database.db.transaction((tx) => recordAudit(tx, SYSTEM_ACTOR, { action: 'test.change', entity: 'test', entityId: 'x', organisationId: null }));

  test('is the last audit entry and moves with every change', async () => {
    const before = await dataVersion(database.db);
    await change();
    assert.equal(Number(await dataVersion(database.db)), Number(before) + 1);
  });

  test('under load a reader reuses a fresh version, but never misses a change written by this process', async () => {
    const read = createDataVersionReader(database.db);
    // Busy: more than 20 reads within 100 ms.
    const versions = await Promise.all(Array.from({ length: 30 }, () => read()));
    assert.equal(new Set(versions).size, 1);
    await change();
    assert.equal(await read(), await dataVersion(database.db), 'the change made here is seen at once, even while busy');
  });
});
