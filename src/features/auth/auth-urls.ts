import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { localPath } from '../../platform/http/local-path.js';

/** Only local paths (localPath), so a crafted link cannot send a user elsewhere after sign-in. */
export function safeNext(value: unknown): string {
  return localPath(value) ?? '/';
}

/** Kansli's own address as the provider sees it: KANSLI_PUBLIC_URL, else the request's. */
export function baseUrlOf(request: FastifyRequest, services: Services): string {
  return (services.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
