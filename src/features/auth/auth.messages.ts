import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './auth.messages.json' with { type: 'json' };

export const authMessages = defineMessages(catalogue);

type AuthMessages = typeof authMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends AuthMessages {}
}
