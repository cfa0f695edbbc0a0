import type { FastifyRequest } from 'fastify';
import { assertFileSize } from '../../features/registry/files/file-types.js';
import { DomainError } from '../errors.js';
import { CSRF_COOKIE, sameToken } from './app.js';
import { CSRF_MESSAGE } from './error-pages.js';

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { filename: string; bytes: Buffer } | undefined;
}

/**
 * Read a multipart form (fields and at most one file). The CSRF token must come as a field
 * before the file (PostForm puts it first) or as the X-CSRF-Token header; a file over the limit
 * is refused with the same message as everywhere else, never a bare 413.
 */
export async function readMultipartForm(request: FastifyRequest, maxBytes: number): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let file: MultipartForm['file'];
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 50 } })) {
    if (part.type === 'file') {
      if (!request.viaApiToken && !csrfOk(request, fields._csrf)) throw new DomainError('CSRF', { userMessage: CSRF_MESSAGE });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      if (part.file.truncated) assertFileSize({ size: size + 1, maxBytes });
      if (part.filename && size > 0) file = { filename: part.filename, bytes: Buffer.concat(chunks) };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!request.viaApiToken && !csrfOk(request, fields._csrf)) throw new DomainError('CSRF', { userMessage: CSRF_MESSAGE });
  delete fields._csrf;
  return { fields, file };
}

function csrfOk(request: FastifyRequest, field: string | undefined): boolean {
  const header = request.headers['x-csrf-token'];
  return sameToken(field ?? (typeof header === 'string' ? header : undefined), request.cookies[CSRF_COOKIE]);
}
