import { defineMessages } from '../../platform/i18n/define.js';

export const homeMessages = defineMessages({
  'home.shortcuts': { sv: 'Genvägar', en: 'Shortcuts' },
  'home.noticeBoards': { sv: 'Anslagstavlor', en: 'Notice boards' },
  'home.portal': { sv: 'Den publika webbplatsen', en: 'The public website' },
  'home.registrarNotices': { sv: 'Anslag att registrera', en: 'Notices to record' },
  'a11y.status': { sv: 'Hur tillgänglig är webbplatsen?', en: 'How accessible is the website?' },
  'a11y.statusText': {
    sv: 'Vi bedömer att webbplatsen i huvudsak uppfyller WCAG 2.1 nivå AA. De publika sidorna (startsidan, anslagstavlorna, sammanträden, protokoll, beslut och diariet) granskas automatiskt med axe vid varje ändring och fungerar med enbart tangentbord. Protokoll som PDF skapas som taggad PDF/A.',
    en: 'We consider the website to largely meet WCAG 2.1 level AA. The public pages (start page, notice boards, meetings, protocols, decisions and the registry) are checked automatically with axe at every change and work with the keyboard alone. Protocols as PDF are made as tagged PDF/A.',
  },
  'a11y.formTitle': { sv: 'Rapportera brister i tillgängligheten', en: 'Report an accessibility problem' },
  'a11y.formIntro': {
    sv: 'Berätta om något på webbplatsen är svårt att använda eller om du behöver innehållet i ett annat format. Vi svarar om du lämnar en kontaktuppgift.',
    en: 'Tell us if something on the website is hard to use or if you need the content in another format. We will answer if you leave a way to reach you.',
  },
  'a11y.message': { sv: 'Vad fungerade inte?', en: 'What did not work?' },
  'a11y.pageUrl': { sv: 'Vilken sida gäller det? (frivilligt)', en: 'Which page is it about? (optional)' },
  'a11y.pageUrlHint': { sv: 'Till exempel /anslagstavla/lulea', en: 'For example /anslagstavla/lulea' },
  'a11y.contact': { sv: 'E-post eller telefon om du vill ha svar (frivilligt)', en: 'E-mail or phone if you want an answer (optional)' },
  'a11y.send': { sv: 'Skicka synpunkten', en: 'Send the feedback' },
  'a11y.thanks': { sv: 'Tack! Din synpunkt är mottagen.', en: 'Thank you! Your feedback has been received.' },
  'a11y.enforcement': { sv: 'Tillsyn', en: 'Enforcement' },
  'a11y.readFeedback': { sv: 'Läs inkomna synpunkter', en: 'Read the feedback received' },
  'a11y.feedbackTitle': { sv: 'Synpunkter om tillgänglighet', en: 'Accessibility feedback' },
  'a11y.received': { sv: 'Inkommen', en: 'Received' },
  'a11y.page': { sv: 'Sida', en: 'Page' },
  'a11y.contactShort': { sv: 'Kontakt', en: 'Contact' },
  'a11y.messageShort': { sv: 'Synpunkt', en: 'Feedback' },
  'a11y.handled': { sv: 'Hanterad', en: 'Handled' },
  'a11y.notHandled': { sv: 'Ej hanterad', en: 'Not handled' },
  'a11y.markHandled': { sv: 'Markera som hanterad', en: 'Mark as handled' },
  'a11y.markedHandled': { sv: 'Synpunkten är markerad som hanterad.', en: 'The feedback is marked as handled.' },
});

type HomeMessages = typeof homeMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends HomeMessages {}
}
