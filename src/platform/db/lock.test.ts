import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDirectoryLock, DirectoryLockedError } from './lock.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'kansli-lock-'));

test('a second lock on the same folder is refused and names the holder', () => {
  const dir = tempDir();
  const lock = acquireDirectoryLock(dir);
  try {
    assert.throws(
      () => acquireDirectoryLock(dir),
      (error: unknown) => error instanceof DirectoryLockedError && error.holder.pid === process.pid && /används redan av process/.test(error.message),
    );
  } finally {
    lock.release();
  }
  acquireDirectoryLock(dir).release();
});

test('a stale lock whose process is gone is taken over', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'kansli.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'gone', startedAt: '2020-01-01' }));
  const lock = acquireDirectoryLock(dir);
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'kansli.lock'), 'utf8')).pid, process.pid);
  lock.release();
});
