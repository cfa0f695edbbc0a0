/** Guarding the calendar (issue 18): opening a meeting before its day or long after it asks for a reason. */
import { defineMessages } from '../../../platform/i18n/define.js';

export const meetingOpeningMessages = defineMessages({
  'opening.early.warning': {
    sv: 'Sammanträdet är {date}, och i dag är {today}. Att öppna det före sammanträdesdagen kräver att du bekräftar och anger ett skäl; skälet sparas i mötets historik.',
    en: 'The meeting is on {date}, and today is {today}. Opening it before the day of the meeting needs your confirmation and a reason; the reason is kept in the meeting’s history.',
  },
  'opening.late.warning': {
    sv: 'Sammanträdet var {date}, mer än {days} dagar sedan. Att öppna det nu (till exempel för att registrera ett sammanträde i efterhand) kräver att du bekräftar och anger ett skäl; skälet sparas i mötets historik.',
    en: 'The meeting was on {date}, more than {days} days ago. Opening it now (for instance to record a meeting afterwards) needs your confirmation and a reason; the reason is kept in the meeting’s history.',
  },
  'opening.reason': { sv: 'Skäl', en: 'Reason' },
  'opening.confirm.early': { sv: 'Jag bekräftar att sammanträdet öppnas före sammanträdesdagen.', en: 'I confirm that the meeting is opened before its day.' },
  'opening.confirm.late': { sv: 'Jag bekräftar att sammanträdet öppnas i efterhand.', en: 'I confirm that the meeting is opened afterwards.' },
  'opening.error': {
    sv: 'Sammanträdet öppnades inte: det är {date}, {when}. Bekräfta och ange skälet (minst 3 tecken) för att öppna det ändå.',
    en: 'The meeting was not opened: it is on {date}, {when}. Confirm and give the reason (at least 3 characters) to open it anyway.',
  },
  'opening.when.early': { sv: 'före sammanträdesdagen', en: 'before its day' },
  'opening.when.late': { sv: 'mer än {days} dagar sedan', en: 'more than {days} days ago' },
  'opening.reasonRequired': { sv: 'Ange skälet till att sammanträdet öppnas utanför sin dag.', en: 'Give the reason for opening the meeting outside its day.' },
  'opening.confirmRequired': { sv: 'Bekräfta att sammanträdet ska öppnas utanför sin dag.', en: 'Confirm that the meeting is to be opened outside its day.' },
  'opening.history': { sv: 'Öppnat {when}. Skäl: {reason}', en: 'Opened {when}. Reason: {reason}' },
  'opening.historyLabel': { sv: 'Öppnades', en: 'Opened' },
});

type MeetingOpeningMessages = typeof meetingOpeningMessages;
declare module '../../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends MeetingOpeningMessages {}
}
