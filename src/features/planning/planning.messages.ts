import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './planning.messages.json' with { type: 'json' };

export const planningMessages = defineMessages(catalogue);

type PlanningMessages = typeof planningMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends PlanningMessages {}
}
