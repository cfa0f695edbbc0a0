import type { FastifyRequest } from 'fastify';
import { assertFileSize } from '../../features/registry/files/file-types.js';
import { DomainError } from '../errors.js';
import { CSRF_COOKIE, sameToken } from './app.js';
import { hasNulByte, NUL_BYTE_ERROR } from './nul-guard.js';
import { CSRF_MESSAGE } from './error-pages.js';

/** A refused upload that still carries the form's other fields, so that nothing typed is lost. */
export class MultipartFormError extends DomainError {
  constructor(
    cause: DomainError,
    readonly fields: Record<string, string>,
  ) {
    super(cause.code, { message: cause.message, userMessage: cause.userMessage, fieldErrors: [{ field: 'file', message: cause.userMessage }] });
  }
}

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
  let oversize = 0;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 50 } })) {
    if (part.type === 'file') {
      if (!request.viaApiToken && !csrfOk(request, fields._csrf)) throw new DomainError('CSRF', { userMessage: CSRF_MESSAGE });
      if (hasNulByte(part.filename)) throw NUL_BYTE_ERROR();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      if (part.file.truncated) oversize = size + 1;
      else if (part.filename && size > 0) file = { filename: part.filename, bytes: Buffer.concat(chunks) };
    } else if (typeof part.value === 'string') {
      if (hasNulByte(part.value) || hasNulByte(part.fieldname)) throw NUL_BYTE_ERROR();
      fields[part.fieldname] = part.value;
    }
  }
  if (!request.viaApiToken && !csrfOk(request, fields._csrf)) throw new DomainError('CSRF', { userMessage: CSRF_MESSAGE });
  delete fields._csrf;
  if (oversize) {
    try {
      assertFileSize({ size: oversize, maxBytes });
    } catch (error) {
      throw error instanceof DomainError ? new MultipartFormError(error, fields) : error;
    }
  }
  return { fields, file };
}

function csrfOk(request: FastifyRequest, field: string | undefined): boolean {
  const header = request.headers['x-csrf-token'];
  return sameToken(field ?? (typeof header === 'string' ? header : undefined), request.cookies[CSRF_COOKIE]);
}
