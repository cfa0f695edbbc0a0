import { defineMessages } from '../../platform/i18n/define.js';

export const searchMessages = defineMessages({
  'nav.search': { sv: 'Sök', en: 'Search' },
  'search.title': { sv: 'Sök', en: 'Search' },
  'search.intro.public': {
    sv: 'Du söker i det offentliga materialet: ärenden, offentliga handlingar och protokoll. Logga in för att söka i allt du har behörighet till.',
    en: 'You are searching the public material: cases, public documents and minutes. Sign in to search everything you have access to.',
  },
  'search.intro.signedIn': { sv: 'Du söker i allt du har behörighet att se.', en: 'You are searching everything you are allowed to see.' },
  'search.words': { sv: 'Sökord', en: 'Search words' },
  'search.wordsHint': {
    sv: 'Flera ord ger träffar som innehåller alla orden. Använd "citattecken" för en fras, or för antingen–eller och minus för att utesluta ett ord.',
    en: 'Several words find entries with all of them. Use "quotes" for a phrase, or for either–or and a minus sign to leave a word out.',
  },
  'search.submit': { sv: 'Sök', en: 'Search' },
  'search.filters': { sv: 'Avgränsa sökningen', en: 'Narrow the search' },
  'search.year': { sv: 'År', en: 'Year' },
  'search.anyYear': { sv: 'Alla år', en: 'All years' },
  'search.kind': { sv: 'Typ', en: 'Type' },
  'search.anyKind': { sv: 'Alla typer', en: 'All types' },
  'search.kind.case': { sv: 'Ärenden', en: 'Cases' },
  'search.kind.document': { sv: 'Handlingar', en: 'Documents' },
  'search.kind.file': { sv: 'Filer', en: 'Files' },
  'search.kind.paragraph': { sv: 'Paragrafer', en: 'Paragraphs' },
  'search.kindOne.case': { sv: 'Ärende', en: 'Case' },
  'search.kindOne.document': { sv: 'Handling', en: 'Document' },
  'search.kindOne.file': { sv: 'Fil', en: 'File' },
  'search.kindOne.paragraph': { sv: 'Paragraf', en: 'Paragraph' },
  'search.code': { sv: 'Klassificeringskod', en: 'Classification code' },
  'search.codeHint': { sv: 'Till exempel 2.4.0.2', en: 'For example 2.4.0.2' },
  'search.body': { sv: 'Organ', en: 'Body' },
  'search.anyBody': { sv: 'Alla organ', en: 'All bodies' },
  'search.results': { sv: 'Sökresultat', en: 'Search results' },
  'search.count.one': { sv: '{count} träff för ”{q}”', en: '{count} hit for “{q}”' },
  'search.count.other': { sv: '{count} träffar för ”{q}”', en: '{count} hits for “{q}”' },
  'search.count.capped': {
    sv: 'Fler än {count} träffar för ”{q}”. De {count} första visas, de mest relevanta först. Lägg till fler ord eller avgränsa sökningen för att hitta rätt.',
    en: 'More than {count} hits for “{q}”. The first {count} are shown, the most relevant first. Add words or narrow the search to find the right one.',
  },
  'search.noHits': {
    sv: 'Inga träffar för ”{q}”. Kontrollera stavningen, prova andra eller färre ord, eller ta bort avgränsningarna.',
    en: 'No hits for “{q}”. Check the spelling, try other or fewer words, or remove the filters.',
  },
  'search.onlyStopWords': {
    sv: 'Sökningen innehåller bara vanliga småord som och, att och för. Lägg till ett ord som beskriver det du söker.',
    en: 'The search only contains common short words like and, that and for. Add a word that describes what you are looking for.',
  },
  'search.pages': { sv: 'Sidor', en: 'Pages' },
  'search.previous': { sv: 'Föregående', en: 'Previous' },
  'search.next': { sv: 'Nästa', en: 'Next' },
  'search.pageN': { sv: 'Sida {n}', en: 'Page {n}' },
  'search.facets': { sv: 'Träffar per år och typ', en: 'Hits by year and type' },
  'search.facetsCapped': { sv: 'Antalen gäller de {count} första träffarna.', en: 'The numbers count the first {count} hits.' },
  'search.removeFilters': { sv: 'Ta bort avgränsningarna', en: 'Remove the filters' },
});

type SearchMessages = typeof searchMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends SearchMessages {}
}
