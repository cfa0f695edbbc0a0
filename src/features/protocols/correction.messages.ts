import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './correction.messages.json' with { type: 'json' };

export const correctionMessages = defineMessages(catalogue);

type CorrectionMessages = typeof correctionMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends CorrectionMessages {}
}
