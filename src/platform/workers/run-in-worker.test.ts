import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createWorkerRunner } from './run-in-worker.js';

describe('createWorkerRunner', () => {
  const runner = createWorkerRunner<string, string, string>(new URL('./test-worker.mjs', import.meta.url), { timeoutMs: 5_000, maxHeapMb: 32, maxWorkers: 1 });
  after(() => runner.close());

  it('runs a JavaScript worker without tsx and returns its progress and result', async () => {
    const outcome = await runner.run('echo');
    assert.deepEqual(outcome, { ok: true, result: `echo from ${process.pid}`, progress: ['first'] });
    assert.equal(runner.running(), 0);
  });

  it('ends a job at the time limit and keeps what it reported; the next job gets a new worker', async () => {
    const quick = createWorkerRunner<string, string, string>(new URL('./test-worker.mjs', import.meta.url), { timeoutMs: 3_000, maxHeapMb: 32, maxWorkers: 1 });
    try {
      // A started worker first, so that a slow start on a busy machine does not eat the time limit.
      const warm = await quick.run('echo');
      const outcome = await quick.run('spin');
      assert.equal(warm.ok, true);
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.stop, 'time');
      assert.deepEqual(outcome.progress, ['started']);
      const next = await quick.run('echo');
      assert.equal(next.ok, true, 'a spinning worker does not take the runner down');
    } finally {
      await quick.close();
    }
  });

  it('ends a job that passes the memory limit', async () => {
    const outcome = await runner.run('hog');
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.stop, 'memory');
    assert.equal((await runner.run('echo')).ok, true);
  });

  it('runs at most maxWorkers jobs at once; the others wait their turn', async () => {
    const first = runner.run('echo');
    const second = runner.run('echo');
    assert.equal(runner.running(), 2, 'one running, one waiting');
    assert.deepEqual(await Promise.all([first, second]).then((all) => all.map((o) => o.ok)), [true, true]);
    assert.equal(runner.running(), 0);
  });
});
