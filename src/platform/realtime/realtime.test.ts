import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { createInProcessRealtime, createPostgresRealtime, type Realtime } from './realtime.js';
import { createEventStreams } from './sse.js';
import { createPostgresDatabase, TEST_DB_KIND } from '../../../test/support/db.js';
import { sseFrames } from '../../../test/support/sse.js';

/** Resolves with the next notice of `topic` on `realtime`. */
function nextNotice(realtime: Realtime, topic: string): Promise<string> {
  return new Promise((resolve) => {
    const off = realtime.subscribe(topic, (t) => {
      off();
      resolve(t);
    });
  });
}

describe('realtime in one process', () => {
  it('tells the listeners of a topic, and only them', async () => {
    const realtime = createInProcessRealtime();
    const heard: string[] = [];
    const offA = realtime.subscribe('meeting:a', (t) => heard.push(`1 ${t}`));
    realtime.subscribe('meeting:b', (t) => heard.push(`2 ${t}`));
    const done = nextNotice(realtime, 'meeting:a');
    await realtime.publish('meeting:a');
    await done;
    assert.deepEqual(heard, ['1 meeting:a']);
    offA();
    const b = nextNotice(realtime, 'meeting:b');
    await realtime.publish('meeting:a');
    await realtime.publish('meeting:b');
    await b;
    assert.deepEqual(heard, ['1 meeting:a', '2 meeting:b']);
  });

  it('refuses a topic that could not travel as a notice payload', async () => {
    const realtime = createInProcessRealtime();
    await assert.rejects(realtime.publish("x'; drop"), /bad realtime topic/);
    assert.throws(() => realtime.subscribe('', () => {}), /bad realtime topic/);
  });
});

describe('realtime across two servers on one PostgreSQL', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: set TEST_DATABASE_URL' }, () => {
  const opened: Realtime[] = [];
  let drop: (() => Promise<void>) | undefined;
  after(async () => {
    for (const r of opened) await r.close();
    await drop?.();
  });

  it('a publish on server A reaches the listeners on server B (and on A)', async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const a = createPostgresRealtime(created.url);
    const b = createPostgresRealtime(created.url);
    opened.push(a, b);
    const onB = nextNotice(b, 'meeting:x');
    const onA = nextNotice(a, 'meeting:x');
    await Promise.all([a.ready(), b.ready()]);
    await a.publish('meeting:x');
    assert.deepEqual(await Promise.all([onA, onB]), ['meeting:x', 'meeting:x']);
  });
});

describe('Server-Sent Events', () => {
  it('sends the state at once, each change after, and nothing missed to a client resuming with Last-Event-ID', async () => {
    const realtime = createInProcessRealtime();
    const streams = createEventStreams(realtime, { coalesceMs: 5 });
    let counter = 0;
    let reads = 0;
    const app = Fastify();
    app.get('/s', (request, reply) => streams.serve(request, reply, { topic: 'meeting:s', key: 'meeting:s', read: async () => ((reads += 1), { event: 'state', data: JSON.stringify({ counter }) }) }));
    app.addHook('preClose', async () => streams.closeAll());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/s`;
    try {
      const controller = new AbortController();
      const first = await fetch(url, { signal: controller.signal });
      assert.equal(first.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const second = await fetch(url);
      const a = sseFrames(first);
      const b = sseFrames(second);
      const a0 = (await a.next()).value;
      assert.deepEqual(JSON.parse(a0?.data ?? ''), { counter: 0 });
      await b.next();
      const readsBefore = reads;
      counter = 1;
      await realtime.publish('meeting:s');
      const a1 = (await a.next()).value;
      const b1 = (await b.next()).value;
      assert.deepEqual(JSON.parse(a1?.data ?? ''), { counter: 1 });
      assert.equal(b1?.id, a1?.id, 'both streams show the same state');
      assert.equal(reads - readsBefore, 1, 'one read for both streams');
      // The first client drops; two changes happen while it is away.
      controller.abort();
      counter = 2;
      await realtime.publish('meeting:s');
      counter = 3;
      await realtime.publish('meeting:s');
      let latest = (await b.next()).value;
      while (JSON.parse(latest?.data ?? '{}').counter !== 3) latest = (await b.next()).value;
      // Resuming from the state it last saw, it gets the current state at once.
      const resumed = sseFrames(await fetch(url, { headers: { 'last-event-id': a1?.id ?? '' } }));
      const r0 = (await resumed.next()).value;
      assert.deepEqual(JSON.parse(r0?.data ?? ''), { counter: 3 });
      // Resuming already up to date, it gets nothing until the next change.
      const upToDate = sseFrames(await fetch(url, { headers: { 'last-event-id': latest?.id ?? '' } }));
      counter = 4;
      await realtime.publish('meeting:s');
      const u0 = (await upToDate.next()).value;
      assert.deepEqual(JSON.parse(u0?.data ?? ''), { counter: 4 });
    } finally {
      await app.close();
    }
    assert.equal(streams.count(), 0);
  });
  it('hears a change that commits while a new stream reads its first state', async () => {
    const realtime = createInProcessRealtime();
    const streams = createEventStreams(realtime, { coalesceMs: 1 });
    let counter = 0;
    let firstRead = true;
    const app = Fastify();
    app.get('/s', (request, reply) =>
      streams.serve(request, reply, {
        topic: 'meeting:r',
        key: 'meeting:r',
        read: async () => {
          const seen = counter;
          if (firstRead) {
            // The first read sees the old state; the change commits and is told before it returns.
            firstRead = false;
            counter = 1;
            await realtime.publish('meeting:r');
            await new Promise((resolve) => setImmediate(resolve));
          }
          return { event: 'state', data: JSON.stringify({ counter: seen }) };
        },
      }),
    );
    app.addHook('preClose', async () => streams.closeAll());
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const frames = sseFrames(await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/s`));
      assert.deepEqual(JSON.parse((await frames.next()).value?.data ?? ''), { counter: 0 });
      assert.deepEqual(JSON.parse((await frames.next()).value?.data ?? ''), { counter: 1 }, 'the change told during the first read is sent');
    } finally {
      await app.close();
    }
    assert.equal(streams.count(), 0);
  });
});
