/**
 * OParl 1.1 at /oparl/v1 (entry point /oparl/v1/system). Read-only and open to anyone, with
 * `Access-Control-Allow-Origin: *` on every answer (OParl "CORS"), JSON always, also for errors.
 * One wildcard route answers every object and list: the snapshot is the router, since every
 * object's URL is its id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { DomainError, HTTP_STATUS } from '../../platform/errors.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { sha256Hex } from '../registry/file-storage.js';
import { NOT_FOUND_BODY } from './oparl.service.js';

export const OPARL_PREFIX = '/oparl/v1';
const JSON_TYPE = 'application/json; charset=utf-8';
const FILE_PATH = /^\/file\/([^/]+)\/(access|download)$/;
/** A file shown in the browser must not run anything from our origin (an uploaded HTML page, say). */
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf";

/** Absolute URLs: from KANSLI_PUBLIC_URL when set, otherwise from the request's scheme and host. */
export function oparlBase(request: FastifyRequest, publicUrl: string | undefined): string {
  const site = publicUrl ? publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
  return `${site}${OPARL_PREFIX}`;
}

function sendError(reply: FastifyReply, status: number, code: string, message: { sv: string; en: string }) {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify({ error: { code, message } }));
}

export function registerOparlRoutes(app: FastifyInstance, services: Services): void {
  const { oparl, config } = services;
  const open = { config: { action: 'public' as const } };

  for (const entry of ['/oparl', OPARL_PREFIX, `${OPARL_PREFIX}/`]) {
    app.get(entry, open, async (_request, reply) => reply.header('access-control-allow-origin', '*').redirect(`${OPARL_PREFIX}/system`));
  }

  app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('access-control-allow-origin', '*');
        return payload;
      });

      scope.setErrorHandler((error: Error, request, reply) => {
        if (error instanceof DomainError) {
          // A bad filter or page size: name each parameter and what is wrong with it.
          const details = error.fieldErrors.filter((f) => f.field !== '_');
          const message = details.length
            ? { sv: details.map((f) => `${f.field}: ${f.message.sv}`).join(' '), en: details.map((f) => `${f.field}: ${f.message.en}`).join(' ') }
            : error.userMessage;
          return sendError(reply, HTTP_STATUS[error.code], error.code, message);
        }
        request.log.error({ err: error }, 'unexpected error in OParl');
        return sendError(reply, 500, 'INTERNAL', { sv: `Ett oväntat fel inträffade (referens ${request.id}).`, en: `An unexpected error occurred (reference ${request.id}).` });
      });

      const answer = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
        const base = oparlBase(request, config.publicUrl);
        const file = FILE_PATH.exec(path);
        if (file) {
          const found = await oparl.file(request.principal, { base, fileUrl: `${base}/file/${file[1]}` });
          if (!found) return reply.code(404).type(JSON_TYPE).send(NOT_FOUND_BODY);
          // Stored files never change: their SHA-256 is the ETag.
          const etag = `"${sha256Hex(found.bytes)}"`;
          reply.header('content-type', found.mimeType).header('cache-control', 'no-cache').header('etag', etag);
          if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) return reply.code(304).send();
          // OParl "Dateizugriffe": the download URL names the file as an attachment; the access URL must not.
          if (file[2] === 'download') reply.header('content-disposition', attachmentHeader(found.fileName));
          else reply.header('content-security-policy', FILE_CSP);
          return reply.send(found.bytes);
        }
        const result = await oparl.answer(request.principal, { base, path, query: request.query as Record<string, unknown> });
        // Cache-Control, ETag and 304 as for every public page (platform/http/http-cache.ts).
        return reply.code(result.status).type(JSON_TYPE).send(result.body);
      };

      scope.get('/system', open, (request, reply) => answer(request, reply, '/system'));
      scope.get('/*', open, (request, reply) => answer(request, reply, `/${(request.params as { '*': string })['*']}`));
    },
    { prefix: OPARL_PREFIX },
  );
}
