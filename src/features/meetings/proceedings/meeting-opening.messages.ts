/** Guarding the calendar (issue 18): opening a meeting before its day or long after it asks for a reason. */
import { defineMessages } from '../../../platform/i18n/define.js';
import catalogue from './meeting-opening.messages.json' with { type: 'json' };

export const meetingOpeningMessages = defineMessages(catalogue);

type MeetingOpeningMessages = typeof meetingOpeningMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends MeetingOpeningMessages {}
}
