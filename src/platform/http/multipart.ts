import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { assertFileSize } from './file-size.js';
import { DomainError } from '../errors.js';
import { CSRF_COOKIE, sameToken } from './csrf.js';
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

/** A multipart body whose leading fields the platform has read already (for the CSRF check). */
interface OpenedForm {
  parts: AsyncIterator<Multipart>;
  fields: Record<string, string>;
  firstFile: Multipart | undefined;
}

const opened = new WeakMap<FastifyRequest, OpenedForm>();

const partsOf = (request: FastifyRequest, maxBytes: number) => request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 50 } })[Symbol.asyncIterator]();

/**
 * The platform's CSRF check of a multipart request, run by app.ts for every unsafe request before
 * the route: reads the fields up to the first file and looks for the token among them (PostForm
 * puts it first) or in the X-CSRF-Token header. A route that takes no file, and never reads the
 * body, is covered all the same; a route that does reads on with readMultipartForm.
 */
export async function multipartCsrfOk(request: FastifyRequest, maxBytes: number): Promise<boolean> {
  const parts = partsOf(request, maxBytes);
  const fields: Record<string, string> = {};
  let firstFile: Multipart | undefined;
  for (;;) {
    const step = await parts.next();
    if (step.done) break;
    if (step.value.type === 'file') {
      firstFile = step.value;
      break;
    }
    if (typeof step.value.value === 'string') fields[step.value.fieldname] = step.value.value;
  }
  opened.set(request, { parts, fields, firstFile });
  const ok = csrfOk(request, fields._csrf);
  // A refused upload is drained, not read.
  if (!ok && firstFile?.type === 'file') firstFile.file.resume();
  return ok;
}

async function* remainingParts(form: OpenedForm): AsyncGenerator<Multipart> {
  if (form.firstFile) yield form.firstFile;
  for (;;) {
    const step = await form.parts.next();
    if (step.done) return;
    yield step.value;
  }
}

/**
 * Read a multipart form (fields and at most one file). The CSRF token must come as a field
 * before the file (PostForm puts it first) or as the X-CSRF-Token header; a file over the limit
 * is refused with the same message as everywhere else, never a bare 413.
 */
export async function readMultipartForm(request: FastifyRequest, maxBytes: number): Promise<MultipartForm> {
  const form = opened.get(request) ?? { parts: partsOf(request, maxBytes), fields: {}, firstFile: undefined };
  opened.delete(request);
  const fields: Record<string, string> = { ...form.fields };
  let file: MultipartForm['file'];
  let oversize = 0;
  for await (const part of remainingParts(form)) {
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
