import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './publication.messages.json' with { type: 'json' };

export const publicationMessages = defineMessages(catalogue);

type PublicationMessages = typeof publicationMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends PublicationMessages {}
}
