import type { FastifyRequest } from 'fastify';
import { DomainError, type UserMessage } from '../../platform/errors.js';
import { formBody } from '../../platform/http/forms.js';
import { readMultipartForm, type MultipartForm } from '../../platform/http/multipart.js';
import { idParam } from '../../platform/http/params.js';

export { idParam };

/** HTTP helpers shared by the registry's routes. */


export const slugParam = (request: FastifyRequest) => (request.params as { slug: string }).slug;

/** Refused input shown at the form's file field. */
export const fileError = (message: UserMessage) => new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'file', message }] });

/**
 * A refusal that names no field is about the file (its type or size): show it at the file input,
 * so that the error summary links to it.
 */
export async function onFileField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID_INPUT' && error.fieldErrors.length === 0) throw fileError(error.userMessage);
    throw error;
  }
}

/**
 * A form that may carry a file: multipart as the browser sends it (CSRF checked before the file
 * is read), or urlencoded (CSRF already checked by the app) when there is no file input.
 */
export async function readForm(request: FastifyRequest, maxFileBytes: number): Promise<MultipartForm> {
  if (!request.isMultipart()) return { fields: formBody(request) };
  return onFileField(() => readMultipartForm(request, maxFileBytes));
}

/** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 8187). */
export function attachmentHeader(filename: string): string {
  const name = filename.split(/[\\/]/).pop() || 'fil';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
