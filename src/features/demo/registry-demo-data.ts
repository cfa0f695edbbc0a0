/**
 * The demo registry (diarium): classification codes, cases and documents of the seed protocol
 * (Norrbottens e-nämnd 2022-12-14, §§ 19–25, and Luleå kommunstyrelse 2022-09-12 § 227).
 * Case numbers and document ids are the seed's; texts are taken from the seed's attachments.
 * Where the seed is silent (dates of most documents, the 2021 business-plan case number) the
 * values are plausible inventions, marked as such below. Names of real people are replaced by
 * role titles. One secret and one internal document are fictional, for access tests.
 */

/** A code from the municipal classification scheme (klassificeringsstruktur) with its retention rule. */
export interface DemoClassificationCode {
  code: string;
  title: string;
  /** Gallring/bevarande as in the document management plan (dokumenthanteringsplan). */
  retention: string;
}

/** An ärende: `year/number-code` in the registry of `organisation` (an organisation slug). */
export interface DemoCase {
  organisation: string;
  year: number;
  number: number;
  code: string;
  title: string;
  status: 'open' | 'closed';
  /** The protocol paragraph that handled the case, e.g. `§ 19`. */
  paragraph?: string;
  /** Fictional (not in the seed): marked origin 'demo', shown as Exempeldata. */
  invented?: true;
}

/** Points at a case by registry owner, year and running number. */
export interface DemoCaseRef {
  organisation: string;
  year: number;
  number: number;
}

export type DemoDirection = 'incoming' | 'outgoing' | 'drawn_up';
/** public: allmän och offentlig; secret: sekretess (OSL); internal: arbetsmaterial, never public. */
export type DemoSecrecy = 'public' | 'secret' | 'internal';

/** A handling with its Hid `year.number` in the registry of `organisation` (OSL 5:2). */
export interface DemoDocument {
  organisation: string;
  year: number;
  number: number;
  case: DemoCaseRef;
  direction: DemoDirection;
  /** Date received (incoming) or drawn up, `YYYY-MM-DD`. */
  date: string;
  /** Sender (incoming) or recipient/author (outgoing, drawn up). */
  counterpart: string;
  description: string;
  secrecy: DemoSecrecy;
  /** Information-security class, e.g. `Öppen`, `Internt konfidentiellt` (seed's slides). */
  securityClass: string;
  /** Searchable body text. */
  text: string;
  /** OSL 5:5 — a secrecy marking names the provision, the date and who marked it. */
  secrecyProvision?: string;
  secrecyMarkedAt?: string;
  secrecyMarkedBy?: string;
  /** What the public registry shows instead of `description`; reveals nothing secret. */
  publicDescription?: string;
  /** Fictional (not in the seed): marked origin 'demo', shown as Exempeldata. */
  invented?: true;
}

/** Appears only in the secret document's text; tests check it never reaches the public. */
export const DEMO_SECRET_MARKER = 'HEMLIG-MARKÖR-7f3a';
/** Appears only in the internal working draft's text. */
export const DEMO_INTERNAL_MARKER = 'ARBETSUTKAST-MARKÖR-2c9e';

import { SEED_AGREEMENT_TEXT, SEED_BUSINESS_PLAN_2023_TEXT, SEED_ECONOMY_TEXT, SEED_FINANCING_TEXT, SEED_INTERNAL_CONTROL_TEXT, SEED_KS_DECISION_TEXT, SEED_REGULATIONS_TEXT, SEED_SAM_TEXT } from './seed-attachments.js';

const COMMITTEE = 'norrbottens-e-namnd';
const HOST = 'lulea';
const OFFICE = 'E-nämndens kansli';

export const DEMO_CLASSIFICATION_CODES: DemoClassificationCode[] = [
  { code: '1.2.1.3', title: 'Verksamhetsplanering', retention: 'Bevaras' },
  { code: '1.3.1.2', title: 'Reglementen och samverkansavtal', retention: 'Bevaras' },
  { code: '1.3.2.2', title: 'Intern kontroll', retention: 'Bevaras' },
  { code: '2.2.0.2', title: 'Nämndadministration och sammanträden', retention: 'Bevaras' },
  { code: '2.3.4.1', title: 'Systematiskt arbetsmiljöarbete', retention: 'Gallras efter 10 år' },
  { code: '2.4.0.2', title: 'Ekonomisk uppföljning och redovisning', retention: 'Bevaras' },
  // Not in the seed: the code of the fictional secret case below.
  { code: '2.5.1.3', title: 'Informationssäkerhet och säkerhetsåtgärder', retention: 'Bevaras' },
];

export const DEMO_CASES: DemoCase[] = [
  { organisation: COMMITTEE, year: 2022, number: 20, code: '2.4.0.2', title: 'Ekonomisk rapport, utfall per sista oktober', status: 'closed', paragraph: '§ 19' },
  { organisation: COMMITTEE, year: 2022, number: 21, code: '1.3.2.2', title: 'Obligatoriska kontrollmoment', status: 'closed', paragraph: '§ 20' },
  { organisation: COMMITTEE, year: 2022, number: 22, code: '2.2.0.2', title: 'Information om aktuella och pågående aktiviteter', status: 'closed', paragraph: '§ 21' },
  // Tabled to 2023-03-03: still open.
  { organisation: COMMITTEE, year: 2022, number: 23, code: '1.2.1.3', title: 'Verksamhetsplan 2023', status: 'open', paragraph: '§ 22' },
  { organisation: COMMITTEE, year: 2022, number: 24, code: '2.3.4.1', title: 'Uppföljning systematiskt arbetsmiljöarbete', status: 'closed', paragraph: '§ 23' },
  // Raised in every member council; open until the 14 councils have decided.
  { organisation: COMMITTEE, year: 2022, number: 25, code: '1.3.1.2', title: 'Revidering reglemente och samverkansavtal', status: 'open', paragraph: '§ 24' },
  // The seed skips 2022/26: § 25 is 2022/27.
  { organisation: COMMITTEE, year: 2022, number: 27, code: '2.2.0.2', title: 'Sammanträdesordning 2023', status: 'closed', paragraph: '§ 25' },
  // Fictional: the secret document's case.
  { organisation: COMMITTEE, year: 2022, number: 28, code: '2.5.1.3', title: 'Säkerhetsgranskning av datacenter', status: 'open', invented: true },
  // The business plan 2022 (Hid 2021.83, decided 2021-12-16); the seed gives no case number, 23 is invented.
  { organisation: COMMITTEE, year: 2021, number: 23, code: '1.2.1.3', title: 'Verksamhetsplan 2022', status: 'closed' },
  { organisation: HOST, year: 2022, number: 1003, code: '1.3.2.2', title: 'Obligatoriska kontrollmoment 2023', status: 'closed', paragraph: '§ 227' },
];




const KS_PROPOSAL_TEXT = `Kommunstabens förslag till beslut gällande obligatoriska kontrollmoment för intern kontroll 2023.

De kontrollmoment som tas fram i den kommungemensamma riskanalysen riskbedöms i varje nämnd/bolagsstyrelse och hanteras i den egna interna kontrollplanen alternativt motiveras till varför kontrollen inte är nödvändig. De antas av nämnderna/bolagsstyrelserna tillsammans med deras egna verksamhetsspecifika kontrollmoment.

Följande tre föreslås bli obligatoriska kontrollmoment 2023: 1. Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). 2. Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning. 3. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal.

Dialog: Representanter från kommunstabens alla avdelningar har deltagit. Avstämning har även skett med specialister inom kontrollområden, kommunens kvalitetsnätverk och verksamhetscontroller Luleå kommunföretag AB. Kommunstyrelsen har vid workshop 2022-06-16 genomfört riskinventering och bidragit i riskanalysarbetet.

Beslutet bedöms inte innebära några konsekvenser för ökad jämlikhet, mer jämställd fördelning av makt och resurser, minskad klimatpåverkan eller starkare ekonomi för tillväxt.`;

const KSAU_TEXT = `Kommunstyrelsens arbetsutskott 2022-08-29 § 176. Obligatoriska kontrollmoment 2023.

Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta följande obligatoriska kontrollmoment för intern kontroll 2023: Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal (gäller ej bolag).`;

const PURPOSE_TEXT = `Syftet med samverkan är att samordna de enskilda medlemskommunernas arbete inom strategisk verksamhetsutveckling med stöd av IT, så kallad digital förvaltning, för att därigenom öka den mellankommunala samverkan och skapa förutsättningar för att uppnå en effektiv förvaltning av hög kvalité i alla medlemskommuner.`;






// Assembled from what the 2022-12-14 protocol says about the plan decided 2021-12-16.
const BUSINESS_PLAN_2022_TEXT = `Verksamhetsplan 2022, Norrbottens e-nämnd. Utgåva 6, 2021-12-16.

${PURPOSE_TEXT}

Mål: Ett av verksamhetsmålen för året är att reglementet och samverkansavtalet revideras utifrån uppstådda behov av förtydligande och för en mer ändamålsenlig verksamhet.

Ekonomi: Grundfinansiering 1 065 400 kr, 76 100 kr per kommun och 14 kommuner. Verksamhetsutvecklare e-tjänster 937 200 kr. Budget 2022 summa intäkter 5 034 600 kr.`;

const DRAFT_TEXT = `Arbetsutkast, ej färdigställt. Verksamhetsplan 2023 efter bordläggningen 2022-12-14: beredningsgruppens synpunkter inför sammanträdet 2023-03-03. Samordnaren sammanställer förslag på förtydligade indikatorer för uppföljningsdialogerna och en uppdaterad tidplan för gemensamt löneadministrativt system. ${DEMO_INTERNAL_MARKER}`;

// Fictional demo content; no real security measures are described.
const SECRET_TEXT = `Fiktiv demohandling. Säkerhetsgranskning av datacenter: iakttagelser om skalskydd, passerkontroll och reservkraft, med förslag till åtgärder och tidplan. Uppgifterna omfattas av sekretess enligt OSL 18 kap. 8 §. ${DEMO_SECRET_MARKER}`;

function committeeCase(year: number, number: number): DemoCaseRef {
  return { organisation: COMMITTEE, year, number };
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  // Seed: "Hid: 2022.2022.9" (year repeated), the slides say "Uppdaterad 2022-11-15".
  { organisation: COMMITTEE, year: 2022, number: 9, case: committeeCase(2022, 20), direction: 'drawn_up', date: '2022-11-15', counterpart: OFFICE, description: 'utfall oktober 2022, fördelning 2022, Budget 2022', secrecy: 'public', securityClass: 'Internt konfidentiellt', text: SEED_ECONOMY_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 11, case: committeeCase(2022, 21), direction: 'drawn_up', date: '2022-11-17', counterpart: OFFICE, description: 'Planera - Intern kontroll', secrecy: 'public', securityClass: 'Öppen', text: SEED_INTERNAL_CONTROL_TEXT },
  // Decided 2022-09-12; registered by the committee when the case was prepared (date invented).
  { organisation: COMMITTEE, year: 2022, number: 12, case: committeeCase(2022, 21), direction: 'incoming', date: '2022-11-17', counterpart: 'Luleå kommunstyrelse', description: 'Beslut Kommunstyrelsen 2022-09-12 Obligatoriska kontrollmoment 2023', secrecy: 'public', securityClass: 'Öppen', text: SEED_KS_DECISION_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 14, case: committeeCase(2022, 23), direction: 'drawn_up', date: '2022-11-24', counterpart: OFFICE, description: 'Verksamhetsplan 2023', secrecy: 'public', securityClass: 'Öppen', text: SEED_BUSINESS_PLAN_2023_TEXT },
  // The answer sheet is dated "(2022-11-25)".
  { organisation: COMMITTEE, year: 2022, number: 15, case: committeeCase(2022, 24), direction: 'drawn_up', date: '2022-11-25', counterpart: 'Avdelningen Innovation & utveckling, Luleå kommun', description: 'Svarsunderlag', secrecy: 'public', securityClass: 'Öppen', text: SEED_SAM_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 18, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Bilaga_finansiering_samverkansavtal', secrecy: 'public', securityClass: 'Öppen', text: SEED_FINANCING_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 19, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Samverkansavtal', secrecy: 'public', securityClass: 'Öppen', text: SEED_AGREEMENT_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 20, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Reglemente', secrecy: 'public', securityClass: 'Öppen', text: SEED_REGULATIONS_TEXT },
  { organisation: COMMITTEE, year: 2021, number: 83, case: committeeCase(2021, 23), direction: 'drawn_up', date: '2021-12-16', counterpart: OFFICE, description: 'Verksamhetsplan 2022', secrecy: 'public', securityClass: 'Öppen', text: BUSINESS_PLAN_2022_TEXT },
  {
    organisation: COMMITTEE, year: 2022, number: 21, case: committeeCase(2022, 23), direction: 'drawn_up', date: '2022-12-05', counterpart: OFFICE,
    description: 'Arbetsutkast verksamhetsplan 2023, synpunkter från beredningsgruppen', secrecy: 'internal', securityClass: 'Öppen', text: DRAFT_TEXT, invented: true,
  },
  {
    organisation: COMMITTEE, year: 2022, number: 22, case: committeeCase(2022, 28), direction: 'incoming', date: '2022-12-07', counterpart: 'Extern säkerhetsgranskare',
    description: 'Säkerhetsgranskning av datacenter, granskningsrapport', secrecy: 'secret', securityClass: 'Konfidentiellt', text: SECRET_TEXT,
    secrecyProvision: 'OSL 18 kap. 8 §', secrecyMarkedAt: '2022-12-07', secrecyMarkedBy: 'Nämndsekreteraren',
    publicDescription: 'Handling om säkerhetsåtgärder (sekretess)', invented: true,
  },
  // Luleå's own registry (KLF), § 227's beslutsunderlag; dates invented before the AU meeting.
  { organisation: HOST, year: 2022, number: 5128, case: { organisation: HOST, year: 2022, number: 1003 }, direction: 'drawn_up', date: '2022-08-15', counterpart: 'Kommunstaben, Luleå kommun', description: 'Kommunstabens förslag till beslut gällande obligatoriska kontrollmoment för intern kontroll 2023', secrecy: 'public', securityClass: 'Öppen', text: KS_PROPOSAL_TEXT },
  { organisation: HOST, year: 2022, number: 5198, case: { organisation: HOST, year: 2022, number: 1003 }, direction: 'drawn_up', date: '2022-08-29', counterpart: 'Kommunstyrelsens arbetsutskott, Luleå kommun', description: 'Kommunstyrelsens arbetsutskotts beslut 2022-08-29 § 176', secrecy: 'public', securityClass: 'Öppen', text: KSAU_TEXT },
];
