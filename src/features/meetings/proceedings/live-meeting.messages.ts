import { defineMessages, type Message } from '../../../platform/i18n/define.js';
import { meetingStatusMessages } from '../../../platform/i18n/common.messages.js';
import { DomainError, type ErrorCode } from '../../../platform/errors.js';
import catalogue from './live-meeting.messages.json' with { type: 'json' };

/**
 * Every string of the live meeting screen (sammanträdet), Swedish first. The common status words come
 * first; the catalogue, spread last, words 'planned' and 'open' the secretary's screen's own way.
 */
export const liveMeetingMessages = defineMessages({ ...meetingStatusMessages('live.meetingStatus'), ...catalogue });

type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders in both languages. */
export function fillMessage(message: Message, vars: Vars = {}): Message {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in vars ? String(vars[name]) : whole));
  return { sv: fill(message.sv), en: fill(message.en) };
}

/** Refuse with one of these messages: the route shows it next to the form. */
export function refuseWith(code: ErrorCode, message: Message, vars?: Vars): never {
  throw new DomainError(code, { userMessage: fillMessage(message, vars) });
}

type LiveMeetingMessages = typeof liveMeetingMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveMeetingMessages {}
}
