import { defineMessages } from '../../../platform/i18n/define.js';
import catalogue from './agenda.messages.json' with { type: 'json' };

/** The agenda (föredragningslista) and the notice (kallelse). */
export const agendaMessages = defineMessages(catalogue);

type AgendaMessages = typeof agendaMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends AgendaMessages {}
}
