import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './economy.messages.json' with { type: 'json' };

export const economyMessages = defineMessages(catalogue);

type EconomyMessages = typeof economyMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends EconomyMessages {}
}
