import { defineMessages } from '../../platform/i18n/define.js';
import { refuseWith, type MessageVars } from '../../platform/i18n/fill.js';
import catalogue from './live.messages.json' with { type: 'json' };

/** The live meeting for members (/mina-moten/:id/live), the chair's view and the big screen (storbild). */
export const liveRoomMessages = defineMessages(catalogue);

/** Refuse with one of these messages, `{name}` placeholders filled in both languages. */
export function refuse(code: 'CONFLICT' | 'INVALID_INPUT' | 'INVALID_VOTE' | 'INVALID_ATTENDANCE', key: keyof typeof liveRoomMessages, vars?: MessageVars): never {
  return refuseWith(code, liveRoomMessages[key], vars);
}

type LiveRoomMessages = typeof liveRoomMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveRoomMessages {}
}
