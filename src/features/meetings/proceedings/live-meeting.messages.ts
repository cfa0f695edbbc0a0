import { defineMessages } from '../../../platform/i18n/define.js';
import { meetingStatusMessages } from '../../../platform/i18n/common.messages.js';
import catalogue from './live-meeting.messages.json' with { type: 'json' };

/**
 * Every string of the live meeting screen (sammanträdet), Swedish first. The common status words come
 * first; the catalogue, spread last, words 'planned' and 'open' the secretary's screen's own way.
 */
export const liveMeetingMessages = defineMessages({ ...meetingStatusMessages('live.meetingStatus'), ...catalogue });

type LiveMeetingMessages = typeof liveMeetingMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveMeetingMessages {}
}
