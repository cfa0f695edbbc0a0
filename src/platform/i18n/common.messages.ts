import { defineMessages, type Message } from './define.js';

/** A meeting's status as one word, alike in every list and page that shows it. */
const MEETING_STATUS_WORDS = {
  planned: { sv: 'Planerat', en: 'Planned' },
  open: { sv: 'Pågår', en: 'In progress' },
  closed: { sv: 'Avslutat', en: 'Closed' },
  cancelled: { sv: 'Inställt', en: 'Cancelled' },
} as const satisfies Record<string, Message>;

/**
 * The meeting status words under a feature's own keys (`<prefix>.planned`, `<prefix>.open`, …),
 * for the pages that look a meeting's status up as `<prefix>.<status>`.
 */
export function meetingStatusMessages<P extends string>(prefix: P): Record<`${P}.${keyof typeof MEETING_STATUS_WORDS}`, Message> {
  const entries = Object.entries(MEETING_STATUS_WORDS).map(([status, message]) => [`${prefix}.${status}`, message]);
  return Object.fromEntries(entries) as Record<`${P}.${keyof typeof MEETING_STATUS_WORDS}`, Message>;
}

export const commonMessages = defineMessages({
  'app.name': { sv: 'Kansli', en: 'Kansli' },
  'app.tagline': { sv: 'Ärenden, möten och protokoll för gemensamma nämnder', en: 'Cases, meetings and protocols for joint committees' },
  'layout.skip': { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  'layout.nav': { sv: 'Huvudmeny', en: 'Main menu' },
  'layout.signedInAs': { sv: 'Inloggad som {name}', en: 'Signed in as {name}' },
  'layout.signOut': { sv: 'Logga ut', en: 'Sign out' },
  'layout.signIn': { sv: 'Logga in', en: 'Sign in' },
  'layout.language': { sv: 'Språk', en: 'Language' },
  'layout.switchLanguage': { sv: 'In English', en: 'På svenska' },
  'layout.account': { sv: 'Mitt konto', en: 'My account' },
  'layout.accessibility': { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  'layout.footer': { sv: 'Kansli – öppen programvara för gemensamma nämnder', en: 'Kansli – open-source software for joint committees' },
  'nav.home': { sv: 'Start', en: 'Home' },
  'nav.organisation': { sv: 'Organisation', en: 'Organisation' },
  'nav.people': { sv: 'Personer', en: 'People' },
  'nav.users': { sv: 'Användare', en: 'Users' },
  'nav.audit': { sv: 'Granskningslogg', en: 'Audit log' },
  'example.label': { sv: 'Exempeldata', en: 'Example data' },
  'example.title': {
    sv: 'Påhittat för demonämnden: underlaget (protokollet 2022-12-14) säger inte detta.',
    en: 'Invented for the demo committee: the source (the protocol of 2022-12-14) does not say this.',
  },
  'common.back': { sv: 'Tillbaka', en: 'Back' },
  'common.save': { sv: 'Spara', en: 'Save' },
  'common.cancel': { sv: 'Avbryt', en: 'Cancel' },
  'common.delete': { sv: 'Ta bort', en: 'Delete' },
  'common.edit': { sv: 'Ändra', en: 'Edit' },
  'common.add': { sv: 'Lägg till', en: 'Add' },
  'common.search': { sv: 'Sök', en: 'Search' },
  'common.searchLabel': { sv: 'Sök i listan', en: 'Search the list' },
  'common.clear': { sv: 'Rensa', en: 'Clear' },
  'common.yes': { sv: 'Ja', en: 'Yes' },
  'common.no': { sv: 'Nej', en: 'No' },
  'common.none': { sv: 'Inga', en: 'None' },
  'common.noMatches': { sv: 'Inget matchar sökningen.', en: 'Nothing matches the search.' },
  'common.showing': { sv: 'Visar {shown} av {total}', en: 'Showing {shown} of {total}' },
  'common.sortBy': { sv: 'Sortera på {column}', en: 'Sort by {column}' },
  'common.formErrors': { sv: 'Uppgifterna behöver rättas:', en: 'Please correct the following:' },
  'common.saved': { sv: 'Ändringarna är sparade.', en: 'The changes are saved.' },
  'common.deleted': { sv: 'Borttaget.', en: 'Deleted.' },
  'common.confirmDelete': { sv: 'Vill du verkligen ta bort {what}? Det går inte att ångra.', en: 'Do you really want to delete {what}? This cannot be undone.' },
  'common.required': { sv: 'obligatoriskt', en: 'required' },
  /** The filter box of a long list (list-filter.js fills in the numbers). */
  'common.filterShown': { sv: '{shown} av {total} visas', en: '{shown} of {total} shown' },
  'error.invalidTitle': { sv: 'Uppgifterna kunde inte tas emot', en: 'The input could not be accepted' },
  'error.conflictTitle': { sv: 'Ändringen kunde inte göras', en: 'The change could not be made' },
  'error.signInTitle': { sv: 'Du behöver logga in', en: 'You need to sign in' },
  'error.rateLimitedTitle': { sv: 'För många försök', en: 'Too many attempts' },
  'error.csrfTitle': { sv: 'Formuläret kunde inte skickas', en: 'The form could not be sent' },
  'error.badRequestTitle': { sv: 'Begäran kunde inte tas emot', en: 'The request could not be accepted' },
  'error.unavailableTitle': { sv: 'Tjänsten svarar inte just nu', en: 'The service is not answering right now' },
  'error.serverTitle': { sv: 'Ett oväntat fel inträffade', en: 'An unexpected error occurred' },
  'error.notFound': { sv: 'Sidan finns inte', en: 'Page not found' },
  'error.notFoundText': { sv: 'Sidan du söker finns inte.', en: 'The page you are looking for does not exist.' },
  'error.forbiddenText': { sv: 'Du har inte behörighet till den här sidan. Be en administratör om behörighet om du behöver den.', en: 'You are not allowed to see this page. Ask an administrator for access if you need it.' },
  'error.forbidden': { sv: 'Ingen behörighet', en: 'Not allowed' },
  'error.server': { sv: 'Ett oväntat fel inträffade. Försök igen om en stund. Felet är loggat med referens {ref}.', en: 'An unexpected error occurred. Try again in a moment. The error is logged with reference {ref}.' },
  'error.unavailable': { sv: 'Databasen svarar inte just nu. Försök igen om en stund.', en: 'The database is not answering right now. Try again in a moment.' },
  'error.home': { sv: 'Till startsidan', en: 'To the start page' },
  'home.welcome': { sv: 'Välkommen, {name}', en: 'Welcome, {name}' },
  'a11y.title': { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  'a11y.body': {
    sv: 'Kansli ska gå att använda för alla, enligt lagen (2018:1937) om tillgänglighet till digital offentlig service och WCAG 2.1 nivå AA. Sidorna fungerar utan JavaScript, med tangentbord, skärmläsare och förstoring, och på mobil och surfplatta.',
    en: 'Kansli is meant to be usable by everyone, under the Swedish act (2018:1937) on accessibility to digital public services and WCAG 2.1 level AA. The pages work without JavaScript, with keyboard, screen readers and zoom, and on phones and tablets.',
  },
});
