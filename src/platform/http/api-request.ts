import type { FastifyRequest } from 'fastify';

/** A request to the JSON API (/api/…): answered with JSON errors, never a page or a redirect. */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
