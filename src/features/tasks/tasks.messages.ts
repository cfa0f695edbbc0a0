import { defineMessages } from '../../platform/i18n/define.js';

export const taskMessages = defineMessages({
  'tasks.title': { sv: 'Att göra', en: 'To do' },
  'tasks.none': { sv: 'Du har inget att göra just nu.', en: 'You have nothing to do right now.' },
  'tasks.justering.one': { sv: '{n} protokoll att justera', en: '{n} protocol to adjust' },
  'tasks.justering.other': { sv: '{n} protokoll att justera', en: '{n} protocols to adjust' },
  'tasks.postings.one': { sv: '{n} anslag att registrera', en: '{n} notice to record' },
  'tasks.postings.other': { sv: '{n} anslag att registrera', en: '{n} notices to record' },
  'tasks.drafts.one': { sv: '{n} sammanträde utan protokoll', en: '{n} meeting without a protocol' },
  'tasks.drafts.other': { sv: '{n} sammanträden utan protokoll', en: '{n} meetings without a protocol' },
  'tasks.locks.one': { sv: '{n} protokollutkast att låsa för justering', en: '{n} protocol draft to lock for adjustment' },
  'tasks.locks.other': { sv: '{n} protokollutkast att låsa för justering', en: '{n} protocol drafts to lock for adjustment' },
  'tasks.notices.one': { sv: '{n} kallelse att skicka', en: '{n} notice of meeting to send' },
  'tasks.notices.other': { sv: '{n} kallelser att skicka', en: '{n} notices of meeting to send' },
  'tasks.decisions.one': { sv: '{n} beslut att fatta i samverkan', en: '{n} cooperation decision to take' },
  'tasks.decisions.other': { sv: '{n} beslut att fatta i samverkan', en: '{n} cooperation decisions to take' },
  'tasks.absences.one': { sv: '{n} anmält förhinder', en: '{n} absence reported' },
  'tasks.absences.other': { sv: '{n} anmälda förhinder', en: '{n} absences reported' },
  'tasks.reviews.one': { sv: '{n} synpunkt från justeringen att besvara', en: '{n} comment from the adjustment to answer' },
  'tasks.reviews.other': { sv: '{n} synpunkter från justeringen att besvara', en: '{n} comments from the adjustment to answer' },
  'tasks.review.link': { sv: 'Besvara synpunkten på § {number} {heading}: {body} {date}', en: 'Answer the comment on § {number} {heading}: {body} {date}' },
  'tasks.late.one': { sv: '{n} dag för sent', en: '{n} day late' },
  'tasks.late.other': { sv: '{n} dagar för sent', en: '{n} days late' },
  'tasks.justering.link': { sv: 'Justera protokollet från {body} {date}', en: 'Adjust the protocol of {body} {date}' },
  'tasks.justering.as': { sv: 'Du justerar som {roles}. Ska justeras senast {deadline} (KL 5:69).', en: 'You adjust as {roles}. To be adjusted by {deadline} (KL 5:69).' },
  'tasks.role.chair': { sv: 'ordförande', en: 'chair' },
  'tasks.role.adjuster': { sv: 'justerare', en: 'adjuster' },
  'tasks.and': { sv: 'och', en: 'and' },
  'tasks.posting.link': { sv: 'Registrera anslaget för {municipality}: {body} {date}', en: 'Record the notice for {municipality}: {body} {date}' },
  'tasks.posting.deadline': { sv: 'Justerat {justeredOn}. Ska anslås senast {deadline} (KL 8:12).', en: 'Adjusted {justeredOn}. To be posted by {deadline} (KL 8:12).' },
  'tasks.draft.link': { sv: 'Skriv protokollet från {body} {date}', en: 'Write the protocol of {body} {date}' },
  'tasks.lock.link': { sv: 'Lås protokollet från {body} {date} för justering', en: 'Lock the protocol of {body} {date} for adjustment' },
  'tasks.protocol.deadline': { sv: 'Ska justeras senast {deadline} (KL 5:69).', en: 'To be adjusted by {deadline} (KL 5:69).' },
  'tasks.notice.link': { sv: 'Skicka kallelsen till {body} {date}', en: 'Send the notice of {body} {date}' },
  'tasks.notice.deadline': { sv: 'Ska skickas senast {deadline} (reglemente 10 §).', en: 'To be sent by {deadline} (reglemente 10 §).' },
  'tasks.decision.link': { sv: '{municipality}: {decision}', en: '{municipality}: {decision}' },
  'tasks.decision.deadline': { sv: '{initiative}. Kommunen ska besluta senast {deadline}.', en: '{initiative}. The municipality decides by {deadline}.' },
  'tasks.decision.noDeadline': { sv: '{initiative}. Inget sista datum är satt.', en: '{initiative}. No deadline is set.' },
  'tasks.absence.link': { sv: '{member} har förhinder: {body} {date}', en: '{member} cannot attend: {body} {date}' },
  'tasks.absence.substitutes': { sv: 'Ersättare att kalla in (reglemente 17 §): {names}.', en: 'Substitutes to call in (reglemente 17 §): {names}.' },
  'tasks.absence.noSubstitute': { sv: 'Ingen ersättare från samma kommun att kalla in.', en: 'No substitute of the same municipality to call in.' },
  'tasks.absence.note': { sv: 'Meddelande: ”{note}”', en: 'Message: “{note}”' },
});

type TaskMessages = typeof taskMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends TaskMessages {}
}
