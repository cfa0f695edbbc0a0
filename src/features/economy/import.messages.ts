import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './import.messages.json' with { type: 'json' };

/** The outcome import's part of the message catalogue. */
export const importMessages = defineMessages(catalogue);

type ImportMessages = typeof importMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ImportMessages {}
}
