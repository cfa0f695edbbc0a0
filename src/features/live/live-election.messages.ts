import { defineMessages } from '../../platform/i18n/define.js';
import { DomainError } from '../../platform/errors.js';

/** Closed-ballot elections on the members' devices (sluten omröstning, KL 5:46–47). */
export const liveElectionMessages = defineMessages({
  'le.heading': { sv: 'Val med sluten omröstning', en: 'Election by closed ballot' },
  'le.none': { sv: 'Inget val med sluten omröstning pågår.', en: 'No election by closed ballot is in progress.' },
  'le.on': { sv: 'Val på punkt {n}: {heading}', en: 'Election on item {n}: {heading}' },
  'le.places': { sv: 'Antal som ska väljas: {n}', en: 'Number to be elected: {n}' },
  'le.candidates': { sv: 'Kandidater', en: 'Candidates' },
  'le.progress': { sv: '{voted} av {eligible} har röstat.', en: '{voted} of {eligible} have voted.' },
  'le.until': { sv: 'Valet pågår till kl. {time}.', en: 'The election is open until {time}.' },
  'le.timeUp': { sv: 'Tiden har gått ut; ordföranden avslutar valet.', en: 'The time is up; the chair closes the election.' },
  'le.secret': {
    sv: 'Omröstningen är sluten: ingen, inte heller systemet, sparar vem som röstade på vem. Resultatet visas när valet avslutas.',
    en: 'The ballot is closed: no one, the system included, stores who voted for whom. The result is shown when the election closes.',
  },
  'le.result': { sv: 'Resultat', en: 'Result' },
  'le.votes': { sv: 'Röster', en: 'Votes' },
  'le.blank': { sv: 'Blanka röster: {n}', en: 'Blank ballots: {n}' },
  'le.cast': { sv: 'Avgivna valsedlar: {cast} av {eligible}.', en: 'Ballots cast: {cast} of {eligible}.' },
  'le.elected': { sv: 'Valda: {names}', en: 'Elected: {names}' },
  'le.lottery': { sv: 'Lika röstetal mellan {among}; lotten föll på {drawn}.', en: 'A tie between {among}; the lot fell on {drawn}.' },
  'le.cancelled': { sv: 'Valet avbröts: punkten avgjordes på annat sätt.', en: 'The election was cancelled: the item was decided in another way.' },
  // The member's ballot
  'le.ballot.legend': { sv: 'Din valsedel', en: 'Your ballot' },
  'le.ballot.pick.one': { sv: 'Välj en kandidat.', en: 'Choose one candidate.' },
  'le.ballot.pick.other': { sv: 'Välj högst {n} kandidater.', en: 'Choose at most {n} candidates.' },
  'le.ballot.blankOption': { sv: 'Blank röst', en: 'Blank ballot' },
  'le.ballot.final': { sv: 'En lagd valsedel kan inte ändras.', en: 'A cast ballot cannot be changed.' },
  'le.ballot.blankHint': { sv: 'Välj ingen kandidat för att lägga en blank valsedel.', en: 'Choose no candidate to cast a blank ballot.' },
  'le.ballot.submit': { sv: 'Lägg valsedeln', en: 'Cast the ballot' },
  'le.ballot.done': {
    sv: 'Din valsedel är lagd. Den kan inte ändras, och ingen kan se vad du röstade på.',
    en: 'Your ballot is cast. It cannot be changed, and no one can see how you voted.',
  },
  'le.ballot.notEligible': { sv: 'Du tjänstgör inte vid valet och kan inte rösta.', en: 'You are not serving at the election and cannot vote.' },
  // The chair
  'le.chair.open': { sv: 'Starta val med sluten omröstning', en: 'Start an election by closed ballot' },
  'le.chair.candidates': { sv: 'Kandidater, en per rad', en: 'Candidates, one per line' },
  'le.chair.places': { sv: 'Antal som ska väljas', en: 'Number to be elected' },
  'le.chair.allowBlank': { sv: 'Tillåt blanka röster', en: 'Allow blank ballots' },
  'le.chair.minutes': { sv: 'Tid för valet (minuter)', en: 'Time for the election (minutes)' },
  'le.chair.start': { sv: 'Starta valet', en: 'Start the election' },
  'le.chair.closeHint': { sv: 'Valet avslutas av sig självt när alla har röstat. Den som inte röstat när du avslutar har inte lämnat någon valsedel.', en: 'The election closes by itself when everyone has voted. Anyone who has not voted when you close it has cast no ballot.' },
  'le.chair.close': { sv: 'Avsluta valet och visa resultatet', en: 'Close the election and show the result' },
  'le.chair.notElection': { sv: 'Den aktuella punkten är inte ett val. Sluten omröstning används vid val (KL 5 kap. 46 §).', en: 'The current item is not an election. A closed ballot is used in elections (KL 5:46).' },
  // Flashes
  'le.flash.opened': { sv: 'Valet är startat.', en: 'The election has started.' },
  'le.flash.ballot': { sv: 'Din valsedel är lagd.', en: 'Your ballot is cast.' },
  'le.flash.closed': { sv: 'Valet är avslutat och fört till protokollet.', en: 'The election is closed and entered in the record.' },
  // Errors
  'le.err.noElection': { sv: 'Valet finns inte.', en: 'The election does not exist.' },
  'le.err.open': { sv: 'Ett val med sluten omröstning pågår redan. Avsluta det först.', en: 'An election by closed ballot is already in progress. Close it first.' },
  'le.err.closed': { sv: 'Valet är avslutat. Din valsedel räknades inte.', en: 'The election is closed. Your ballot was not counted.' },
  'le.err.timeUp': { sv: 'Tiden för valet har gått ut. Din valsedel räknades inte.', en: 'The time for the election has run out. Your ballot was not counted.' },
  'le.err.notServing': { sv: 'Du tjänstgör inte vid valet och kan inte rösta.', en: 'You are not serving at the election and cannot vote.' },
  'le.err.twice': { sv: 'Du har redan lagt din valsedel. Den kan inte ändras i en sluten omröstning.', en: 'You have already cast your ballot. It cannot be changed in a closed ballot.' },
  'le.err.notElection': { sv: 'Punkten är inte ett val. Sluten omröstning används vid val (KL 5 kap. 46 §).', en: 'The item is not an election. A closed ballot is used in elections (KL 5:46).' },
  'le.err.notPending': { sv: 'Punkten är redan avgjord.', en: 'The item has already been decided.' },
  'le.err.candidates': { sv: 'Ange minst en kandidat, en per rad, högst 50.', en: 'Enter at least one candidate, one per line, at most 50.' },
  'le.err.duplicate': { sv: 'Samma kandidat står två gånger: {name}.', en: 'The same candidate is listed twice: {name}.' },
  'le.err.places': { sv: 'Ange hur många som ska väljas: ett heltal från 1 till antalet kandidater.', en: 'Enter how many are to be elected: a whole number from 1 to the number of candidates.' },
  'le.err.minutes': { sv: 'Ange tiden i hela minuter, 1–30.', en: 'Give the time in whole minutes, 1–30.' },
  'le.err.choice': { sv: 'Välj en kandidat på valsedeln.', en: 'Choose a candidate on the ballot.' },
  'le.err.tooMany.one': { sv: 'Du kan välja en kandidat.', en: 'You can choose one candidate.' },
  'le.err.tooMany.other': { sv: 'Du kan välja högst {n} kandidater.', en: 'You can choose at most {n} candidates.' },
  'le.err.noBlank': { sv: 'Blanka röster är inte tillåtna i det här valet. Välj en kandidat.', en: 'Blank ballots are not allowed in this election. Choose a candidate.' },
  'le.err.blankMixed': { sv: 'En blank valsedel kan inte också ha namn på kandidater.', en: 'A blank ballot cannot also name candidates.' },
  'le.err.unknown': { sv: 'Kandidaten finns inte på valsedeln.', en: 'The candidate is not on the ballot.' },
});

/** Refuse with one of these messages, `{name}` placeholders filled in both languages. */
export function refuseElection(code: 'CONFLICT' | 'INVALID_INPUT' | 'INVALID_VOTE' | 'NOT_FOUND', key: keyof typeof liveElectionMessages, vars: Record<string, string | number> = {}): never {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in vars ? String(vars[name]) : whole));
  const message = liveElectionMessages[key];
  throw new DomainError(code, { userMessage: { sv: fill(message.sv), en: fill(message.en) } });
}

type LiveElectionMessages = typeof liveElectionMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends LiveElectionMessages {}
}
