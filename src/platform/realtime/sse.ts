/**
 * Server-Sent Events over the realtime notices. A stream sends the current state of what it
 * shows as one event whose id is the state's digest; on every notice of its topic the state is
 * read again (once per server for all streams showing the same thing, not once per stream) and
 * sent when it changed. A reconnecting browser sends Last-Event-ID: if the state is still that one
 * nothing is sent, else the current state: nothing is lost, whatever was missed.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Realtime } from './realtime.js';

/** One state as the browser gets it: an event name and its data (one line of JSON). */
export interface StreamState {
  event: string;
  data: string;
}

export interface StreamSpec {
  /** The realtime topic whose notices mean "read again". */
  topic: string;
  /** Streams with the same key show the same state and share one read per notice. */
  key: string;
  read(): Promise<StreamState>;
}

interface Connection {
  send(id: string, state: StreamState): void;
  end(): void;
}

interface Shared {
  spec: StreamSpec;
  connections: Set<Connection>;
  last: { id: string; state: StreamState } | null;
  off: () => void;
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}

export const digestOf = (state: StreamState): string => createHash('sha256').update(state.event).update('\n').update(state.data).digest('base64url').slice(0, 22);

function frame(id: string, state: StreamState): string {
  // One data line: the JSON never holds a raw line break.
  return `id: ${id}\nevent: ${state.event}\ndata: ${state.data.replace(/\r?\n/g, ' ')}\n\n`;
}

/**
 * The streams of one server. `coalesceMs` gathers a burst of notices (the ballots of a vote) into
 * one read; `keepAliveMs` sends a comment now and then so that proxies keep the connection.
 */
export function createEventStreams(realtime: Realtime, options: { coalesceMs?: number; keepAliveMs?: number } = {}) {
  const coalesceMs = options.coalesceMs ?? 40;
  const keepAliveMs = options.keepAliveMs ?? 25_000;
  const shared = new Map<string, Shared>();
  const all = new Set<Connection>();

  async function refresh(group: Shared): Promise<void> {
    if (group.running) {
      group.again = true;
      return;
    }
    group.running = true;
    try {
      do {
        group.again = false;
        let state: StreamState;
        try {
          state = await group.spec.read();
        } catch {
          // The database is away: end the streams; the browsers reconnect and read again.
          for (const c of [...group.connections]) c.end();
          return;
        }
        const id = digestOf(state);
        group.last = { id, state };
        // Each connection skips a state it already has (its own first read may be this one).
        for (const c of group.connections) c.send(id, state);
      } while (group.again && group.connections.size > 0);
    } finally {
      group.running = false;
    }
  }

  function schedule(group: Shared): void {
    if (group.timer) return;
    group.timer = setTimeout(() => {
      group.timer = null;
      void refresh(group);
    }, coalesceMs);
  }

  function join(spec: StreamSpec, connection: Connection): () => void {
    let group = shared.get(spec.key);
    if (!group) {
      const created: Shared = { spec, connections: new Set(), last: null, off: () => {}, timer: null, running: false, again: false };
      created.off = realtime.subscribe(spec.topic, () => schedule(created));
      shared.set(spec.key, created);
      group = created;
    }
    const joined = group;
    joined.connections.add(connection);
    return () => {
      joined.connections.delete(connection);
      if (joined.connections.size === 0) {
        joined.off();
        if (joined.timer) clearTimeout(joined.timer);
        shared.delete(spec.key);
      }
    };
  }

  return {
    /** Answer the request with the event stream of `spec`. Access is checked by the caller before. */
    async serve(request: FastifyRequest, reply: FastifyReply, spec: StreamSpec): Promise<void> {
      const lastEventId = typeof request.headers['last-event-id'] === 'string' ? request.headers['last-event-id'] : undefined;
      // Join (and so listen to the topic) before reading: a change that commits while this
      // request reads is heard, and read again, not lost between the read and the join.
      await realtime.ready();
      const raw = reply.raw;
      let lastSent = lastEventId;
      let open = false;
      let ended = false;
      const connection: Connection = {
        send(id, state) {
          // Before the first state is written, a newer state is read again once the stream is open.
          if (!open || ended || id === lastSent) return;
          lastSent = id;
          raw.write(frame(id, state));
        },
        end() {
          if (ended) return;
          ended = true;
          cleanup();
          if (open) raw.end();
        },
      };
      const keepAlive = setInterval(() => open && raw.write(': \n\n'), keepAliveMs);
      const leave = join(spec, connection);
      all.add(connection);
      function cleanup() {
        clearInterval(keepAlive);
        leave();
        all.delete(connection);
      }
      // Read before answering, so that a failure here is an ordinary error page.
      let first: StreamState;
      try {
        first = await spec.read();
      } catch (error) {
        if (!ended) {
          ended = true;
          cleanup();
        }
        throw error;
      }
      const firstId = digestOf(first);
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
      });
      raw.write('retry: 2000\n\n');
      if (ended) {
        // The server began stopping during the read.
        raw.end();
        return;
      }
      open = true;
      request.raw.on('close', () => {
        if (ended) return;
        ended = true;
        cleanup();
      });
      connection.send(firstId, first);
      const group = shared.get(spec.key);
      if (group && !group.last) group.last = { id: firstId, state: first };
      // The group read another state meanwhile: which is newer is unknown, so read once more for all.
      else if (group && group.last && group.last.id !== firstId) schedule(group);
    },
    /** End every open stream (the server is stopping). */
    closeAll(): void {
      for (const c of [...all]) c.end();
    },
    /** Open streams, for tests and health. */
    count: () => all.size,
  };
}

export type EventStreams = ReturnType<typeof createEventStreams>;
