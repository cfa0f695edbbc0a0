import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './search.messages.json' with { type: 'json' };

export const searchMessages = defineMessages(catalogue);

type SearchMessages = typeof searchMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends SearchMessages {}
}
