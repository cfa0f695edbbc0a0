import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { DomainError, HTTP_STATUS, type UserMessage } from '../errors.js';
import type { FormState } from '../views/forms.js';
import { MultipartFormError, type MultipartForm } from './multipart.js';

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
  render: (state: FormState) => VNode | Promise<VNode>,
): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof DomainError) || !SHOWN_IN_FORM.has(error.code)) throw error;
    const errors = error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '_', message: error.userMessage }];
    await reply.code(HTTP_STATUS[error.code]).page(await render({ values, errors }));
    return false;
  }
}

/**
 * handleForm for a form that may carry a file. Until the form is read the defaults are shown; a
 * file that stops the reading (too large) still leaves what was typed, so the form is shown again
 * with the fields read from the request.
 */
export async function handleUploadForm(
  reply: FastifyReply,
  defaults: Record<string, string>,
  read: () => Promise<MultipartForm>,
  run: (form: MultipartForm) => Promise<unknown>,
  render: (state: FormState) => VNode | Promise<VNode>,
): Promise<boolean> {
  let values = defaults;
  return handleForm(
    reply,
    values,
    async () => {
      const form = await read().catch((error: unknown) => {
        if (error instanceof MultipartFormError) values = error.fields;
        throw error;
      });
      values = form.fields;
      await run(form);
    },
    (state) => render({ ...state, values }),
  );
}

/**
 * The CSV text of an import form: the uploaded file (UTF-8, as Excel's "CSV UTF-8") or the text
 * pasted into its `csv` field.
 */
export function uploadedOrPastedCsv(form: MultipartForm, messages: { notUtf8: UserMessage; noInput: UserMessage }): string {
  if (form.file) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(form.file.bytes);
    } catch {
      const message = messages.notUtf8;
      throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'file', message }] });
    }
  }
  const pasted = form.fields.csv?.trim() ?? '';
  if (!pasted) throw new DomainError('INVALID_INPUT', { userMessage: messages.noInput });
  return pasted;
}
