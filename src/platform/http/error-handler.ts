import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, HTTP_STATUS } from '../errors.js';
import { isApiRequest } from './api-request.js';
import { ErrorPage } from './error-pages.js';
import type { ViewContext } from '../views/context.js';

/** Connection-level failures: the database is away, not our bug. Answer 503. */
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Same-site page the user came from, for a way back. */
export function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

/** The heading of the error page for a status: what happened, in words (never a bare "Något gick fel"). */
export function errorTitle(ctx: Pick<ViewContext, 't'>, status: number, code?: string): string {
  if (code === 'CSRF') return ctx.t('error.csrfTitle');
  if (status === 404) return ctx.t('error.notFound');
  if (status === 403) return ctx.t('error.forbidden');
  if (status === 401) return ctx.t('error.signInTitle');
  if (status === 409) return ctx.t('error.conflictTitle');
  if (status === 429) return ctx.t('error.rateLimitedTitle');
  if (status === 503) return ctx.t('error.unavailableTitle');
  if (status >= 500) return ctx.t('error.serverTitle');
  if (status === 400 || status === 422) return ctx.t('error.invalidTitle');
  return ctx.t('error.badRequestTitle');
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const api = isApiRequest(request);
  if (error instanceof DomainError) {
    if (error.code === 'UNAUTHENTICATED' && !api && request.method === 'GET') {
      return reply.redirect(`/logga-in?next=${encodeURIComponent(request.url)}`);
    }
    const status = HTTP_STATUS[error.code];
    if (api) {
      return reply.code(status).send({
        error: { code: error.code, message: error.userMessage, fields: error.fieldErrors.map((f) => ({ field: f.field, message: f.message })) },
      });
    }
    const ctx = request.viewContext();
    return reply.code(status).page(
      ErrorPage({
        ctx,
        title: errorTitle(ctx, status, error.code),
        message: error.userMessage[ctx.locale],
        details: error.fieldErrors.map((f) => (f.field !== '_' ? `${f.field}: ${f.message[ctx.locale]}` : f.message[ctx.locale])),
        back: refererPath(request),
      }),
    );
  }
  const fastifyStatus = (error as FastifyError).statusCode;
  if (fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500) {
    const message = {
      sv: `Begäran kunde inte tas emot (${fastifyStatus}). Kontrollera uppgifterna och försök igen.`,
      en: `The request could not be accepted (${fastifyStatus}). Check the input and try again.`,
    };
    if (api) return reply.code(fastifyStatus).send({ error: { code: 'BAD_REQUEST', message } });
    const ctx = request.viewContext();
    return reply.code(fastifyStatus).page(ErrorPage({ ctx, title: ctx.t('error.badRequestTitle'), message: message[ctx.locale], back: refererPath(request) }));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    const message = { sv: 'Databasen svarar inte just nu. Försök igen om en stund.', en: 'The database is not answering right now. Try again in a moment.' };
    reply.header('retry-after', '5');
    if (api) return reply.code(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message } });
    const ctx = request.viewContext();
    return reply.code(503).page(ErrorPage({ ctx, title: ctx.t('error.unavailableTitle'), message: message[ctx.locale], back: refererPath(request) }));
  }
  request.log.error({ err: error }, 'unexpected error');
  const ref = String(request.id);
  if (api) {
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: { sv: `Ett oväntat fel inträffade (referens ${ref}).`, en: `An unexpected error occurred (reference ${ref}).` } },
    });
  }
  const ctx = request.viewContext();
  return reply.code(500).page(ErrorPage({ ctx, title: ctx.t('error.serverTitle'), message: ctx.t('error.server', { ref }), back: refererPath(request) }));
}

export function renderNotFound(request: FastifyRequest, reply: FastifyReply) {
  if (isApiRequest(request)) {
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: { sv: 'Finns inte.', en: 'Not found.' } } });
  }
  const ctx = request.viewContext();
  return reply.code(404).page(
    ErrorPage({ ctx, title: ctx.t('error.notFound'), message: ctx.t('error.notFoundText'), back: refererPath(request) }),
  );
}
