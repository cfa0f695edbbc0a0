import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './organisation.messages.json' with { type: 'json' };

export const organisationMessages = defineMessages(catalogue);

type OrganisationMessages = typeof organisationMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends OrganisationMessages {}
}
