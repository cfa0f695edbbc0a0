import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './admin.messages.json' with { type: 'json' };

export const adminMessages = defineMessages(catalogue);

type AdminMessages = typeof adminMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends AdminMessages {}
}
