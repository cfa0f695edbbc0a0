/**
 * Public answers kept in memory, in front of the router. What a reverse proxy would keep
 * (http-cache.ts: an anonymous GET of a public route with no cookie set and no form shown) is
 * kept here too, and answered again without routing, hooks, queries or rendering, while both
 * hold:
 *
 * - **the data is the same:** the data version (platform/db/data-version.ts, the last audit
 *   entry) read when the request arrived equals the one read before the kept answer was built;
 *   every change writes an audit entry, so a change shows on the next request (on another app
 *   server, under load, within BUSY_WINDOW_MS, 100 ms);
 * - **the time is the same, to a second:** a page that depends on the time (a meeting that has
 *   begun, a posting that goes up, today's date) may be up to MAX_AGE_MS late, the promise the
 *   `Cache-Control: max-age=1` of these answers already makes to any proxy. The second is
 *   counted both on the services' clock (a test that moves it sees a new page) and on the
 *   process's monotonic clock (a clock that stands still does not keep a copy for ever).
 *
 * The key is everything the answer may depend on for an anonymous reader: the address with its
 * query, the language cookie, Accept-Language, Accept, and the host and scheme the links are made
 * from. A request that carries any other cookie of ours but the CSRF cookie (a session, a
 * one-time message) or an Authorization header, or chooses a language (`?lang=`), is never
 * answered from here; nor is anything but GET and HEAD.
 *
 * Answered from here, a request is not logged by Fastify's request logger (as nginx's cache
 * would not pass it on).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { CSRF_COOKIE } from './csrf.js';
import { LANG_COOKIE } from './session-cookie.js';
import { accelExpires, holdsCurrentCopy, isPubliclyCacheable } from './http-cache.js';

/** How long a kept answer may be late on the clock: one second, as `max-age=1`. */
export const MAX_AGE_MS = 1000;
const MAX_ENTRIES = 2000;
/** A larger answer (a long protocol, a big export) is not kept. */
const MAX_BODY_BYTES = 512 * 1024;
/** Cookies that never change an anonymous public answer's bytes (the language is in the key). */
const HARMLESS_COOKIES = new Set([LANG_COOKIE, CSRF_COOKIE]);
/** Headers of the kept answer that belong to one response only. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-accel-expires', 'set-cookie']);

interface Entry {
  version: string;
  /** The services' clock and performance.now() when the kept answer's data version was read. */
  clockAt: number;
  monotonicAt: number;
  headers: Record<string, string | string[]>;
  /** Whether the answer told nginx its own expiry (then it is told again, for this second). */
  accel: boolean;
  etag: string;
  since: Date;
  body: Buffer;
}

/** The key of a request that may be answered from memory, or null when it may not. */
export function cacheKeyOf(request: IncomingMessage): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { headers } = request;
  if (headers.authorization !== undefined) return null;
  const url = request.url ?? '/';
  if (/[?&]lang=/.test(url)) return null;
  let lang = '';
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!name) continue;
    if (name.startsWith('kansli_') && !HARMLESS_COOKIES.has(name)) return null;
    if (name === LANG_COOKIE) lang = part.slice(eq + 1).trim();
  }
  const scheme = (request.socket as TLSSocket).encrypted ? 'https' : 'http';
  return [url, lang, headers['accept-language'] ?? '', headers.accept ?? '', headers.host ?? '', headers['x-forwarded-host'] ?? '', headers['x-forwarded-proto'] ?? '', scheme].join('\u0000');
}

/** The server timeouts among Fastify's options (given to a `serverFactory`). */
export interface ServerTimeouts {
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
}

export function createResponseCache(deps: { clock: Clock; currentVersion: () => Promise<string>; monotonic?: () => number }) {
  const monotonic = deps.monotonic ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  /** For a request let through to the router: its key and the data version read on arrival. */
  const arrivals = new WeakMap<IncomingMessage, { key: string; version: string; clockAt: number; monotonicAt: number }>();

  const fresh = (entry: Entry, version: string) => {
    const age = deps.clock().getTime() - entry.clockAt;
    return entry.version === version && age >= 0 && age < MAX_AGE_MS && monotonic() - entry.monotonicAt < MAX_AGE_MS;
  };

  function answer(entry: Entry, request: IncomingMessage, response: ServerResponse): void {
    // Like nginx's X-Cache-Status: says where the answer came from (operators, tests).
    const headers: Record<string, string | string[] | number> = { ...entry.headers, 'x-kansli-cache': 'HIT' };
    if (entry.accel) headers['x-accel-expires'] = accelExpires(deps.clock());
    if (holdsCurrentCopy(request.headers, entry.etag, entry.since)) {
      response.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = entry.body.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : entry.body);
  }

  function keep(key: string, entry: Entry): void {
    if (entries.size >= MAX_ENTRIES) {
      for (const [old, kept] of entries) if (!fresh(kept, entry.version)) entries.delete(old);
      // Still full: the oldest go (a Map iterates in insertion order).
      for (const old of entries.keys()) {
        if (entries.size < MAX_ENTRIES) break;
        entries.delete(old);
      }
    }
    entries.delete(key);
    entries.set(key, entry);
  }

  return {
    /** Fastify's `serverFactory`: kept answers are sent before the router sees the request. */
    serverFactory(handler: RequestListener, options: ServerTimeouts = {}): Server {
      const server = createServer((request, response) => {
        const key = cacheKeyOf(request);
        if (key === null) return handler(request, response);
        const clockAt = deps.clock().getTime();
        const monotonicAt = monotonic();
        deps.currentVersion().then(
          (version) => {
            const entry = entries.get(key);
            if (entry && fresh(entry, version)) return answer(entry, request, response);
            arrivals.set(request, { key, version, clockAt, monotonicAt });
            handler(request, response);
          },
          () => handler(request, response),
        );
      });
      // What Fastify sets on a server it makes itself (its defaults: keep-alive 72 s): Node's own
      // 5 s keep-alive would close idle connections that a proxy or client is about to reuse.
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      return server;
    },

    /** The last onSend hook: keep a GET's answer that a shared cache may keep. */
    async store(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
      const arrival = arrivals.get(request.raw);
      if (!arrival || request.method !== 'GET' || reply.statusCode !== 200) return payload;
      if (!isPubliclyCacheable(request, reply, payload)) return payload;
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload as string);
      const etag = reply.getHeader('etag');
      const lastModified = reply.getHeader('last-modified');
      if (body.length > MAX_BODY_BYTES || typeof etag !== 'string' || typeof lastModified !== 'string') return payload;
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined && !PER_RESPONSE.has(name)) headers[name] = Array.isArray(value) ? value : String(value);
      }
      const { key, ...when } = arrival;
      keep(key, { ...when, headers, accel: reply.hasHeader('x-accel-expires'), etag, since: new Date(lastModified), body });
      return payload;
    },

    /** How many answers are kept (for tests). */
    get size() {
      return entries.size;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
