import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './justering.messages.json' with { type: 'json' };

/** Justering (KL 5:69): signing the protocol with the signer's passkey or TOTP code, and passkeys on the account. */
export const justeringMessages = defineMessages(catalogue);

type JusteringMessages = typeof justeringMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends JusteringMessages {}
}
