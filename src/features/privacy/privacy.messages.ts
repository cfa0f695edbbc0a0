import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './privacy.messages.json' with { type: 'json' };

/** Data protection's part of the message catalogue: Swedish first, English second. */
export const privacyMessages = defineMessages(catalogue);

type PrivacyMessages = typeof privacyMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends PrivacyMessages {}
}
