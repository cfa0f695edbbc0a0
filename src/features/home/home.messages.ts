import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './home.messages.json' with { type: 'json' };

export const homeMessages = defineMessages(catalogue);

type HomeMessages = typeof homeMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends HomeMessages {}
}
