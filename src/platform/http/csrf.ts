import { timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'kansli_csrf';

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
