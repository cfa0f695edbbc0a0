import { defineMessages } from '../../../platform/i18n/define.js';
import { meetingStatusMessages } from '../../../platform/i18n/common.messages.js';
import catalogue from './member-room.messages.json' with { type: 'json' };

/** The members' meeting room (/mina-moten): reading the papers, absence, jäv and private notes. */
export const memberRoomMessages = defineMessages({ ...meetingStatusMessages('room.status'), ...catalogue });

type MemberRoomMessages = typeof memberRoomMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends MemberRoomMessages {}
}
