import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './oidc.messages.json' with { type: 'json' };

export const oidcMessages = defineMessages(catalogue);

type OidcMessages = typeof oidcMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends OidcMessages {}
}
