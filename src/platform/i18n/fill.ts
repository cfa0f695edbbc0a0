import { DomainError, type ErrorCode } from '../errors.js';
import type { Message } from './define.js';

export type MessageVars = Record<string, string | number>;

/** `{name}` placeholders filled from `vars`; a name not in `vars` stays as written. */
export function fillText(text: string, vars: MessageVars): string {
  return text.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A message with its placeholders filled in both languages. */
export function fillMessage(message: Message, vars: MessageVars = {}): Message {
  return { sv: fillText(message.sv, vars), en: fillText(message.en, vars) };
}

/** Refuse with a catalogue message: the route shows it next to the form, in the reader's language. */
export function refuseWith(code: ErrorCode, message: Message, vars?: MessageVars): never {
  throw new DomainError(code, { userMessage: fillMessage(message, vars) });
}
