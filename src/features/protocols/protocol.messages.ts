import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './protocol.messages.json' with { type: 'json' };

export const protocolMessages = defineMessages(catalogue);

type ProtocolMessages = typeof protocolMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ProtocolMessages {}
}
