import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LIST_FILTER_JS_PATH } from '../views/list-filter.js';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Config } from '../config/config.js';
import type { Clock } from '../clock.js';
import { holdsRoleAnywhere, isAction, type Action, type Principal } from '../auth/policy.js';
import { FLASH_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './session-cookie.js';
import { pickLocale, translator, type Locale } from '../i18n/i18n.js';
import type { ViewContext } from '../views/context.js';
import { swedishDate } from '../clock.js';
import { handleError, refererPath, renderNotFound } from './error-handler.js';
import { isApiRequest } from './api-request.js';
import { navigationFor, type NavigationItem } from './navigation.js';
import { CSRF_MESSAGE, csrfPage, forbiddenPage } from './error-pages.js';
import { registerPublicOutputMask } from './public-output-mask.js';
import { registerNulGuard } from './nul-guard.js';
import { createHttpCache } from './http-cache.js';
import { createResponseCache } from './response-cache.js';
import { createDataVersionReader } from '../db/data-version.js';
import type { Db } from '../db/database.js';
import { CSRF_COOKIE, sameToken } from './csrf.js';
import { multipartCsrfOk } from './multipart.js';

export { CSRF_COOKIE, sameToken };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; every route must name one. */
    action?: Action;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** True when the request authenticated with an API token (no cookies, no CSRF). */
    viaApiToken: boolean;
    sessionToken: string | undefined;
    locale: Locale;
    /** The visitor's CSRF token; empty until a form needs one (see `viewContext().csrfToken`). */
    csrfToken: string;
    /** True once a page showed the token in a form: such a page is never cached for others. */
    csrfTokenShown: boolean;
    /** Mints the CSRF cookie if there is none and returns the token, for a form being rendered. */
    issueCsrfToken: (() => string) | null;
    flash: string | undefined;
    viewContext(): ViewContext;
  }
  interface FastifyReply {
    page(vnode: VNode): FastifyReply;
  }
  interface FastifyInstance {
    /** Every route with its policy action, for the route × role test. */
    kansliRoutes: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  action: Action;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Scripts only from our own origin (no inline scripts); nobody may frame our pages. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const CSS = readFileSync(new URL('./assets/app.css', import.meta.url));
/** The filter box for long lists of checkboxes (assets/list-filter.js); any page may use it. */
const LIST_FILTER_JS = readFileSync(new URL('./assets/list-filter.js', import.meta.url));

/**
 * What the platform's HTTP layer needs from the services: its settings, the clock, and sessions.
 * The application's full set of services (src/services.ts) satisfies it; the platform never sees
 * a feature.
 */
export interface AppServices {
  config: Pick<Config, 'logLevel' | 'trustProxy' | 'maxFileBytes' | 'secureCookies'>;
  clock: Clock;
  /** Read for the data version, which tells whether a kept public answer is still current. */
  database: { db: Db };
  auth: {
    resolveApiToken(token: string): Promise<Principal | null>;
    resolveSession(token: string | undefined): Promise<{ principal: Principal; verified: boolean; locale: Locale } | null>;
    isSetupNeeded(): Promise<boolean>;
  };
  /** Milliseconds on a clock that only moves forward (performance.now unless a test stands it still). */
  monotonicClock?: () => number;
  /**
   * Work done once the server listens, after its first answer (or WARM_UP_DELAY_MS after listening
   * when no request comes): what a later request would otherwise wait for.
   */
  warmUp?(): Promise<void>;
}

function noFastifySchemas(): never {
  throw new Error('Kansli parses input with zod: Fastify route schemas are not used (platform/http/app.ts).');
}

/** How long after listening the warm-up starts when no request has come (milliseconds). */
export const WARM_UP_DELAY_MS = 1000;

/**
 * The warm-up runs once, after the first answer has been sent or WARM_UP_DELAY_MS after the server
 * listens, whichever comes first: its synchronous work (loading and compiling the PDF code) would
 * otherwise hold the first request, which arrives moments after listening. A warm-up that fails
 * is logged; the server serves on.
 */
function scheduleWarmUp(app: FastifyInstance, warmUp: () => Promise<void>): void {
  // Injected requests (tests, the CLI) never listen and never warm up.
  let listening = false;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    setImmediate(() => warmUp().catch((error: unknown) => app.log.warn({ err: error }, 'warm-up failed')));
  };
  app.addHook('onListen', (done) => {
    listening = true;
    timer = setTimeout(start, WARM_UP_DELAY_MS).unref();
    done();
  });
  app.addHook('onResponse', (_request, _reply, done) => {
    if (listening && !started) start();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearTimeout(timer);
    done();
  });
}

/** A feature's routes, registered with the services the application built. */
export type RegisterRoutes<S extends AppServices = AppServices> = (app: FastifyInstance, services: S) => void;

/** What the features hand the platform: their routes and their main-menu entries, in order. */
export interface AppParts<S extends AppServices> {
  routes: readonly RegisterRoutes<S>[];
  navigation: readonly NavigationItem[];
}


export function cookieOptions(request: FastifyRequest, services: Pick<AppServices, 'config'>, maxAgeSeconds?: number) {
  const secure = services.config.secureCookies === 'auto' ? request.protocol === 'https' : services.config.secureCookies;
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

/** Show a one-time message on the next page (after a redirect). */
export function setFlash(reply: FastifyReply, request: FastifyRequest, services: Pick<AppServices, 'config'>, message: string): void {
  reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), cookieOptions(request, services, 60));
}

/** Build the Fastify app from the services; production and tests use this same function. */
export function buildApp<S extends AppServices>(services: S, parts: AppParts<S>): FastifyInstance {
  // Public answers a proxy could keep are kept in memory too and sent before the router (response-cache.ts).
  const responseCache = createResponseCache({ clock: services.clock, currentVersion: createDataVersionReader(services.database.db), ...(services.monotonicClock ? { monotonic: services.monotonicClock } : {}) });
  const app = Fastify({
    serverFactory: (handler, options) => responseCache.serverFactory(handler, options),
    logger: services.config.logLevel === 'silent' ? false : { level: services.config.logLevel },
    trustProxy: services.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => randomBytes(6).toString('hex'),
    // Input is parsed with zod in the routes; no route declares a Fastify JSON schema. Without
    // these, Fastify loads Ajv and fast-json-stringify (about 100 modules) at every start.
    schemaController: { compilersFactory: { buildValidator: noFastifySchemas, buildSerializer: noFastifySchemas } },
  });

  if (services.warmUp) scheduleWarmUp(app, services.warmUp);
  app.register(cookie);
  app.register(formbody);
  // Files are read as streams by readMultipartForm; the body limit does not apply to them.
  app.register(multipart, { limits: { fileSize: services.config.maxFileBytes }, throwFileSizeLimit: false });

  app.decorateRequest('principal', null);
  app.decorateRequest('viaApiToken', false);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('locale', 'sv');
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('csrfTokenShown', false);
  app.decorateRequest('issueCsrfToken', null);
  app.decorateRequest('flash', undefined);
  const viewContextOf = (request: FastifyRequest): ViewContext => {
    const t = translator(request.locale);
    const [path = '/', search = ''] = request.url.split('?');
    return {
      locale: request.locale,
      t,
      principal: request.principal,
      // Read only by a form: an anonymous page without one sets no cookie and stays cacheable.
      get csrfToken() {
        request.csrfTokenShown = true;
        return request.issueCsrfToken?.() ?? request.csrfToken;
      },
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      flash: request.flash,
      today: swedishDate(services.clock()),
      nav: navigationFor(parts.navigation, request.principal, t),
    };
  };
  app.decorateRequest('viewContext', function (this: FastifyRequest): ViewContext {
    return viewContextOf(this);
  });
  app.decorateReply('page', function (this: FastifyReply, vnode: VNode) {
    return this.type('text/html; charset=utf-8').send(`<!doctype html>${render(vnode)}`);
  });

  // Every route names its policy action, so the route × role test can walk them all.
  const routes: RouteEntry[] = [];
  app.decorate('kansliRoutes', routes);
  app.addHook('onRoute', (route) => {
    const action = route.config?.action;
    if (!action || !isAction(action)) throw new Error(`Route ${route.method} ${route.url} names no policy action`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, action });
  });

  let setupDone = false;
  app.addHook('preHandler', async (request, reply) => {
    const { auth } = services;
    // Language: ?lang= sets it; then the cookie; then the user's choice; then the browser's.
    const query = request.query as Record<string, unknown>;
    const chosen = pickLocale(query.lang);
    if (chosen) reply.setCookie(LANG_COOKIE, chosen, cookieOptions(request, services, 365 * 86400));
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.principal = await auth.resolveApiToken(header.slice(7).trim());
      request.viaApiToken = true;
      if (!request.principal) {
        return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: { sv: 'Ogiltig API-nyckel.', en: 'Invalid API token.' } } });
      }
    } else {
      request.sessionToken = request.cookies[SESSION_COOKIE];
      const session = await auth.resolveSession(request.sessionToken);
      if (session?.verified) request.principal = session.principal;
      request.locale = chosen ?? pickLocale(request.cookies[LANG_COOKIE]) ?? session?.locale ?? acceptLanguage(request);
    }
    if (chosen) request.locale = chosen;

    if (!request.viaApiToken) {
      request.csrfToken = request.cookies[CSRF_COOKIE] ?? '';
      request.issueCsrfToken = () => {
        if (!request.csrfToken) {
          request.csrfToken = randomBytes(24).toString('base64url');
          reply.setCookie(CSRF_COOKIE, request.csrfToken, cookieOptions(request, services));
        }
        return request.csrfToken;
      };
      const flash = request.cookies[FLASH_COOKIE];
      if (flash && request.method === 'GET') {
        request.flash = decodeURIComponent(flash);
        reply.clearCookie(FLASH_COOKIE, { path: '/' });
      }
      // Every unsafe request, multipart too: a multipart form's fields before its first file are read
      // here (multipart.ts), so a route that never reads the form is covered as well.
      // Without a session cookie an API call has nothing a forged request could ride on: it gets 401 below.
      const cookieless = isApiRequest(request) && !request.sessionToken;
      if (UNSAFE.has(request.method) && !cookieless) {
        const ok = request.isMultipart() ? await multipartCsrfOk(request, services.config.maxFileBytes) : formCsrfOk(request);
        if (!ok) {
          return isApiRequest(request)
            ? reply.code(403).send({ error: { code: 'CSRF', message: CSRF_MESSAGE } })
            : reply.code(403).page(csrfPage(request.viewContext(), refererPath(request)));
        }
      }
    }

    const action = request.routeOptions.config.action ?? 'public';
    if (!setupDone && !request.url.startsWith('/static/') && action !== 'public') {
      setupDone = !(await auth.isSetupNeeded());
      if (!setupDone) return isApiRequest(request) ? reply.code(503).send({ error: { code: 'SETUP_REQUIRED' } }) : reply.redirect('/installera');
    }
    if (holdsRoleAnywhere(request.principal, action)) return;
    if (!request.principal) {
      if (isApiRequest(request)) {
        return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: { sv: 'Logga in först.', en: 'Sign in first.' } } });
      }
      return reply.redirect(`/logga-in?next=${encodeURIComponent(request.url)}`);
    }
    return reply.code(403).send(await handleForbidden(request, reply));
  });

  // Security headers on every answer; a route that must be framed (an embeddable fragment)
  // sets its own Content-Security-Policy first, and that one is kept.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
    }
    reply.header('x-content-type-options', 'nosniff');
    // A page with a one-time token in its address sets a stricter policy of its own.
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });

  registerPublicOutputMask(app);
  registerNulGuard(app);
  // After the mask: the ETag is computed over the bytes that are actually sent.
  app.addHook('onSend', createHttpCache(services.clock));
  // Last: what is kept is exactly what was sent, validators included.
  app.addHook('onSend', responseCache.store);

  app.setErrorHandler((error: Error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => renderNotFound(request, reply));

  app.get('/static/app.css', { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );
  app.get(LIST_FILTER_JS_PATH, { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LIST_FILTER_JS),
  );

  for (const register of parts.routes) register(app, services);
  return app;
}

/** An urlencoded or JSON body: the token as the `_csrf` field or the X-CSRF-Token header. */
function formCsrfOk(request: FastifyRequest): boolean {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const sent = typeof body._csrf === 'string' ? body._csrf : request.headers['x-csrf-token'];
  return sameToken(typeof sent === 'string' ? sent : undefined, request.cookies[CSRF_COOKIE]);
}

function acceptLanguage(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'sv';
}

async function handleForbidden(request: FastifyRequest, reply: FastifyReply) {
  if (isApiRequest(request)) {
    return { error: { code: 'FORBIDDEN', message: { sv: 'Du har inte behörighet till det här.', en: 'You are not allowed to do this.' } } };
  }
  reply.type('text/html; charset=utf-8');
  return `<!doctype html>${render(forbiddenPage(request.viewContext()))}`;
}
