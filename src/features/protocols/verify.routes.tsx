import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { readMultipartForm } from '../../platform/http/multipart.js';
import { InvalidDigestError, type VerifyResult } from './verify.service.js';
import { VerifyPage } from './verify.pages.js';

/**
 * `/verifiera`, open to anyone: is this PDF, or this check value, a final protocol — and who
 * signed it? A GET with ?sha256= answers a link printed or shared with the value.
 */
export function registerVerifyRoutes(app: FastifyInstance, services: Services): void {
  const { verify } = services;
  const open = { config: { action: 'public' as const } };

  app.get('/verifiera', open, async (request, reply) => {
    const ctx = request.viewContext();
    const value = ctx.query.sha256?.trim();
    if (!value) return reply.page(<VerifyPage ctx={ctx} />);
    try {
      return reply.page(<VerifyPage ctx={ctx} value={value} result={await verify.verifyValue(value)} />);
    } catch (error) {
      if (!(error instanceof InvalidDigestError)) throw error;
      return reply.code(422).page(<VerifyPage ctx={ctx} value={value} error={ctx.t('verify.invalid')} />);
    }
  });

  app.post('/verifiera', open, async (request, reply) => {
    const ctx = request.viewContext();
    let value: string;
    let file: Buffer | undefined;
    if (request.isMultipart()) {
      const form = await readMultipartForm(request, services.config.maxFileBytes);
      value = form.fields.sha256?.trim() ?? '';
      file = form.file?.bytes;
    } else {
      const body = (request.body ?? {}) as Record<string, unknown>;
      value = typeof body.sha256 === 'string' ? body.sha256.trim() : '';
    }
    let result: VerifyResult;
    if (file) result = await verify.verifyFile(file);
    else if (value) {
      try {
        result = await verify.verifyValue(value);
      } catch (error) {
        if (!(error instanceof InvalidDigestError)) throw error;
        return reply.code(422).page(<VerifyPage ctx={ctx} value={value} error={ctx.t('verify.invalid')} />);
      }
    } else return reply.code(422).page(<VerifyPage ctx={ctx} error={ctx.t('verify.missing')} />);
    return reply.page(<VerifyPage ctx={ctx} value={file ? '' : value} result={result} />);
  });
}
