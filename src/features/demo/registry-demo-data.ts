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
}

/** Appears only in the secret document's text; tests check it never reaches the public. */
export const DEMO_SECRET_MARKER = 'HEMLIG-MARKÖR-7f3a';
/** Appears only in the internal working draft's text. */
export const DEMO_INTERNAL_MARKER = 'ARBETSUTKAST-MARKÖR-2c9e';

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
  { organisation: COMMITTEE, year: 2022, number: 28, code: '2.5.1.3', title: 'Säkerhetsgranskning av datacenter', status: 'open' },
  // The business plan 2022 (Hid 2021.83, decided 2021-12-16); the seed gives no case number, 23 is invented.
  { organisation: COMMITTEE, year: 2021, number: 23, code: '1.2.1.3', title: 'Verksamhetsplan 2022', status: 'closed' },
  { organisation: HOST, year: 2022, number: 1003, code: '1.3.2.2', title: 'Obligatoriska kontrollmoment 2023', status: 'closed', paragraph: '§ 227' },
];

const ECONOMY_TEXT = `Ekonomi 2022. Uppdatering per sista oktober 2022, 15 november 2022.

Utfall per sista oktober 2022. Nämnden visar ett underskott på -55 958 kr per sista oktober 2022. Underskottet uppstår på grund av upplupna intäkter för vissa projekt.

Avvikelser: 183 848 kr, grundfinansiering och e-kontor: lägre kostnader gällande grundfinansiering och e-kontor på grund av vakant tjänst samordnare. -254 150 kr, projekt HR: intäkten faktureras i efterskott, november/december. -144 280 kr, projekt DCBD: intäkten faktureras i efterskott, november/december.

Utfall intäkter, kostnader, avvikelse: Grundbelopp 1 781 236, 1 597 387, 183 848. E-tjänsteplattform 910 713, 872 417, 38 296. Räddningstjänsten 637 212, 610 417, 26 795. E-arkiv 272 283, 260 833, 11 450. SOC ECO-system 1 252 502, 1 199 833, 52 669. Projekt Elevhälsan 426 258, 421 475, 4 783. Projekt HR 0, 254 150, -254 150. Projekt LMS, e-utbildning 191 381, 166 750, 24 631. Projekt DCBD 0, 144 280, -144 280. Summa 5 471 584, 5 527 542, -55 958.

Budget och prognos helår 2022. Prognosen för helåret 2022 visar på ett överskott, 108 tkr. Vakant tjänst e-samordnare. Projekt har tillkommit under året och noteras som avvikelse jämfört med ursprungsbudget. SOC Ekosystem har tillkommit under året och noteras som avvikelse jämfört med ursprungsbudget. Summa intäkter: budget 5 034 600, prognos 7 349 600. Summa kostnader: budget 5 034 600, prognos 7 241 287. Rörelseresultat: budget 0, prognos 108 313.

Budget 2022 (26 maj 2021): Grundfinansiering 1 065 400, Verksamhetsutvecklare e-tjänster 937 200, Förvaltningsledare verksamhetssystem SOC 930 600, E-tjänsteplattform 1 046 900, Räddningstjänsten system 732 500, E-arkiv 322 000. Summa 5 034 600. Uppräkning med 2 % enligt samverkansavtalet. Inga projekt budgeterade för 2022. Datacenter Norrbotten ingår inte i budgeten då det faktureras direkt från leverantören till respektive kommun.

Fördelning årskostnader 2022: grundfinansiering 76 100 kr per kommun, summa 1 065 400 kr. Verksamhetsutvecklare e-tjänster summa 937 200 kr, Luleå 174 500 kr, Piteå 110 500 kr, Boden 85 200 kr.`;

const INTERNAL_CONTROL_TEXT = `Intern kontroll – 2023 (E-nämnd). Obligatoriska kontrollmoment.

Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). Kontrollmetod exempelvis: kontroll av alla eller stickprov: personuppgiftsbiträdesavtal, rutiner för registrerades rättigheter, information till registrerade, kvalitén i befintliga registreringar i registerförteckning. Sannolikhet 1 osannolik, konsekvens 2 lindrig, riskvärde 3. Beslut: risk accepteras. Analys: Nämnden har personuppgiftsbiträdesavtal, samt följer Luleå kommuns process för registerförteckning.

Kontrollera och säkerställ efterlevnad av rutinen för leasingavtal. Kontrollmetod exempelvis: kontroll av alla eller stickprov: leasingavtal. Sannolikhet 1 osannolik, konsekvens 1 försumbar, riskvärde 1. Beslut: risk accepteras. Analys: Nämnden innehar inga egna leasingavtal.

Kontrollera och säkerställa att gällande regler för informationsförvaltning följs. Kontrollmetod exempelvis: kontroll av alla eller stickprov: arkivbeskrivning, dokumenthanteringsplan, kvalitén i dokumenthanteringsplanen, information skyddas mot brand, vatten, stöld och skadegörelse. Sannolikhet 2 mindre sannolik, konsekvens 2 lindrig, riskvärde 4. Beslut: risk accepteras. Analys: Norrbottens e-nämnd följer värdkommunen Luleå kommuns regler och rutiner för dokumenthanteringsplaner och informationsförvaltning.`;

const KS_DECISION_TEXT = `Kommunstyrelsen 2022-09-12, § 227. Obligatoriska kontrollmoment 2023. Ärendenr 2022/1003-1.3.2.2.

Kommunstyrelsens beslut: Kommunstyrelsen beslutar följande obligatoriska kontrollmoment för intern kontroll 2023: Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal (gäller ej bolag).

Sammanfattning av ärendet: Kommunstyrelsen har det övergripande ansvaret för att se till att det finns en god intern kontroll och att en övergripande organisation för detta upprättas. Riktlinjer för intern kontroll (KLF 2020/1539) gör gällande att plan för intern kontroll ska upprättas, uppföljning ska rapporteras samt vid årets slut utvärdera verksamhetens samlade system för intern kontroll. En riskanalys genomförs årligen för att identifiera de risker som ska följas upp. Obligatoriska kontrollmoment är de som vid riskbedömning inte bedöms kunna accepteras eller omhändertas på annat sätt. Förvaltningar hanterar alla tre obligatoriska kontrollmoment medan de kommunala bolagen hanterar de två första.

Beslutet skickas till: samtliga nämnder och kommunala bolag; Kommunstaben, avdelning planering och analys.`;

const KS_PROPOSAL_TEXT = `Kommunstabens förslag till beslut gällande obligatoriska kontrollmoment för intern kontroll 2023.

De kontrollmoment som tas fram i den kommungemensamma riskanalysen riskbedöms i varje nämnd/bolagsstyrelse och hanteras i den egna interna kontrollplanen alternativt motiveras till varför kontrollen inte är nödvändig. De antas av nämnderna/bolagsstyrelserna tillsammans med deras egna verksamhetsspecifika kontrollmoment.

Följande tre föreslås bli obligatoriska kontrollmoment 2023: 1. Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). 2. Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning. 3. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal.

Dialog: Representanter från kommunstabens alla avdelningar har deltagit. Avstämning har även skett med specialister inom kontrollområden, kommunens kvalitetsnätverk och verksamhetscontroller Luleå kommunföretag AB. Kommunstyrelsen har vid workshop 2022-06-16 genomfört riskinventering och bidragit i riskanalysarbetet.

Beslutet bedöms inte innebära några konsekvenser för ökad jämlikhet, mer jämställd fördelning av makt och resurser, minskad klimatpåverkan eller starkare ekonomi för tillväxt.`;

const KSAU_TEXT = `Kommunstyrelsens arbetsutskott 2022-08-29 § 176. Obligatoriska kontrollmoment 2023.

Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen besluta följande obligatoriska kontrollmoment för intern kontroll 2023: Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR). Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal (gäller ej bolag).`;

const PURPOSE_TEXT = `Syftet med samverkan är att samordna de enskilda medlemskommunernas arbete inom strategisk verksamhetsutveckling med stöd av IT, så kallad digital förvaltning, för att därigenom öka den mellankommunala samverkan och skapa förutsättningar för att uppnå en effektiv förvaltning av hög kvalité i alla medlemskommuner.`;

const BUSINESS_PLAN_2023_TEXT = `Verksamhetsplan 2023, Norrbottens e-nämnd. Utgåva 7. Verksamhetsplanen godkänns av ordföranden i e-nämnden och e-samordnaren.

${PURPOSE_TEXT}

Strategisk riktning: Tillsammans skapar e-nämnden möjligheter till en innovativ, likvärdig och förbättrad service för medborgare och företag som gör det ännu mer attraktivt att leva och bo i Norrbotten.

Mål: Nämnden enskilt eller gemensamt med andra har genomfört minst en kompetenshöjande insats under året 2023 inom nämndens områden som riktar sig till nämndens ledamöter. Nämnden har genomfört minst fyra sammanträden under verksamhetsåret. Ingående kommuner visar ett starkt engagemang för nämnden. Vi eftersträvar en närvaro om 100 % från nämndens ledamöter, målet är dock att minst 75 % deltar. Under verksamhetsåret 2023 ska nämndens reglemente och samverkansavtal vara reviderat.

Indikatorer: Beredningsgruppen eftersträvar att genomföra 10 möten under verksamhetsåret men minst 8 beredningsgruppsmöten ska ha genomförts. Minst 75 % av de ingående kommunerna ska ha medverkat vid alla beredningsgruppsmöten. E-nämndens e-kontor genomför uppföljningsdialoger med alla kommuner under 2023.

Internkontrollplan 2023 och riskanalys: Projekt följer inte plan för tid, mål och budget (4 × 1 = 4, risk accepteras). Befintliga leverantörsavtal efterlevs ej och följs inte upp (2 × 2 = 4, risk accepteras). Nämnden lyckas inte fastställa reviderat reglemente och samverkansavtal (2 × 3 = 6, följs upp genom internkontroll). Resursbrist på grund av vakant tjänst samordnare e-nämnden (2 × 3 = 6, följs upp genom internkontroll).

Årshjul: mars beslut om verksamhetsberättelse; juni beslut om budget och delårsrapport 1; september/oktober beslut om delårsrapport 2, riskanalys och verksamhetsplanering (strategidag); december beslut om verksamhets- och internkontrollplan. Varje sammanträde: information om ekonomi och verksamhet.

Ekonomi: För 2023 är budgeten för nämndens samordnande uppgifter 1 127 000 kr, 80 500 kr per kommun och 14 kommuner. Budget 2023: summa intäkter 7 618 100 kr, summa kostnader 7 618 100 kr, rörelseresultat 0.`;

const SAM_TEXT = `Svarsunderlag – 2022 (Avdelning – Innovation & utveckling). Uppföljning av det systematiska arbetsmiljöarbetet, genomförd 2022-10-26.

1. Skyddsombud och/eller medarbetare medverkar vid denna uppföljning. Ja.
2. Luleå kommuns personalpolicy tillika arbetsmiljöpolicy är känd av alla medarbetare och används i arbetsmiljöarbetet. Ja.
5. Skyddsombud ges möjlighet att medverka i arbetsmiljöarbetet (besvaras endast om det finns skyddsombud). Ej besvarad.
7. Vi har en tydlig och dokumenterad fördelning av arbetsmiljöuppgifter som talar om vem som ska göra vad i arbetsmiljöarbetet. Ja.
11. Det finns skriftliga instruktioner för arbeten som innebär allvarliga risker (besvaras endast om det finns allvarliga risker). Delvis.
13. För att främja hälsa och förebygga ohälsa undersöker och riskbedömer vi den organisatoriska och sociala arbetsmiljön minst en gång om året. Ja.
19. Vi rapporterar alla arbetsskador i Stella och till Försäkringskassan. Ja.
20. Vi rapporterar alla tillbud i Stella. Ja.
25. Vi anlitar Kommunhälsan, eller annan sakkunnig hjälp, om vår kompetens inom arbetsmiljöarbetet inte räcker till. Ja.

Av 25 påståenden besvarades ett med "delvis" (påstående 11), ett besvarades inte (påstående 5) och övriga med "ja".`;

const FINANCING_TEXT = `Bilaga finansiering och fördelning. Översikt finansiering Norrbottens e-nämnd.

Beloppen för Norrbottens e-nämnd är fördelat på 14 kommuner. Kostnader för nämndens samordnande uppgifter ska fördelas mellan medlemskommunerna i lika delar och betalas i förskott baserat på nämndens budget. Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad. Uppkomna över- och underskott balanseras inom nämnden till efterföljande år. Betalning ska ske i januari månad varje år.

Kostnader för nämndens samordnande uppgifter: 1 065 400 kr för 2022 fördelat på 14 kommuner, 76 100 kr per kommun. 1 127 000 kr för 2023 fördelat på 14 kommuner, 80 500 kr per kommun (budget).

Kostnader för nämndens förvaltande uppgifter: Tjänsteman, verksamhetsutvecklare e-tjänster inkl. omkostnader: 937 200 kr för 2022, fördelat mellan 14 kommuner; 991 000 kr för 2023, fördelat mellan 14 kommuner (budget).

Fördelning per kommun, grundfinansiering e-kontor / verksamhetsutvecklare e-tjänster: Arjeplog 76 100 / 40 000, Arvidsjaur 76 100 / 46 200, Boden 76 100 / 85 200, Gällivare 76 100 / 66 300, Haparanda 76 100 / 52 300, Jokkmokk 76 100 / 43 800, Kalix 76 100 / 63 400, Kiruna 76 100 / 75 900, Luleå 76 100 / 174 500, Pajala 76 100 / 45 900, Piteå 76 100 / 110 500, Älvsbyn 76 100 / 49 500, Överkalix 76 100 / 41 000, Övertorneå 76 100 / 42 700. Summa 1 065 400 / 937 200.

För övriga kostnader för nämndens förvaltande uppgifter ersätts dessa av medlemskommunerna i enlighet med särskilda överenskommelser. För gemensamt verksamhetssystem socialtjänsten se överenskommelse i respektive medlemskommun.`;

const AGREEMENT_TEXT = `Avtal om samverkan i gemensam e-nämnd för Norrbottens kommuner.

Arjeplog, Arvidsjaur, Boden, Gällivare, Haparanda, Jokkmokk, Kalix, Kiruna, Luleå, Pajala, Piteå, Älvsbyn, Överkalix och Övertorneå kommuner samverkar sedan 2013-06-01 i en gemensam nämnd för utveckling av digital förvaltning. Luleå kommun är värdkommun och nämnden ingår därmed i Luleå kommuns organisation.

1. Uppgifter. Den gemensamma nämnden ska fungera som en samverkansplattform för medlemskommunernas arbete inom digital förvaltning. Medlemskommunerna har inte överlåtit någon rätt att fatta beslut för medlemskommunernas räkning till nämnden.

2. Personal och äganderätt till egendom. Luleå kommun ska tillhandahålla de fastigheter, inventarier och annan lös egendom som krävs, samt vara arbetsgivare för den personal som ianspråktas för verksamheten.

3. Organisation. För nämndens samordnande uppgifter ska finnas ett kansli som sköter nämndens samordning och administrativa funktioner. För beredning av nämndens ärenden ska finnas en beredningsgrupp bestående av en tjänsteperson från varje medlemskommun.

4. Kostnadsfördelning och finansiering. Förtroendevalda i nämnden har rätt till ersättning av den medlemskommun som har valt dem. Kostnader för nämndens samordnande uppgifter ska fördelas mellan medlemskommunerna i lika delar och betalas i förskott baserat på nämndens budget. Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad. Uppkomna över- och underskott balanseras inom nämnden till efterföljande år. Betalning ska ske i januari månad varje år.

5. Budgetprocess. Luleå kommun fastställer budget för nämnden efter samråd med övriga medlemskommuner.

9. Regressrätt. Vid skadeståndsanspråk med anledning av verksamheten är Luleå kommun som värdkommunen ensam part i målet.

10. Avtalets giltighet. Detta avtal gäller från och med den 1 januari 2023 till och med den 31 december 2026 under förutsättning att fullmäktige i alla medlemskommuner har godkänt avtalet genom beslut som vunnit laga kraft. Avtalet förlängs därefter med 4 år i taget om inte uppsägning sker senast 12 månader före avtalets utgång.`;

const REGULATIONS_TEXT = `Reglemente för gemensam e-nämnd för Norrbottens kommuner.

Luleå kommun är värdkommun och nämnden ingår därmed i Luleå kommuns organisation. Gemensam e-nämnd för Norrbottens kommuner ska benämnas "Norrbottens e-nämnd".

1 § ${PURPOSE_TEXT}

9 § Nämnden sammanträder på dag och tid som nämnden bestämmer och när minst en tredjedel av nämndens ledamöter begär det eller ordföranden anser att det behövs. En begäran om extra sammanträde ska inlämnas skriftligen till ordföranden och innehålla uppgift om det eller de ärenden som önskas behandlas på det extra sammanträdet.

10 § Kallelsen ska vara skriftlig och innehålla uppgift om tid och plats för sammanträdet. Kallelsen ska tillställas varje ledamot och ersättare samt annan förtroendevald som får närvara vid sammanträdet senast fem dagar före sammanträdesdagen. Kallelse får ske elektroniskt om det inte är olämpligt.

12 § Ledamöter och ersättare får delta vid sammanträden på distans. Deltagande på distans får endast äga rum om ljud- och bildöverföring sker i realtid och på ett sådant sätt att samtliga deltagare kan se och höra varandra på lika villkor.

13 § Nämnden består av 14 ledamöter och 14 ersättare. Varje samverkande part utser en ledamot och en ersättare.

17 § Om en ledamot är förhindrad att delta eller att vidare delta i ett sammanträde ska ersättaren från den samverkande part som valt ledamoten tjänstgöra i ledamotens ställe.

22 § Protokollet justeras av ordföranden och en ledamot.

23 § Justeringen av nämndens protokoll ska tillkännages på var och en av de samverkande kommunernas anslagstavlor.

27 § Nämnden är personuppgiftsansvarig enligt dataskyddsförordningen (GDPR), för de personuppgifter som behandlas inom nämndens verksamhetsområde.

28 § Nämnden svarar för vård och förvaring av verksamhetens arkivhandlingar enligt arkivlagen, arkivreglemente och upprättad dokumenthanteringsplan.`;

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
  { organisation: COMMITTEE, year: 2022, number: 9, case: committeeCase(2022, 20), direction: 'drawn_up', date: '2022-11-15', counterpart: OFFICE, description: 'utfall oktober 2022, fördelning 2022, Budget 2022', secrecy: 'public', securityClass: 'Internt konfidentiellt', text: ECONOMY_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 11, case: committeeCase(2022, 21), direction: 'drawn_up', date: '2022-11-17', counterpart: OFFICE, description: 'Planera - Intern kontroll', secrecy: 'public', securityClass: 'Öppen', text: INTERNAL_CONTROL_TEXT },
  // Decided 2022-09-12; registered by the committee when the case was prepared (date invented).
  { organisation: COMMITTEE, year: 2022, number: 12, case: committeeCase(2022, 21), direction: 'incoming', date: '2022-11-17', counterpart: 'Luleå kommunstyrelse', description: 'Beslut Kommunstyrelsen 2022-09-12 Obligatoriska kontrollmoment 2023', secrecy: 'public', securityClass: 'Öppen', text: KS_DECISION_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 14, case: committeeCase(2022, 23), direction: 'drawn_up', date: '2022-11-24', counterpart: OFFICE, description: 'Verksamhetsplan 2023', secrecy: 'public', securityClass: 'Öppen', text: BUSINESS_PLAN_2023_TEXT },
  // The answer sheet is dated "(2022-11-25)".
  { organisation: COMMITTEE, year: 2022, number: 15, case: committeeCase(2022, 24), direction: 'drawn_up', date: '2022-11-25', counterpart: 'Avdelningen Innovation & utveckling, Luleå kommun', description: 'Svarsunderlag', secrecy: 'public', securityClass: 'Öppen', text: SAM_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 18, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Bilaga_finansiering_samverkansavtal', secrecy: 'public', securityClass: 'Öppen', text: FINANCING_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 19, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Samverkansavtal', secrecy: 'public', securityClass: 'Öppen', text: AGREEMENT_TEXT },
  { organisation: COMMITTEE, year: 2022, number: 20, case: committeeCase(2022, 25), direction: 'drawn_up', date: '2022-12-01', counterpart: OFFICE, description: 'Reglemente', secrecy: 'public', securityClass: 'Öppen', text: REGULATIONS_TEXT },
  { organisation: COMMITTEE, year: 2021, number: 83, case: committeeCase(2021, 23), direction: 'drawn_up', date: '2021-12-16', counterpart: OFFICE, description: 'Verksamhetsplan 2022', secrecy: 'public', securityClass: 'Öppen', text: BUSINESS_PLAN_2022_TEXT },
  {
    organisation: COMMITTEE, year: 2022, number: 21, case: committeeCase(2022, 23), direction: 'drawn_up', date: '2022-12-05', counterpart: OFFICE,
    description: 'Arbetsutkast verksamhetsplan 2023, synpunkter från beredningsgruppen', secrecy: 'internal', securityClass: 'Öppen', text: DRAFT_TEXT,
  },
  {
    organisation: COMMITTEE, year: 2022, number: 22, case: committeeCase(2022, 28), direction: 'incoming', date: '2022-12-07', counterpart: 'Extern säkerhetsgranskare',
    description: 'Säkerhetsgranskning av datacenter, granskningsrapport', secrecy: 'secret', securityClass: 'Konfidentiellt', text: SECRET_TEXT,
    secrecyProvision: 'OSL 18 kap. 8 §', secrecyMarkedAt: '2022-12-07', secrecyMarkedBy: 'Nämndsekreteraren',
    publicDescription: 'Handling om säkerhetsåtgärder (sekretess)',
  },
  // Luleå's own registry (KLF), § 227's beslutsunderlag; dates invented before the AU meeting.
  { organisation: HOST, year: 2022, number: 5128, case: { organisation: HOST, year: 2022, number: 1003 }, direction: 'drawn_up', date: '2022-08-15', counterpart: 'Kommunstaben, Luleå kommun', description: 'Kommunstabens förslag till beslut gällande obligatoriska kontrollmoment för intern kontroll 2023', secrecy: 'public', securityClass: 'Öppen', text: KS_PROPOSAL_TEXT },
  { organisation: HOST, year: 2022, number: 5198, case: { organisation: HOST, year: 2022, number: 1003 }, direction: 'drawn_up', date: '2022-08-29', counterpart: 'Kommunstyrelsens arbetsutskott, Luleå kommun', description: 'Kommunstyrelsens arbetsutskotts beslut 2022-08-29 § 176', secrecy: 'public', securityClass: 'Öppen', text: KSAU_TEXT },
];
