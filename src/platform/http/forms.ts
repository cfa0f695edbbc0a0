import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { DomainError, HTTP_STATUS } from '../errors.js';
import type { FormState } from '../views/forms.js';

/** The posted form as plain strings (the CSRF field left out); repeated fields keep their last value. */
export function formBody(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v.at(-1) === 'string') out[k] = v.at(-1) as string;
  }
  return out;
}

/** All values of a repeated field (checkbox groups). */
export function formList(request: FastifyRequest, name: string): string[] {
  const v = ((request.body ?? {}) as Record<string, unknown>)[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const SHOWN_IN_FORM = new Set(['INVALID_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'RATE_LIMITED']);

/**
 * Run a form's use case; on bad input show the same form again with the values kept and a
 * message per field, so that nothing typed is lost.
 */
export async function handleForm(
  reply: FastifyReply,
  values: Record<string, string>,
  run: () => Promise<unknown>,
  render: (state: FormState) => VNode,
): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof DomainError) || !SHOWN_IN_FORM.has(error.code)) throw error;
    const errors = error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '_', message: error.userMessage }];
    await reply.code(HTTP_STATUS[error.code]).page(render({ values, errors }));
    return false;
  }
}
