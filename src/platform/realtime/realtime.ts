/**
 * Real time: "something changed on this topic" (a topic is e.g. one meeting), told to every
 * listener in every app server. In one process (PGlite) an in-process hub; with PostgreSQL
 * (DATABASE_URL) each server LISTENs on one channel and a publish is a NOTIFY, so several app
 * servers on one database share the events. A notice carries no state: a listener reads the
 * current state from the database, so a notice lost (a dropped connection, a restart) loses
 * nothing; the next notice, or a reconnecting reader, gets the whole current state.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';

/** The PostgreSQL channel every Kansli server listens on. */
export const REALTIME_CHANNEL = 'kansli_live';

/** A listener: `topic` changed. `resync` = the connection to the other servers was lost and is back: reread everything. */
export type RealtimeListener = (topic: string, resync: boolean) => void;

export interface Realtime {
  readonly kind: 'in-process' | 'postgres';
  /** Tell every server's listeners of `topic` that it changed; call after the transaction committed. */
  publish(topic: string): Promise<void>;
  /** Listen to one topic; returns the function that stops listening. */
  subscribe(topic: string, listener: RealtimeListener): () => void;
  /** Resolves once the server listens (PostgreSQL), so that no publish after it is missed. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_TOPIC = 200;

function checkTopic(topic: string): void {
  if (topic.length === 0 || topic.length > MAX_TOPIC || !/^[\w:.-]+$/.test(topic)) throw new Error(`bad realtime topic: ${topic}`);
}

/** The hub of one process: topics to listeners. */
function createHub() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const ALL = '*';
  return {
    emit(topic: string, resync = false) {
      emitter.emit(topic, topic, resync);
    },
    resyncAll() {
      emitter.emit(ALL, '', true);
    },
    on(topic: string, listener: RealtimeListener): () => void {
      const all: RealtimeListener = (_t, resync) => listener(topic, resync);
      emitter.on(topic, listener);
      emitter.on(ALL, all);
      return () => {
        emitter.off(topic, listener);
        emitter.off(ALL, all);
      };
    },
    count: () => emitter.eventNames().reduce((n, name) => n + (name === ALL ? 0 : emitter.listenerCount(name)), 0),
  };
}

export function createInProcessRealtime(): Realtime {
  const hub = createHub();
  return {
    kind: 'in-process',
    async publish(topic) {
      checkTopic(topic);
      // After the caller's await: listeners never run inside the publisher's stack.
      queueMicrotask(() => hub.emit(topic));
    },
    subscribe(topic, listener) {
      checkTopic(topic);
      return hub.on(topic, listener);
    },
    ready: async () => {},
    close: async () => {},
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY. One dedicated connection per server listens, opened at the first
 * subscription; if it drops it is opened again (after 0.5 s, then up to 10 s between tries) and
 * every listener is told to resync. Publishing uses a small pool of its own.
 */
export function createPostgresRealtime(connectionString: string): Realtime {
  const hub = createHub();
  const pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {});
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let delay = 500;
  let everConnected = false;
  let retry: NodeJS.Timeout | null = null;

  function connect(): Promise<void> {
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
      next.on('notification', (message) => {
        if (message.channel === REALTIME_CHANNEL && message.payload) hub.emit(message.payload);
      });
      const lost = () => {
        if (client !== next) return;
        client = null;
        connecting = null;
        next.removeAllListeners('notification');
        void next.end().catch(() => {});
        scheduleReconnect();
      };
      next.on('error', lost);
      next.on('end', lost);
      try {
        await next.connect();
        await next.query(`LISTEN ${REALTIME_CHANNEL}`);
      } catch (error) {
        connecting = null;
        void next.end().catch(() => {});
        scheduleReconnect();
        throw error;
      }
      if (closed) {
        await next.end().catch(() => {});
        return;
      }
      client = next;
      delay = 500;
      // Whatever was published while this server did not listen: every reader reloads the current state.
      if (everConnected) hub.resyncAll();
      everConnected = true;
    })();
    return connecting;
  }

  function scheduleReconnect(): void {
    if (closed || retry || hub.count() === 0) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => {});
    }, delay);
    delay = Math.min(delay * 2, 10_000);
  }

  return {
    kind: 'postgres',
    async publish(topic) {
      checkTopic(topic);
      await pool.query('SELECT pg_notify($1, $2)', [REALTIME_CHANNEL, topic]);
    },
    subscribe(topic, listener) {
      checkTopic(topic);
      const off = hub.on(topic, listener);
      if (!client) connect().catch(() => {});
      return off;
    },
    ready: () => (client ? Promise.resolve() : connect()),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const listening = client;
      client = null;
      await listening?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** PostgreSQL NOTIFY when the server runs on PostgreSQL, else the in-process hub. */
export function createRealtime(options: { databaseUrl?: string | undefined }): Realtime {
  return options.databaseUrl ? createPostgresRealtime(options.databaseUrl) : createInProcessRealtime();
}
