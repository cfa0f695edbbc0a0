/** The background job runner: one run at a time in a process, a failure logged and never thrown. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPeriodicJob } from './periodic.js';

describe('createPeriodicJob', () => {
  it('a second runOnce while a run is in progress waits for it instead of starting another', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = createPeriodicJob({ name: 't', intervalMs: 60_000, run: () => ((runs += 1), new Promise<void>((resolve) => (release = resolve))) });
    const first = job.runOnce();
    const second = job.runOnce();
    assert.equal(runs, 1);
    release();
    await Promise.all([first, second]);
    const third = job.runOnce();
    assert.equal(runs, 2, 'a new run after the first finished');
    release();
    await third;
  });

  it('a failing run is logged with the job name and does not reject', async () => {
    const logged: string[] = [];
    const job = createPeriodicJob({ name: 'reminders', intervalMs: 60_000, run: () => Promise.reject(new Error('database away')), log: (m) => logged.push(m) });
    await job.runOnce();
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /reminders.*database away/);
  });

  it('start runs at once; stop waits for the run in progress', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const job = createPeriodicJob({ name: 't', intervalMs: 60_000, run: () => ((runs += 1), new Promise<void>((resolve) => (release = resolve))) });
    job.start();
    job.start();
    assert.equal(runs, 1, 'started once');
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await Promise.resolve();
    assert.equal(stopped, false, 'stop waits for the run');
    release();
    await stopping;
    assert.equal(stopped, true);
  });
});
