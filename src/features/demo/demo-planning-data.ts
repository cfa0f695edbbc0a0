/**
 * The seed's planning documents as demo data: verksamhetsplan 2023 (tabled at § 22) with its
 * edition history, goals, indicators and risks; the host's mandatory control points 2023 (KS § 227)
 * with the committee's assessment (§ 20); the 25 statements of the SAM follow-up 2022 (§ 23); and
 * the portfolio of the plan's section 4 with the status of § 21.
 */

export const PLAN_2023_SECTIONS: Record<string, string> = {
  purpose:
    'Syftet med samverkan är att samordna de enskilda medlemskommunernas arbete inom strategisk verksamhetsutveckling med stöd av IT, så kallad digital förvaltning, för att därigenom öka den mellankommunala samverkan och skapa förutsättningar för att uppnå en effektiv förvaltning av hög kvalité i alla medlemskommuner.\n\nDen gemensamma nämnden ska fungera som en samverkansplattform för medlemskommunernas arbete inom digital förvaltning. Nämndens huvuduppgift är att samordna medlemskommunernas arbete med att gemensamt utreda frågor kopplade till digital förvaltning i form av gemensamma förstudier och utvecklingsprojekt, och ta fram underlag inför samordnad upphandling av digitala lösningar. Nämnden kan därutöver efter överenskommelse med medlemskommuner tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar som upphandlats gemensamt.',
  strategicDirection:
    'Tillsammans skapar e-nämnden möjligheter till en innovativ, likvärdig och förbättrad service för medborgare och företag som gör det ännu mer attraktivt att leva och bo i Norrbotten.',
  effectGoals:
    'Effekten av e-nämndens verksamhet och samverkan mellan kommunerna ska leda till:\n• att öka attraktiviteten genom bättre service till medborgare och näringsliv – oavsett kommun inom e-nämnden\n• att bidra till en snabbare utveckling inom e-förvaltning, digitalisering för samtliga kommuner\n• att effektivare nyttja resurser och säkra kompetensförsörjning genom samverkan och genom att skapa förutsättningar för mellankommunal samverkan\n• att genom gemensamma alternativ bidra till effektivt resursutnyttjande och ekonomiskt fördelaktiga lösningar\n• att stärka omvärldsbevakningen för den enskilda kommunen',
  organisation:
    'E-nämnden: politiskt tillsatt nämnd med en ledamot och en ersättare från de 14 ingående kommunerna. Nämnden är ett beslutande och strategiskt forum.\n\nBeredningsgruppen: beredande organ för nämnden. Stöd till e-samordnaren.\n\nE-samordnare: tjänsteperson anställd i värdkommunen Luleå vars uppgift är att samordna nämndens verksamhet i samverkan med kommunerna och andra intressenter.\n\nNämndadministratör: tjänsteperson anställd i värdkommunen Luleå som bistår nämnden med erforderlig administrativ assistans.',
  annualCycle:
    'E-nämnden planerar att sammanträda fyra gånger under varje verksamhetsår. Beredningsgruppen planerar att träffas ca 10 gånger under varje verksamhetsår.\n\nMars: beslut om verksamhetsberättelse; information om ekonomi och verksamhet.\nJuni: beslut om budget och delårsrapport 1; information om ekonomi och verksamhet.\nSeptember/oktober: beslut om delårsrapport 2; riskanalys och verksamhetsplanering (strategidag); information om ekonomi och verksamhet.\nDecember: beslut om verksamhets- och internkontrollplan; information om ekonomi och verksamhet.',
  economy:
    'Kostnader för nämndens samordnande uppgifter fördelas mellan medlemskommunerna i lika delar och betalas i förskott. Beloppet räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). För 2023 är budgeten 1 127 000 kr, 80 500 kr per kommun och 14 kommuner.\n\nProjekt finansieras av de kommuner som väljer att delta och fördelas med invånarantal som fördelningsnyckel. Budget 2023: summa intäkter 7 618 100 kr, summa kostnader 7 618 100 kr.',
};

export const PLAN_2022_ECONOMY =
  'Kostnader för nämndens samordnande uppgifter fördelas mellan medlemskommunerna i lika delar och betalas i förskott. För 2022 är grundfinansieringen 1 065 400 kr, 76 100 kr per kommun och 14 kommuner.';

/** Utgåvehistorik för dokumentet (seed). */
export const PLAN_EDITIONS: { edition: string; editedOn: string; comment: string }[] = [
  { edition: '1', editedOn: '2018-05-13', comment: '' },
  { edition: '2', editedOn: '2019-05-15', comment: '' },
  { edition: '3', editedOn: '2020-02-28', comment: '' },
  {
    edition: '4',
    editedOn: '2020-03-11',
    comment: 'Tillägg under 3.2 Verksamhetsmål sida 6 – förtydligande av första målformulering. Gäller inom ”nämndens områden”. Samt tillägg ”övriga förtroendevalda”. Omformulering under rubrik 6 Projekt och aktiviteter sida 7 – Ändra från ”IT plattform Norrbotten” till ”gemensamt datacenter Norrbotten”.',
  },
  { edition: '5', editedOn: '2020-12-16', comment: '' },
  { edition: '6', editedOn: '2021-12-16', comment: '' },
  { edition: '7', editedOn: '2022-12-14', comment: '' },
];

type DemoIndicator = { name: string; measure: 'committee_meetings' | 'member_attendance' | 'prep_meetings' | 'prep_municipality_share' | 'followup_dialogues' | 'manual'; targetText: string; target?: number; minimum?: number; unit?: string };

const MEETINGS: DemoIndicator = { name: 'Genomförda sammanträden', measure: 'committee_meetings', targetText: 'minst 4', target: 4, minimum: 4, unit: 'sammanträden' };
const ATTENDANCE: DemoIndicator = { name: 'Ledamöternas närvaro', measure: 'member_attendance', targetText: '100 %, minst 75 %', target: 100, minimum: 75, unit: '%' };
const PREP: DemoIndicator = { name: 'Beredningsgruppens möten', measure: 'prep_meetings', targetText: '10 möten, minst 8', target: 10, minimum: 8, unit: 'möten' };
const PREP_SHARE: DemoIndicator = { name: 'Andel kommuner vid varje beredningsgruppsmöte', measure: 'prep_municipality_share', targetText: 'minst 75 %', minimum: 75, unit: '%' };
const DIALOGUES: DemoIndicator = { name: 'Uppföljningsdialoger med kommunerna', measure: 'followup_dialogues', targetText: 'alla kommuner', target: 100, minimum: 100, unit: '%' };

/** Verksamhetsplan 2023, 2.3.1 Mål and 2.3.2 Indikatorer (the indicators on the engagement goal). */
export const PLAN_2023_GOALS: { title: string; indicators: DemoIndicator[] }[] = [
  { title: 'Nämnden enskilt eller gemensamt med andra har genomfört minst en kompetenshöjande insats under året 2023 inom nämndens områden som riktar sig till nämndens ledamöter.', indicators: [{ name: 'Kompetenshöjande insatser för ledamöterna', measure: 'manual', targetText: 'minst 1', minimum: 1, unit: 'insatser' }] },
  { title: 'Nämnden har årligen genomfört och/eller samordnat behovsanalyser, förstudier, projekt och upphandlingar.', indicators: [{ name: 'Genomförda eller samordnade behovsanalyser, förstudier, projekt och upphandlingar', measure: 'manual', targetText: 'minst 1 under året', minimum: 1 }] },
  { title: 'Nämnden tillhandahåller och följer upp de avtal som tecknas för de ingående kommunerna efter genomförd upphandling inom ramen för Norrbottens e-nämnd.', indicators: [{ name: 'Avtal uppföljda enligt rutin', measure: 'manual', targetText: 'alla avtal', target: 100, minimum: 100, unit: '%' }] },
  { title: 'Nämnden har genomfört minst fyra sammanträden under verksamhetsåret.', indicators: [MEETINGS] },
  { title: 'Ingående kommuner visar ett starkt engagemang för nämnden. Vi eftersträvar en närvaro om 100 % från nämndens ledamöter, målet är dock att minst 75 % deltar.', indicators: [ATTENDANCE, PREP, PREP_SHARE, DIALOGUES] },
  { title: 'Under verksamhetsåret 2023 ska nämndens reglemente och samverkansavtal vara reviderat.', indicators: [{ name: 'Kommuner som antagit reviderat reglemente och samverkansavtal', measure: 'manual', targetText: 'alla 14 kommuner', target: 14, minimum: 14, unit: 'kommuner' }] },
];

/** The 2022 plan (edition 6, adopted 2021-12-16): its standing goals, measured from the demo's 2022 meetings. */
export const PLAN_2022_GOALS: { title: string; indicators: DemoIndicator[] }[] = [
  { title: 'Nämnden har genomfört minst fyra sammanträden under verksamhetsåret.', indicators: [MEETINGS] },
  { title: 'Ingående kommuner visar ett starkt engagemang för nämnden. Vi eftersträvar en närvaro om 100 % från nämndens ledamöter, målet är dock att minst 75 % deltar.', indicators: [ATTENDANCE, PREP, PREP_SHARE] },
  { title: 'Reglementet och samverkansavtalet revideras utifrån uppstådda behov av förtydligande och för en mer ändamålsenlig verksamhet.', indicators: [{ name: 'Förslag till reviderat reglemente och samverkansavtal till nämnden', measure: 'manual', targetText: 'under 2022', minimum: 1 }] },
];

type DemoRisk = { title: string; responsible: string; method: string; probability: number; consequence: number; decision: 'accepted' | 'internal_control'; analysis: string };

/** Verksamhetsplan 2023, 3 Internkontrollplan 2023 och riskanalys. */
export const RISKS_2023: DemoRisk[] = [
  { title: 'Projekt följer inte plan för tid, mål och budget', responsible: 'Samordnare', method: 'Avstämning med projektledare', probability: 4, consequence: 1, decision: 'accepted', analysis: 'Att projekt försenas är inte ovanligt och kan påverka projektekonomin negativt men även enskild kommun då dessa väntar på lösningar som ska komma ur projekten och kan ha avtal som är på väg att löpa ut.' },
  { title: 'Befintliga leverantörsavtal efterlevs ej och följs inte upp', responsible: 'Utsedd förvaltningsorganisation', method: 'Leverantörsdialoger', probability: 2, consequence: 2, decision: 'accepted', analysis: 'Det finns en ansenlig mängd avtal inom nämnden som kommunerna nyttjar – antingen gemensamt eller via enskilt avrop. Dessa behöver följas upp för att tillgodose följsamhet hos både leverantör och beställare.' },
  { title: 'Nämnden lyckas inte fastställa reviderat reglemente och samverkansavtal', responsible: 'Fullmäktige i respektive ingående kommun', method: 'Uppföljning av beslutsläge i respektive kommun', probability: 2, consequence: 3, decision: 'internal_control', analysis: 'Om nämnden inte kan fastställa nytt reglemente så gäller reglementet från 2013 som kräver förtydligande och som inte anses vara ändamålsenligt.' },
  { title: 'Resursbrist på grund av vakant tjänst samordnare e-nämnden', responsible: 'Ansvarig chef', method: 'Uppföljning av rekryteringsprocess', probability: 2, consequence: 3, decision: 'internal_control', analysis: 'Resursbristen innebär en avsevärt minskad utvecklingstakt, försämrad kommunikation och information gentemot ingående kommuner.' },
];

/**
 * Luleå kommunstyrelse 2022-09-12 § 227 and the committee's assessment (seed § 20, "Intern
 * kontroll - 2023"): each control point is its own risk, titled and valued as the adopted
 * document has it. The seed's table names no one responsible, so no one is named. The GDPR row
 * reads "1 osannolik 2 lindrig 3 kännbar": the adopted risk value is 3, so the register holds
 * probability 1 and consequence 3 (kännbar), whose product is that value.
 */
export const CONTROL_POINTS_2023: { title: string; description: string; assessment: string; risk: DemoRisk }[] = [
  {
    title: 'Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR)',
    description: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov. Personuppgiftsbiträdesavtal; Rutiner för registrerades rättigheter; Information till registrerade; Kvalitén i befintliga registreringar i registerförteckning.',
    assessment: 'Nämnden har personuppgiftsbiträdesavtal, samt följer Luleå kommuns process för registerförteckning. Risk accepteras (§ 20).',
    risk: { title: 'Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR)', responsible: '', method: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov', probability: 1, consequence: 3, decision: 'accepted', analysis: 'Nämnden har personuppgiftsbiträdesavtal, samt följer Luleå kommuns process för registerförteckning.' },
  },
  {
    title: 'Kontrollera och säkerställ efterlevnad av rutinen för leasingavtal',
    description: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov. Leasingavtal.',
    assessment: 'Nämnden innehar inga egna leasingavtal. Risk accepteras (§ 20).',
    risk: { title: 'Kontrollera och säkerställ efterlevnad av rutinen för leasingavtal', responsible: '', method: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov', probability: 1, consequence: 1, decision: 'accepted', analysis: 'Nämnden innehar inga egna leasingavtal.' },
  },
  {
    title: 'Kontrollera och säkerställa att gällande regler för informationsförvaltning följs',
    description: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov. Arkivbeskrivning; Dokumenthanteringsplan; Kvalitén i dokumenthanteringsplanen; Information skyddas mot brand, vatten, stöld och skadegörelse.',
    assessment: 'Norrbottens e-nämnd följer värdkommunen Luleå kommuns regler och rutiner för dokumenthanteringsplaner och informationsförvaltning. Risk accepteras (§ 20).',
    risk: { title: 'Kontrollera och säkerställa att gällande regler för informationsförvaltning följs', responsible: '', method: 'Kontrollmetod exempelvis: Kontroll av alla eller stickprov', probability: 2, consequence: 2, decision: 'accepted', analysis: 'Norrbottens e-nämnd följer värdkommunen Luleå kommuns regler och rutiner för dokumenthanteringsplaner och informationsförvaltning.' },
  },
];

/**
 * Invented (the seed has no control activities): the risks followed up through internal control,
 * with the seed's method as the activity; owner and date are invented (origin 'demo').
 */
export const ACTIVITIES_2023: { riskTitle: string; title: string; owner: string; dueOn: string }[] = [
  { riskTitle: 'Nämnden lyckas inte fastställa reviderat reglemente och samverkansavtal', title: 'Uppföljning av beslutsläge i respektive kommun', owner: 'Samordnare', dueOn: '2023-06-22' },
  { riskTitle: 'Resursbrist på grund av vakant tjänst samordnare e-nämnden', title: 'Uppföljning av rekryteringsprocess', owner: 'Ansvarig chef', dueOn: '2023-03-03' },
];

/** Svarsunderlag 2022 (Avdelning Innovation & utveckling), seed § 23. */
export const SAM_STATEMENTS: string[] = [
  'Skyddsombud och/eller medarbetare medverkar vid denna uppföljning.',
  'Luleå kommuns personalpolicy tillika arbetsmiljöpolicy är känd av alla medarbetare och används i arbetsmiljöarbetet.',
  'Vi arbetar enligt Luleå kommuns rutiner för det systematiska arbetsmiljöarbetet och kompletterar, vid behov, med egna verksamhetsspecifika rutiner.',
  'Arbetsmiljöarbetet är en naturlig del i vår dagliga verksamhet.',
  'Skyddsombud ges möjlighet att medverka i arbetsmiljöarbetet. (besvaras endast om det finns skyddsombud)',
  'Medarbetare ges möjlighet att medverka i arbetsmiljöarbetet.',
  'Vi har en tydlig och dokumenterad fördelning av arbetsmiljöuppgifter som talar om vem som ska göra vad i arbetsmiljöarbetet.',
  'De som tilldelats arbetsmiljöuppgifter har tillräckliga befogenheter och resurser för att genomföra dessa arbetsuppgifter.',
  'De som tilldelats arbetsmiljöuppgifter har tillräcklig kompetens för att genomföra dessa arbetsuppgifter.',
  'Medarbetarna har tillräckliga kunskaper om riskerna i arbetet och hur man ska arbeta på ett säkert sätt.',
  'Det finns skriftliga instruktioner för arbeten som innebär allvarliga risker. (besvaras endast om det finns allvarliga risker)',
  'För att främja hälsa och förebygga ohälsa undersöker och riskbedömer vi den fysiska arbetsmiljön minst en gång om året.',
  'För att främja hälsa och förebygga ohälsa undersöker och riskbedömer vi den organisatoriska och sociala arbetsmiljön minst en gång om året.',
  'Vi arbetar aktivt med mål för den organisatoriska och sociala arbetsmiljön i vår verksamhet.',
  'Fördjupade/riktade undersökningar och riskbedömningar av arbetsförhållanden genomförs utifrån verksamhetens behov.',
  'Inför förändringar i verksamheten genomförs risk- och konsekvensbedömning.',
  'Vi upprättar handlingsplaner för de åtgärder som inte kan genomföras omedelbart.',
  'Vi följer upp de åtgärder som vi genomför för att se om de har fått önskad effekt.',
  'Vi rapporterar alla arbetsskador i Stella och till Försäkringskassan.',
  'Vi rapporterar alla tillbud i Stella.',
  'Vi rapporterar allvarliga arbetsskador och tillbud utan dröjsmål till Arbetsmiljöverket.',
  'Vi utreder ohälsa, tillbud och olycksfall för att säkerställa att det inte händer igen.',
  'Vi arbetar med rehabilitering och arbetsanpassning om behov uppstår.',
  'Vi har dokumenterade rutiner för första hjälpen och krisstöd som behövs med hänsyn till verksamhetens art, omfattning och särskilda risker.',
  'Vi anlitar Kommunhälsan, eller annan sakkunnig hjälp, om vår kompetens inom arbetsmiljöarbetet inte räcker till.',
];

/** The 2022 answers: Ja to all but 5 (left unanswered in the seed) and 11 (Delvis, § 23). */
export const SAM_2022_EXCEPTIONS: Record<string, { answer: 'partly' | 'not_applicable'; explanation: string; action?: string; actionOwner?: string; actionDueOn?: string }> = {
  '5': { answer: 'not_applicable', explanation: 'Besvaras endast om det finns skyddsombud; lämnades obesvarat i svarsunderlaget 2022.' },
  '11': {
    answer: 'partly',
    explanation: 'Det finns personal inom Luleå kommun som arbetar med nät och kommunikation med tillgång till utrymmen med starkström som kräver utbildning och/eller instruktioner. Men detta gäller inte personal anställda under Norrbottens e-nämnd då dessa uppgifter inte ingår i Norrbottens e-nämnds arbete.',
    // Invented: the seed gives no action for statement 11 (the answer is marked origin 'demo').
    action: 'Instruktionerna för arbete i starkströmsutrymmen hanteras i värdkommunens arbetsmiljöprocess för den personal som berörs.',
    actionOwner: 'Avdelningschef Innovation & Utveckling',
    actionDueOn: '2022-12-31',
  },
};

type DemoPortfolio = { kind: 'project' | 'managed_service' | 'ongoing'; name: string; phase: string; status: 'on_track' | 'at_risk' | 'delayed' | 'paused' | 'done'; timePlan: string; comment: string; allMunicipalities: boolean };

/** Verksamhetsplan 2023, 4 Projekt, förvaltning och löpande verksamhet, with the status of § 21. */
export const PORTFOLIO: DemoPortfolio[] = [
  { kind: 'project', name: 'Gemensamt verksamhetssystem Socialtjänsten Norrbotten', phase: 'Införande', status: 'on_track', timePlan: '2017–2023', comment: 'Stödja socialtjänsten i utökad samverkan genom gemensamt systemstöd. Gällivare kommun först ut i en pilot under slutet av 2022 och början av 2023, sedan finns en införandeplan för alla kommuner. Rekrytering och etablering av gemensam förvaltningsorganisation pågår.', allMunicipalities: true },
  { kind: 'project', name: 'Gemensamt system elevhälsan', phase: 'Utveckling/realisering', status: 'on_track', timePlan: '2019–2023', comment: 'En samlad elevhälsa i länet. Projektet pågår enligt plan. Planering inför gemensam upphandling påbörjad; inköpare tillsatt, kravutveckling påbörjad.', allMunicipalities: false },
  { kind: 'project', name: 'Datacenter Norrbotten (DCBD)', phase: 'Införande', status: 'on_track', timePlan: '2019–2023', comment: 'Stödja IT-verksamheten i utökad samverkan genom gemensamt datacenter. I drift och förvaltning sedan 2021; migrering av kommuner pågår.', allMunicipalities: false },
  { kind: 'project', name: 'Gemensamt löneadministrativt system', phase: 'Förstudie', status: 'on_track', timePlan: '2021–2023', comment: 'Förstudien pågår. Direktivet reviderat till att endast omfatta löneadministration. Avslutas och slutrapporteras Q1 2023.', allMunicipalities: false },
  { kind: 'project', name: 'Förstudie gemensam e-learning plattform/kursportal', phase: 'Förstudie', status: 'done', timePlan: '', comment: 'Förstudie genomförd och slutrapporterad. Hittills har 8 kommuner meddelat att man vill gå vidare med ett gemensamt utvecklingsprojekt.', allMunicipalities: false },
  { kind: 'managed_service', name: 'Förvaltning gemensam e-tjänsteplattform', phase: 'Förvaltning', status: 'on_track', timePlan: '', comment: 'I drift och förvaltning sedan 2017. Varje kommun arbetar med verksamhetsutförande, där e-nämnden stöttar. Upphandling av ny drift, support och utveckling sker under 2022/2023.', allMunicipalities: true },
  { kind: 'managed_service', name: 'Gemensam funktion – digitala signaturer inom kommunen och med externa intressenter', phase: 'Förvaltning', status: 'on_track', timePlan: '2020–2021', comment: 'Funktionen driftsatt; varje kommun beslutar och aktiverar själv för nyttjande.', allMunicipalities: true },
  { kind: 'managed_service', name: 'Verksamhetssystem för räddningstjänsten', phase: 'Förvaltning', status: 'on_track', timePlan: '', comment: 'I drift och förvaltning sedan 2017.', allMunicipalities: true },
  { kind: 'managed_service', name: 'Gemensamt e-arkiv', phase: 'Förvaltning', status: 'on_track', timePlan: '', comment: 'I drift sedan 2019. Dialog kring gemensamt stöd och förvaltning pågår.', allMunicipalities: true },
  { kind: 'managed_service', name: 'Förvaltning ramavtal', phase: 'Förvaltning', status: 'on_track', timePlan: 'Respektive avtalslängd', comment: 'Bevaka avtalstider, styrning och uppföljning enligt rutin.', allMunicipalities: true },
  { kind: 'managed_service', name: 'Förvaltning gemensamma kontrakt', phase: 'Förvaltning', status: 'on_track', timePlan: 'Respektive avtalslängd', comment: 'Genom respektive utsedd förvaltningsorganisation.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Intern struktur', phase: 'Pågående', status: 'on_track', timePlan: '2020–2023', comment: 'Samverkanshandbok med tillhörande bilagor framtagen och publicerad. Förslag till reviderat reglemente och samverkansavtal tas upp i nämnden 2022-12-14.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Rekrytering samordnare', phase: 'Rekrytering', status: 'done', timePlan: '', comment: 'Ny samordnare rekryterad, börjar 2/1 2023.', allMunicipalities: false },
  { kind: 'ongoing', name: 'Rekrytering förvaltningsledare verksamhetssystem Socialtjänsten', phase: 'Rekrytering', status: 'delayed', timePlan: '', comment: 'Omtag, ny annonsering under vecka 49.', allMunicipalities: false },
  { kind: 'ongoing', name: 'Regional samverkan', phase: 'Löpande', status: 'on_track', timePlan: 'Löpande', comment: 'Norrbottens Kommuner.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Kommunikationsaktiviteter', phase: 'Löpande', status: 'on_track', timePlan: 'Löpande', comment: 'Nyhetsbrev, möten, kommundialoger, presentationer, med mera.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Utbildning/fortbildning', phase: 'Löpande', status: 'on_track', timePlan: 'Löpande', comment: 'Nämndsammanträden, nätverksmöten, strategidagar.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Ekonomi/administration', phase: 'Löpande', status: 'on_track', timePlan: 'Löpande', comment: 'Upprättande av budget, fakturering, nämndadministration, sekreterarskap.', allMunicipalities: true },
  { kind: 'ongoing', name: 'Nämndsammanträden och beredningsgruppsmöten/IT-chefsnätverk', phase: 'Löpande', status: 'on_track', timePlan: 'Sammanträden 4/år, beredningsgrupp 8–10/år', comment: 'Förbereda underlag, planera, genomföra, dokumentera, följa upp och exekvera beslut.', allMunicipalities: true },
];
