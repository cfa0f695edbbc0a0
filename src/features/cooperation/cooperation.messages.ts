import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './cooperation.messages.json' with { type: 'json' };

export const cooperationMessages = defineMessages(catalogue);

type CooperationMessages = typeof cooperationMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends CooperationMessages {}
}
