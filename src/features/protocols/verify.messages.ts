import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './verify.messages.json' with { type: 'json' };

export const verifyMessages = defineMessages(catalogue);

type VerifyMessages = typeof verifyMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends VerifyMessages {}
}
