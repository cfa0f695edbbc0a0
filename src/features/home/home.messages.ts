import { defineMessages } from '../../platform/i18n/define.js';

export const homeMessages = defineMessages({
  'home.shortcuts': { sv: 'Genvägar', en: 'Shortcuts' },
  'home.noticeBoards': { sv: 'Anslagstavlor', en: 'Notice boards' },
  'home.portal': { sv: 'Den publika webbplatsen', en: 'The public website' },
  'home.registrarNotices': { sv: 'Anslag att registrera', en: 'Notices to record' },
  'a11y.status': { sv: 'Hur tillgänglig är webbplatsen?', en: 'How accessible is the website?' },
  'a11y.statusText': {
    sv: 'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Vi bedömer att den i övrigt uppfyller WCAG 2.1 nivå AA (EN 301 549).',
    en: 'The website is partially compliant with the Swedish act on accessibility to digital public services, because of the shortcomings described below. We consider it otherwise to meet WCAG 2.1 level AA (EN 301 549).',
  },
  'a11y.scope': {
    sv: 'Redogörelsen gäller denna installation av Kansli: den publika webbplatsen (startsidan, anslagstavlorna, sammanträden, protokoll, beslut, diariet och verifieringen) och sidorna för inloggade (nämndens ärenden, möten, protokoll, ekonomi, samverkan och arkiv). Den organisation som driver installationen ansvarar för webbplatsen.',
    en: 'This statement applies to this installation of Kansli: the public website (start page, notice boards, meetings, protocols, decisions, the registry and verification) and the pages for signed-in users (the committee’s cases, meetings, protocols, economy, cooperation and archive). The organisation running the installation is responsible for the website.',
  },
  'a11y.shortcomings': { sv: 'Innehåll som inte är tillgängligt', en: 'Content that is not accessible' },
  'a11y.shortcoming.uploads': {
    sv: 'Handlingar som kommit in till nämnden (brev, bilagor och rapporter från andra) visas i diariet och på den publika webbplatsen som de kom in. De kan sakna taggar, rubriker eller alternativtexter (WCAG 1.1.1, 1.3.1). Be om handlingen i ett annat format via formuläret nedan.',
    en: 'Documents the committee has received (letters, attachments and reports from others) are shown in the registry and on the public website as they arrived. They may lack tags, headings or text alternatives (WCAG 1.1.1, 1.3.1). Ask for the document in another format with the form below.',
  },
  'a11y.shortcoming.liveVote': {
    sv: 'En elektronisk omröstning under ett sammanträde har den tidsgräns ordföranden sätter. Den går inte att förlänga för en enskild ledamot (WCAG 2.2.1), eftersom omröstningen är en del av sammanträdet i realtid. Ledamoten kan i stället rösta med handuppräckning, som sekreteraren registrerar.',
    en: 'An electronic vote during a meeting has the time limit the chair sets. It cannot be extended for one member (WCAG 2.2.1), because the vote is part of the meeting in real time. The member may instead vote by show of hands, which the secretary records.',
  },
  'a11y.tested': { sv: 'Hur vi testat webbplatsen', en: 'How we tested the website' },
  'a11y.testedText': {
    sv: 'Varje ändring av Kansli testas automatiskt: alla sidor som en sekreterare, ordförande, ledamot, registrator och besökare går igenom granskas med axe (WCAG 2.1 AA) i en riktig webbläsare, i mobil- och datorstorlek, med tangentbord och utan JavaScript. Protokoll, kallelser och rapporter skapas som taggad PDF/A-2a. Redogörelsen uppdaterades senast {date}.',
    en: 'Every change to Kansli is tested automatically: every page a secretary, chair, member, registrar and visitor goes through is checked with axe (WCAG 2.1 AA) in a real browser, at phone and desktop size, with the keyboard and without JavaScript. Protocols, notices and reports are made as tagged PDF/A-2a. This statement was last updated on {date}.',
  },
  'a11y.enforcementText': {
    sv: 'Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det.',
    en: 'The Agency for Digital Government (DIGG) supervises the act on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can contact DIGG and tell them.',
  },
  'a11y.enforcementLink': { sv: 'Anmäl bristande tillgänglighet till DIGG', en: 'Report inaccessibility to DIGG (in Swedish)' },
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
