import { defineMessages } from '../../platform/i18n/define.js';
import { meetingStatusMessages } from '../../platform/i18n/common.messages.js';
import catalogue from './portal.messages.json' with { type: 'json' };

export const portalMessages = defineMessages({ ...meetingStatusMessages('portal.status'), ...catalogue });

type PortalMessages = typeof portalMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends PortalMessages {}
}
