/**
 * Once the server listens it runs the services' warm-up (AppServices.warmUp: the seal and the PDF
 * code, what the first sealing signature would otherwise wait for) after its first answer, or
 * WARM_UP_DELAY_MS after listening when no request comes; a warm-up that fails is logged and the
 * server goes on serving.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestContext } from './support/app.js';
import { buildApp } from '../src/platform/http/app.js';
import { KANSLI } from '../src/routes.js';

describe('the warm-up when the server listens', () => {
  let t: TestContext;
  const apps: FastifyInstance[] = [];
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    for (const app of apps) await app.close();
    await t.close();
  });

  test('runs once, after the first answer of a listening server; never for injected requests', async () => {
    let calls = 0;
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const app = buildApp({ ...t.services, warmUp: async () => void ((calls += 1), ran()) }, KANSLI);
    apps.push(app);
    await app.ready();
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    assert.equal(calls, 0, 'not on ready nor for an injected request: the CLI and injected tests never listen');
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 0, 'listening alone does not start it: the first request would wait behind it');
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    await done;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal(calls, 1);
  });

  test('runs without any request a moment after listening', async () => {
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const app = buildApp({ ...t.services, warmUp: async () => ran() }, KANSLI);
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    await done;
  });

  test('a failing warm-up leaves the server serving', async () => {
    let failed!: () => void;
    const done = new Promise<void>((resolve) => (failed = resolve));
    const app = buildApp({ ...t.services, warmUp: () => (failed(), Promise.reject(new Error('no seal'))) }, KANSLI);
    apps.push(app);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    await done;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });
});
