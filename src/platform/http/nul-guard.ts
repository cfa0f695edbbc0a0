import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.js';

/**
 * PostgreSQL refuses U+0000 in text, so a NUL byte in any field would end as a 500 deep in a
 * service. It is never a character anyone means to type: every request that carries one — in the
 * form or JSON body, the query or the path — is refused whole, before any route runs, with 400.
 */
export function hasNulByte(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, inner] of Object.entries(value)) if (key.includes('\u0000') || hasNulByte(inner, depth + 1)) return true;
  return false;
}

export const NUL_BYTE_ERROR = () =>
  new DomainError('INVALID_INPUT', {
    message: 'NUL byte in request',
    userMessage: { sv: 'Texten innehåller ett otillåtet tecken (NUL, tecken 0). Ta bort det och försök igen.', en: 'The text contains a character that is not allowed (NUL, character 0). Remove it and try again.' },
  });

export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (hasNulByte(request.query) || hasNulByte(request.params) || hasNulByte(request.body)) throw NUL_BYTE_ERROR();
  });
}
