/**
 * HTTP caching of public answers. An anonymous GET of a public route that sets no cookie and
 * shows no form (so no CSRF token is in it) is the same for every visitor of that language:
 * it gets an `ETag`, a `Last-Modified` and `Cache-Control: public, max-age=1`, so that a
 * reverse proxy (docs/nginx-kansli.conf) may keep it for a second and then revalidate it, and a
 * matching `If-None-Match` (or, without one, `If-Modified-Since`) is answered 304 with no body.
 * nginx counts a max-age in whole seconds from the start of the current one (`max-age=1` keeps
 * a copy for one to two seconds), so the answer also says `X-Accel-Expires: @<this second>`:
 * nginx keeps the copy to the end of the second it got it in, and a change shows within one.
 * Everything else that names no policy of its own gets `private, no-store`: a signed-in page,
 * a page with a form, a one-time message, an error.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { systemClock, type Clock } from '../clock.js';

/** A second in a shared cache, then a revalidation (a 304 when nothing changed). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=1, must-revalidate';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** The language of a public page comes from the language cookie or the browser's header. */
const PUBLIC_VARY = 'Accept-Language, Cookie';
const MAX_REMEMBERED = 10_000;

interface Representation {
  etag: string;
  /** When this process first answered this URL (in this language) with this ETag, whole seconds. */
  since: Date;
}

/** May a shared cache keep this answer? */
export function isPubliclyCacheable(request: FastifyRequest, reply: FastifyReply, payload: unknown): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (reply.statusCode !== 200) return false;
  if ((request.routeOptions.config.action ?? 'public') !== 'public') return false;
  if (request.principal || request.sessionToken || request.headers.authorization) return false;
  if (request.csrfTokenShown || reply.hasHeader('set-cookie')) return false;
  const own = reply.getHeader('cache-control');
  if (own !== undefined && !String(own).startsWith('public')) return false;
  return typeof payload === 'string' || Buffer.isBuffer(payload);
}

function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`;
}

/** RFC 9110 13.1.2: a weak comparison against each tag of the header, or `*`. */
function noneMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Does the client hold this representation already (If-None-Match, or without one If-Modified-Since)? */
export function holdsCurrentCopy(headers: IncomingHttpHeaders, etag: string, since: Date): boolean {
  const ifNoneMatch = headers['if-none-match'];
  const ifModifiedSince = headers['if-modified-since'];
  return ifNoneMatch !== undefined ? noneMatches(ifNoneMatch, etag) : ifModifiedSince !== undefined && since.getTime() <= Date.parse(ifModifiedSince);
}

/** nginx's own expiry (it prefers this to Cache-Control and does not pass it on): the end of this second. */
export const accelExpires = (now: Date) => `@${Math.floor(now.getTime() / 1000)}`;

/**
 * The onSend hook: validators and Cache-Control on every answer, 304 for a current copy.
 * The time (the `Last-Modified` of a new representation, nginx's `X-Accel-Expires`) is the
 * services' clock, read once per cacheable answer, like everywhere else in the app.
 */
export function createHttpCache(clock: Clock = systemClock) {
  const seen = new Map<string, Representation>();

  function representation(key: string, etag: string, now: Date): Representation {
    const known = seen.get(key);
    if (known?.etag === etag) return known;
    if (seen.size >= MAX_REMEMBERED) seen.clear();
    const fresh = { etag, since: new Date(Math.floor(now.getTime() / 1000) * 1000) };
    seen.set(key, fresh);
    return fresh;
  }

  return async function httpCache(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    if (!isPubliclyCacheable(request, reply, payload)) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      return payload;
    }
    // A route that knows its representation's identity (a stored file's SHA-256) names it itself.
    const named = reply.getHeader('etag');
    const now = clock();
    const { etag, since } = representation(`${request.locale}|${request.url}`, named ? String(named) : etagOf(payload as string | Buffer), now);
    if (!reply.hasHeader('cache-control')) {
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      // For nginx only (it prefers this to Cache-Control and does not pass it on): keep the copy to the end of this second.
      reply.header('x-accel-expires', accelExpires(now));
    }
    reply.header('etag', etag).header('last-modified', since.toUTCString()).header('vary', PUBLIC_VARY);
    if (!holdsCurrentCopy(request.headers, etag, since)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  };
}
