import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './tasks.messages.json' with { type: 'json' };

export const taskMessages = defineMessages(catalogue);

type TaskMessages = typeof taskMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends TaskMessages {}
}
