import { defineMessages } from '../../../platform/i18n/define.js';
import { meetingStatusMessages } from '../../../platform/i18n/common.messages.js';
import catalogue from './schedule.messages.json' with { type: 'json' };

export const scheduleMessages = defineMessages({ ...meetingStatusMessages('schedule.status'), ...catalogue });

type ScheduleMessages = typeof scheduleMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ScheduleMessages {}
}
