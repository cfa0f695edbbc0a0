import { defineMessages } from '../../platform/i18n/define.js';
import { refuseWith, type MessageVars } from '../../platform/i18n/fill.js';
import catalogue from './live-election.messages.json' with { type: 'json' };

/** Closed-ballot elections on the members' devices (sluten omröstning, KL 5:46–47). */
export const liveElectionMessages = defineMessages(catalogue);

/** Refuse with one of these messages, `{name}` placeholders filled in both languages. */
export function refuseElection(code: 'CONFLICT' | 'INVALID_INPUT' | 'INVALID_VOTE' | 'NOT_FOUND', key: keyof typeof liveElectionMessages, vars?: MessageVars): never {
  return refuseWith(code, liveElectionMessages[key], vars);
}

type LiveElectionMessages = typeof liveElectionMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveElectionMessages {}
}
