/**
 * The demo's meetings (sammanträden): the seed protocol's meeting of 2022-12-14 with §§ 19–25,
 * the 2023 schedule it decided (§ 25), one coming meeting to try the members' room and the live
 * screen on, and three preparation-group meetings of 2022. Headings, proposals, decisions and the
 * "Sammanträdet" texts are the seed's. Where the seed is silent (the time and place of the
 * meeting, the places in 2023, who was absent, the coming meeting) the values are plausible
 * inventions, marked as such. Names of real people stay out: the § 22 recipient is fictional.
 */
import { SEED_ACTIVITIES, SEED_RULES_SUMMARY } from './seed-paragraphs.js';

/** Wall-clock date and times (Swedish time) and the place of a meeting. */
export interface DemoMeetingTime {
  date: string;
  startTime: string;
  endTime?: string;
  place: string;
}

/** One paragraph of the seed protocol as an agenda item and what the meeting did with it. */
export interface DemoSeedItem {
  /** The seed's § number; the item's case is the demo case with this paragraph (DEMO_CASES). */
  paragraph: number;
  heading: string;
  kind: 'decision' | 'information';
  /** Förslag till beslut; numbered points ("1. …") one per line, as § 24 has them. */
  proposal: string;
  summary: string;
  /** "E-nämndens beslut"; absent for the tabled item. */
  decision?: string;
  /** The seed's "Sammanträdet" text besides the chair's proposition, kept as the item's protocol notes. */
  handling: string;
  /** What the chair put (the live meeting's proposition); the protocol words it as the seed does. */
  proposition: string;
  /** Beslutsunderlag by Hid, in the seed's order. */
  hids: string[];
  /** "Beslutet skickas till". */
  recipients: string[];
  /** Bordläggning: the date of the meeting the item is tabled to. */
  tabledTo?: string;
}

/** The committee's 2022-12-14 meeting. The seed's pages start at § 19 and give no time or place. */
export const DEMO_SEED_MEETING = {
  // Invented: the seed gives neither the time nor the place.
  time: { date: '2022-12-14', startTime: '13:00', endTime: '15:00', place: 'Stadshuset, Luleå' } satisfies DemoMeetingTime,
  // Invented: the municipality whose member was absent; its substitute served (reglemente 17 §).
  absentMemberOf: 'kiruna',
  // Invented: the member appointed to adjust the protocol with the chair (reglemente 22 §).
  adjusterOf: 'boden',
  // The seed's protocol is signed electronically; the date is invented, within 14 days (KL 5:69).
  justeringPlace: 'Digital justering, Luleå',
  justeringDate: '2022-12-19',
} as const;

const NOTED = 'e-nämnden beslutar att lägga informationen till handlingarna.';
/** The chair's proposition to note information, in the chair's words (seed §§ 21, 23). */
const NOTE_PROPOSITION = 'Att lägga informationen till handlingarna';

/**
 * Fictional: the seed sends § 22 to a named official; the demo names an invented person in her
 * place and keeps the seed's title line.
 */
export const DEMO_PLAN_RECIPIENT = 'Saga Holmlund';

const SAM = `Årligen genomförs en uppföljning av det systematiska arbetsmiljöarbetet (SAM) inom Luleå kommun för att säkerställa att arbetsmiljöarbetet bedrivs i enlighet med lagstiftningen.

Tjänstepersoner inom Norrbottens e-nämnd är anställda inom avdelningen Innovation & Utveckling Luleå kommun. E-nämndens arbetsmiljöarbete ingår därför i avdelningen Innovation & Utvecklings arbetsmiljöarbete och följer Luleå kommuns övergripande process för detta. Uppföljning och dokumentation hanteras inom värdkommunens process för arbetsmiljöarbete.

Årlig uppföljning av det systematiska arbetsmiljöarbetet (SAM) i Norrbottens e-nämnds tjänstepersonorganisation har genomförts för året 2022. Uppföljningen genomfördes 2022-10-26 (för hela avdelningen Innovation och Utveckling) och är dokumenterat i Stratsys inom ramen för Luleå kommuns arbetsmiljöarbete. Ett av 25 påståenden besvarades med påståendet ”delvis”.

Påstående 11 [Det finns skriftliga instruktioner för arbeten som innebär allvarliga risker.] Besvarades ”delvis” eftersom det finns personal inom Luleå kommun som arbetar med nät och kommunikation med tillgång till utrymmen med starkström som kräver utbildning och/eller instruktioner. Men detta gäller inte personal anställda under Norrbottens e-nämnd då dessa uppgifter inte ingår i Norrbottens e-nämnds arbete.`;

const RULES_DECISION = `1. Norrbottens e-nämnd beslutar att väcka ärende i respektive medlemskommuns fullmäktige gällande revidering av reglemente och samverkansavtal enligt underlag.
2. e-nämnden rekommenderar respektive medlemskommuns fullmäktige att anta förslag till reviderat reglemente och samverkansavtal.`;

/** §§ 19–25 in the seed's order, each text as the seed has it. */
export const DEMO_SEED_ITEMS: DemoSeedItem[] = [
  {
    paragraph: 19,
    heading: 'Ekonomisk rapport, utfall per sista oktober',
    kind: 'decision',
    proposal: 'e-nämnden beslutar att godkänna redovisningen och lägga rapporten till handlingarna.',
    decision: 'e-nämnden beslutar att godkänna redovisningen och lägga rapporten till handlingarna.',
    summary: 'Samordnare redovisar utfall per sista oktober samt budget och prognos för helåret 2022.',
    handling: '',
    proposition: 'Att godkänna redovisningen och lägga rapporten till handlingarna',
    // The seed writes "Hid: 2022.2022.9", the year repeated.
    hids: ['2022.9'],
    recipients: [],
  },
  {
    paragraph: 20,
    heading: 'Obligatoriska kontrollmoment',
    kind: 'decision',
    proposal: 'e-nämnden beslutar att acceptera riskerna i Luleå kommuns obligatoriska kontrollmoment 2023.',
    decision: 'e-nämnden beslutar att acceptera riskerna i Luleå kommuns obligatoriska kontrollmoment 2023.',
    summary: `Luleå kommunstyrelse har pekat ut obligatoriska kontrollmoment som alla ingående nämnder och styrelser ska bedöma och analysera för hantering.

e-nämndens beredningsgrupp har i enlighet med rutin för internkontroll berett förslag till hantering av de av Luleå kommunstyrelse utpekade obligatoriska kontrollmoment. Beredningsgruppen bedömer att kontrollmomenten inte utgör risker på den nivå som kräver särskild kontroll.`,
    handling: '',
    proposition: 'e-nämndens beredningsgrupps förslag',
    hids: ['2022.11', '2022.12'],
    recipients: [],
  },
  { paragraph: 21, heading: 'Information om aktuella och pågående aktiviteter', kind: 'information', proposal: NOTED, decision: NOTED, summary: SEED_ACTIVITIES, handling: '', proposition: NOTE_PROPOSITION, hids: [], recipients: [] },
  {
    paragraph: 22,
    heading: 'Verksamhetsplan 2023',
    kind: 'decision',
    // "E-nämndens förslag till beslut"; the protocol's decision is this text (demo-protocols.ts).
    proposal: 'e-nämnden beslutar bordlägga ärendet.',
    decision: 'e-nämnden beslutar bordlägga ärendet.',
    summary: `Samordnare tillsammans med beredningsgrupp har berett förslag till verksamhetsplan 2023 för e-nämndens verksamhet.

Nämnden har vid sammanträde 2022-06-22 antagit budget för året 2023. Vid strategidag 2021-10-12 har nämnden fört dialog kring och bearbetat verksamhetsmål, indikatorer, gjort riskanalys samt arbetat med internkontrollmoment för året 2023.

Verksamhetsplanen har genom beredningsgruppen distribuerats till respektive ingående kommun för påseende innan beslut i nämnden.`,
    handling: 'Ordföranden (S) föreslår att bordlägga ärendet till e-nämndens sammanträde 2023-03-03.',
    // The seed's "Beslutsgång" names no date, as the chair put it.
    proposition: 'Att bordlägga ärendet',
    hids: ['2022.14'],
    recipients: [DEMO_PLAN_RECIPIENT, 'Beredskapssamordnare Samhällsskydd, Kommunstaben Luleå kommun'],
    tabledTo: '2023-03-03',
  },
  { paragraph: 23, heading: 'Uppföljning systematiskt arbetsmiljöarbete', kind: 'information', proposal: NOTED, decision: NOTED, summary: SAM, handling: '', proposition: NOTE_PROPOSITION, hids: ['2022.15'], recipients: [] },
  {
    paragraph: 24,
    heading: 'Revidering reglemente och samverkansavtal',
    kind: 'decision',
    proposal: RULES_DECISION,
    decision: RULES_DECISION,
    summary: SEED_RULES_SUMMARY,
    handling: '',
    proposition: 'e-nämndens samordnares förslag',
    hids: ['2022.20', '2022.19', '2022.18'],
    recipients: [],
  },
  {
    paragraph: 25,
    heading: 'Sammanträdesordning 2023',
    kind: 'decision',
    proposal: 'e-nämnden beslutar om sammanträden för året 2023 enligt redovisat förslag.',
    decision: 'e-nämnden beslutar om sammanträden för året 2023 enligt redovisat förslag.',
    summary: 'Ordföranden redovisar förslag till sammanträdestider för året 2023.',
    handling: `E-nämndens samordnare redovisar förslag till sammanträdesordning enligt nedan:

2023-03-03 kl. 13-17 (information, utbildning, sammanträde)

2023-06-22 kl. 9-11

2023-10-12 heldag (strategi, kompetensutveckling, sammanträde)

2023-12-20 kl. 13-15`,
    proposition: 'e-nämndens samordnares förslag',
    hids: [],
    recipients: [],
  },
];

/**
 * The proposal of the business plan when it comes back on 2023-03-03. Invented: the seed only
 * says the item was tabled; the secretary writes the proposal for the next meeting.
 */
export const DEMO_TABLED_PROPOSAL = 'e-nämnden beslutar att anta verksamhetsplan 2023.';

// Invented: the seed gives no places for 2023 (the meetings are marked origin 'demo').
const PLACE_2023 = 'Stadshuset, Luleå';

/**
 * Sammanträdesordning 2023 (seed § 25): four meetings at the seed's hours. "2023-10-12 heldag
 * (strategi, kompetensutveckling, sammanträde)" is one full-day meeting; the seed gives no hours,
 * so the day is shown from 09:00 to 16:00 and its place says it is a full day.
 */
export const DEMO_SCHEDULE_2023: (DemoMeetingTime & { kind: 'meeting' | 'strategy_day' })[] = [
  { kind: 'meeting', date: '2023-03-03', startTime: '13:00', endTime: '17:00', place: PLACE_2023 },
  { kind: 'meeting', date: '2023-06-22', startTime: '09:00', endTime: '11:00', place: PLACE_2023 },
  { kind: 'meeting', date: '2023-10-12', startTime: '09:00', endTime: '16:00', place: `${PLACE_2023} – heldag (strategi, kompetensutveckling, sammanträde)` },
  { kind: 'meeting', date: '2023-12-20', startTime: '13:00', endTime: '15:00', place: PLACE_2023 },
];

/** An item of the coming meeting; `case` points at a demo case of the committee (year/number). */
export interface DemoComingItem {
  kind: 'decision' | 'information';
  heading: string;
  case?: { year: number; number: number };
  proposal: string;
  summary: string;
  hids: string[];
  isSecret?: boolean;
}

/**
 * Invented: a coming meeting of the committee, for trying the members' room and the live
 * screen. Its day is counted from the day the demo is loaded (comingMeetingDate), so that the
 * demo always has one; the December agenda follows the annual cycle.
 */
export const DEMO_COMING_MEETING: { time: Omit<DemoMeetingTime, 'date'>; items: DemoComingItem[] } = {
  time: { startTime: '13:00', endTime: '16:00', place: 'Stadshuset, Luleå' },
  items: [
    {
      kind: 'information',
      heading: 'Information om ekonomi och verksamhet',
      proposal: NOTED,
      summary: 'Samordnaren redovisar utfall, prognos för helåret och status för pågående projekt och gemensamma lösningar.',
      hids: [],
    },
    {
      kind: 'decision',
      heading: 'Revidering reglemente och samverkansavtal, återrapport',
      case: { year: 2022, number: 25 },
      proposal: 'e-nämnden beslutar att lägga återrapporten om medlemskommunernas beslut till handlingarna.',
      summary: 'Nämnden beslutade 2022-12-14, § 24, att väcka ärende i respektive medlemskommuns fullmäktige om reviderat reglemente och samverkansavtal. Samordnaren redovisar vilka fullmäktige som har antagit förslaget.',
      hids: ['2022.20', '2022.19', '2022.18'],
    },
    {
      kind: 'decision',
      heading: 'Säkerhetsgranskning av datacenter',
      case: { year: 2022, number: 28 },
      proposal: 'e-nämnden beslutar att lägga granskningsrapporten till handlingarna och ge samordnaren i uppdrag att återrapportera vidtagna åtgärder till nämnden.',
      summary: 'En extern granskare har granskat säkerheten i det gemensamma datacentret. Rapporten omfattas av sekretess.',
      hids: ['2022.22'],
      isSecret: true,
    },
    {
      kind: 'decision',
      heading: 'Verksamhets- och internkontrollplan',
      proposal: `1. e-nämnden beslutar att anta verksamhetsplan för nästa år.
2. e-nämnden beslutar att anta internkontrollplan för nästa år.`,
      summary: 'Samordnare tillsammans med beredningsgrupp har berett förslag till verksamhetsplan och internkontrollplan utifrån strategidagens riskanalys.',
      hids: [],
    },
  ],
};

/** A preparation-group meeting: who was absent, and whether the rest took part at a distance. */
export interface DemoPreparationMeeting {
  time: DemoMeetingTime;
  /** Municipalities (slugs) whose official was absent. */
  absent: string[];
  /** Teams meetings: everyone present took part at a distance (KL 5:16 counts it as present). */
  remote: boolean;
}

/**
 * Invented: three of the preparation group's 2022 meetings. The business plan's indicator asks
 * for at least 75 % of the municipalities at every meeting: 12, 11 and 13 of 14 here.
 */
export const DEMO_PREPARATION_MEETINGS: DemoPreparationMeeting[] = [
  { time: { date: '2022-09-13', startTime: '09:00', endTime: '11:00', place: 'Teams' }, absent: ['overkalix', 'pajala'], remote: true },
  { time: { date: '2022-10-18', startTime: '09:00', endTime: '12:00', place: 'Stadshuset, Luleå' }, absent: ['arjeplog', 'haparanda', 'jokkmokk'], remote: false },
  { time: { date: '2022-11-22', startTime: '09:00', endTime: '11:00', place: 'Teams' }, absent: ['kalix'], remote: true },
];

/**
 * The coming meeting's day: the first Wednesday at least three weeks after `today` (the day the
 * demo is loaded), so that a notice can still go out in time (reglemente 10 §).
 */
export function comingMeetingDate(today: string): string {
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 21);
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A committee meeting of 2022 before the seed's: the protocol is not in the demo, its §§ are placeholders. */
export interface DemoEarlierMeeting {
  time: DemoMeetingTime;
  /** The § numbers the meeting used, first and last (the seed's December meeting starts at § 19). */
  paragraphs: [number, number];
  /** Headings the seed gives for a paragraph of this meeting, by § number. */
  known: Record<number, { heading: string; decision: string }>;
}

/**
 * Invented, except that they were held: the committee's 2022 meetings before 2022-12-14, which
 * used §§ 1–18 (the seed's meeting starts at § 19). The seed names the meeting of 2022-06-22,
 * where the committee adopted the budget for 2023 (seed § 22); dates, places and the other
 * paragraphs are invented: the meetings and their items are marked origin 'demo' ("Exempeldata").
 */
export const DEMO_EARLIER_MEETINGS_2022: DemoEarlierMeeting[] = [
  { time: { date: '2022-03-10', startTime: '13:00', endTime: '16:00', place: 'Teams' }, paragraphs: [1, 6], known: {} },
  {
    time: { date: '2022-06-22', startTime: '09:00', endTime: '11:00', place: 'Stadshuset, Luleå' },
    paragraphs: [7, 12],
    known: { 9: { heading: 'Budget 2023', decision: 'Nämnden har vid sammanträde 2022-06-22 antagit budget för året 2023 (seed § 22). Beslutstexten finns inte i demon.' } },
  },
  { time: { date: '2022-10-13', startTime: '13:00', endTime: '16:00', place: 'Teams' }, paragraphs: [13, 18], known: {} },
];

/** The decision of a placeholder paragraph of the earlier 2022 meetings. */
export const PLACEHOLDER_DECISION = 'Paragrafen är en platshållare; protokollet från sammanträdet ingår inte i demon.';
