import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';

/** A UUID as the database makes them (lower-case hex). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A path parameter that must be a UUID; anything else is a page that does not exist (404, never 500). */
export function uuidParam(request: FastifyRequest, name = 'id'): string {
  const value = (request.params as Record<string, string | undefined>)[name] ?? '';
  if (!UUID_PATTERN.test(value)) throw notFound();
  return value;
}

/** The `:id` path parameter as a UUID. */
export const idParam = (request: FastifyRequest): string => uuidParam(request, 'id');
