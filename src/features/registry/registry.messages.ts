import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './registry.messages.json' with { type: 'json' };

export const registryMessages = defineMessages(catalogue);

type RegistryMessages = typeof registryMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends RegistryMessages {}
}
