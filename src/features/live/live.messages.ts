import { defineMessages } from '../../platform/i18n/define.js';
import { refuseWith, type MessageVars } from '../../platform/i18n/fill.js';
import catalogue from './live.messages.json' with { type: 'json' };
import electionCatalogue from './live-election.messages.json' with { type: 'json' };

/** The live meeting for members (/mina-moten/:id/live), the chair's view and the big screen (storbild). */
export const liveRoomMessages = defineMessages(catalogue);

/** Closed-ballot elections on the members' devices (sluten omröstning, KL 5:46–47). */
export const liveElectionMessages = defineMessages(electionCatalogue);

type RefusalCode = 'CONFLICT' | 'INVALID_INPUT' | 'INVALID_VOTE' | 'INVALID_ATTENDANCE' | 'NOT_FOUND';

/** Refuse with one of the live room's messages, `{name}` placeholders filled in both languages. */
export function refuse(code: RefusalCode, key: keyof typeof liveRoomMessages, vars?: MessageVars): never {
  return refuseWith(code, liveRoomMessages[key], vars);
}

/** Refuse with one of the elections' messages. */
export function refuseElection(code: RefusalCode, key: keyof typeof liveElectionMessages, vars?: MessageVars): never {
  return refuseWith(code, liveElectionMessages[key], vars);
}

type LiveMessages = typeof liveRoomMessages & typeof liveElectionMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveMessages {}
}
