import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, HTTP_STATUS } from '../errors.js';
import { isApiRequest } from './api-request.js';
import { ErrorPage } from './error-pages.js';

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
        title: status === 404 ? ctx.t('error.notFound') : status === 403 ? ctx.t('error.forbidden') : ctx.t('error.title'),
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
    return reply.code(fastifyStatus).page(ErrorPage({ ctx, title: ctx.t('error.title'), message: message[ctx.locale], back: refererPath(request) }));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    const message = { sv: 'Databasen svarar inte just nu. Försök igen om en stund.', en: 'The database is not answering right now. Try again in a moment.' };
    reply.header('retry-after', '5');
    if (api) return reply.code(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message } });
    const ctx = request.viewContext();
    return reply.code(503).page(ErrorPage({ ctx, title: ctx.t('error.title'), message: message[ctx.locale] }));
  }
  request.log.error({ err: error }, 'unexpected error');
  const ref = String(request.id);
  if (api) {
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: { sv: `Ett oväntat fel inträffade (referens ${ref}).`, en: `An unexpected error occurred (reference ${ref}).` } },
    });
  }
  const ctx = request.viewContext();
  return reply.code(500).page(ErrorPage({ ctx, title: ctx.t('error.title'), message: ctx.t('error.server', { ref }) }));
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
