import type { FastifyInstance } from 'fastify';
import { maskPersonalIdentityNumbers } from '../../domain/personnummer.js';

/** Text answers the public reads: pages, JSON (API, OParl), Atom, iCalendar, CSV. Not PDFs or files. */
const TEXT_TYPE = /^(text\/|application\/(json|[\w.+-]+\+json|atom\+xml|[\w.+-]+\+xml|xml)\b)/i;

/**
 * The last line of defence for personal data (issue 15): every answer to an anonymous visitor
 * that is text has any valid personnummer masked before it leaves, whatever the page forgot.
 * Cheap on the public pages that are benchmarked: a prefilter regex looks for ten digits in a row
 * and almost every page stops there; only a hit runs the date and Luhn checks.
 */
export function registerPublicOutputMask(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.principal) return payload;
    const type = String(reply.getHeader('content-type') ?? 'text/plain');
    if (!TEXT_TYPE.test(type)) return payload;
    const json = /json/i.test(type);
    if (typeof payload === 'string') return maskPersonalIdentityNumbers(payload, { json });
    if (Buffer.isBuffer(payload)) {
      const text = payload.toString('utf8');
      const masked = maskPersonalIdentityNumbers(text, { json });
      return masked === text ? payload : Buffer.from(masked);
    }
    return payload;
  });
}
