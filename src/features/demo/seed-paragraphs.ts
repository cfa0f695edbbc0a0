/**
 * The long texts of the seed protocol's paragraphs (Norrbottens e-nämnd 2022-12-14), word for word
 * as the seed has them (its typos included: "man vi gå vidare", "arbetet med revidering"), with
 * the seed's own list marks ("•", "o", "–", "-") at the start of a line. The picture in § 24
 * ("Beslutsstruktur utifrån förslag") is a picture in the seed and is not repeated as text.
 */

/** § 21, Sammanfattning av ärendet. */
export const SEED_ACTIVITIES = `Inom ramen för Norrbottens e-nämnd pågår aktiviteter som utgår från en beslutad verksamhetsplan. Nedan följer en kort status för varje

• DCBD (gemensamt datacenter)
STATUS:
o I drift och förvaltning sedan 2021.
o Älvsbyn, Boden och Gällivare är inne i plattformen
o Migrering av kommuner pågår

• Etablering verksamhetssystem Socialtjänsten Norrbotten
STATUS:
o Gällivare kommun först ut i en pilot under slutet av 2022 och början av 2023, sedan finns en införandeplan för alla kommuner.
o Rekrytering och etablering av gemensam förvaltningsorganisation pågår
o Stort fokus på förändringsledning och mellankommunal samverkan.

• Utvecklingsprojekt gemensamt system för elevhälsan i Norrbotten
STATUS:
o Projektet pågår enligt plan. Planering inför gemensam upphandling påbörjad.
o Inköpare tillsatt, kravutveckling påbörjad.

• Förstudie gemensam e-learning plattform/kursportal
STATUS:
o Förstudie genomförd och slutrapporterad
o Hittills har 8 kommuner meddelat att man vi gå vidare med ett gemensamt utvecklingsprojekt

• Gemensamt Lönesystem (f.d. HR)
STATUS:
o Förstudien pågår
o Direktivet reviderat till att endast omfatta löneadministration
o Avslutas och slutrapporteras Q1 2023

• Etablering av funktion för Digitala signaturer
STATUS:
o Funktionen driftsatt, varje kommun beslutar och aktiverar själv för nyttjande.

• E-tjänsteplattformen
STATUS:
o I drift och förvaltning sedan 2017
o Upphandling för Ny drift-, support- och utveckling av plattformen sker under 2022/2023.

• Verksamhetssystem för räddningstjänsten
STATUS:
o I drift och förvaltning sedan 2017

• Gemensam E-arkiv
STATUS:
o I drift sedan 2019
o Dialog kring gemensamt stöd och förvaltning pågår

• Rekrytering samordnare
STATUS:
o Ny samordnare rekryterad, börjar 2/1 2023

• Rekrytering förvaltningsledare verksamhetssystem Socialtjänsten
STATUS:
o omtag, ny annonsering under vecka 49

• Intern struktur
STATUS:
o Samverkanshandbok med tillhörande bilagor framtagen, publicerad på www.norrbottensenamnd.se och kommunicerad till alla ingående kommuner
o Arbetet med revidering av reglemente och samverkansavtal har fortgått under perioden och beredningsgruppen har fått ta del av utkast på reglemente och samverkansavtal och har haft som uppgift att förankra dessa i den egna kommunen.
o Förslag till reviderat reglemente och samverkansavtal tas upp i nämnden vid sammanträde 2022-12-14.`;

/** § 24, Sammanfattning av ärendet, with its Bakgrund and the development work. */
export const SEED_RULES_SUMMARY = `Norrbottens e-nämnd har sedan 2013 ett upprättat reglemente med tillhörande samverkansavtal (samverkansavtal reviderat 2016). I detta regleras nämndens uppgifter och ansvarsområden. Behov av översyn och möjlig revidering av reglemente och samverkansavtal har uppstått utifrån att ingående kommuner anser att nämndens uppdrag och uppgifter kan behöva förtydligas, särskilt vad gäller beslutsfattande och förvaltningsrelaterade uppgifter (för gemensamma lösningar och ramavtal). Därav har flera arbetsgrupper bestående av representanter med deltagare från flera av medlemskommunerna formerats och har under delar av året 2021 och 2022 arbetat fram rutiner, checklistor, riktlinjer och en gemensam samverkanshandbok för den operativa verksamheten inom nämnden. Vid e-nämndens sammanträde 2021-12-16 e-nämnd Hid: 2021.83 antog nämnden verksamhetsplan för året 2022 där ett av verksamhetsmålen för året är att reglementet och samverkansavtalet ska revideras utifrån uppstådda behov av förtydligande och för en mer ändamålsenlig verksamhet.

Olika förslag har diskuterats med beredningsgruppen och de olika arbetsgrupperna (arbetsgrupp intern struktur, arbetsgrupp upphandling och arbetsgrupp juridik), samt den politiska arbetsgruppen. Ett förslag till revidering av reglemente och samverkansavtal har genom de olika arbetsgrupperna och i samverkan med beredningsgruppen tagits fram. Detta förslag har via beredningsgruppen presenterats i alla medlemskommuner för förankring. Nämnden ombeds fatta beslut att väcka ärende i respektive medlemskommuns fullmäktige för revidering av reglemente och samverkansavtal för Norrbottens e-nämnd i enlighet med bifogade underlag ”Reglemente” och ”samverkansavtal”.

Bakgrund

Sveriges kommuner och landsting (SKL) tog 2011 fram “Strategi för eSamhället” som vägledning för utveckling av arbetet mot eSamhället. Vägledningen innehåller 3 övergripande mål:

– Enklare vardag för privatpersoner och företag

– Smartare och öppnare förvaltning som stödjer innovation och delaktighet

– Högre kvalitet och effektivitet i verksamheten

Flertalet av länets kommuner antog strategin påbörjade utvecklingsarbeten utifrån denna. SKL konstaterade dock att regional samverkan är absolut nödvändig för att de mindre kommunerna ska ges förutsättningar att uppnå strategins intentioner.

Utifrån detta beslutade dåvarande kommunförbundet i Norrbotten via styrelsen att ge under 2012 uppdraget till en arbetsgrupp (AG IT), bestående av 3 kommunalråd, 3 kommunchefer, en IT-chef samt två tjänstemän från Kommunförbundet, att utreda möjligheten till samverkan i länet kopplat till strategin för eSamhället.

Utifrån utredningen beslutade kommunförbundets styrelse att 2012-12-13 rekommendera länets kommuner att bilda en gemensam nämnd med Luleå som värdkommun. Kommunfullmäktige i Luleå kommun beslöt 13-02-25 att inrätta en gemensam e-nämnd och bjuda in övriga kommuner i Norrbotten. Respektive kommun fattade beslut i frågan via sina kommunfullmäktige under 2013 och 13 av 14 kommuner klev in som medlemskommuner. 2016 klev även den 14e kommunen i Norrbotten in i den gemensamma nämnden vid namn ”Norrbottens e-nämnd”.

Vid nämndens inrättande upprättades ett reglemente och samverkansavtal framtaget av en utredningsgrupp med tjänstepersoner från Piteå, Kalix, Luleå och kommunförbundet. Detta reglemente baserades till stor del på en annan gemensam nämnds reglemente och som rekommenderades av dåvarande SKL (Sveriges kommuner och landsting, nuvarande SKR – Sveriges kommuner och regioner). Reglementet granskades av Luleå kommuns kommunjurist innan antagande.

Utvecklingsarbeten inom nämnden

Vid beredningsgruppens möte 2020-04-07 beslutades att en arbetsgrupp för ”intern struktur” med deltagare från medlemskommunerna skulle formeras för att tillsammans med samordnare arbeta med att utveckla processer för verksamheten inom Norrbottens e-nämnd, samt mallar, rutiner, riktlinjer och arbetssätt. Detta utifrån att kommunerna i dialog med samordnare pekat ut områden som krävde förtydligande och behov av struktur. Det som främst pekades ut var otydlighet gällande ansvarsfördelning och beslut mellan den egna kommun och den gemensamma nämnden, samt otydlighet gällande gemensamma avtal, gemensamma lösningar och gemensam förvaltning. I anslutning till denna arbetsgrupp beslutades även vid nämndens sammanträde 2020-11-05 att en tillfällig politisk arbetsgrupp bestående av ordförande, vice ordförande och några ledamöter skulle formeras för att agera styrgrupp till arbetet och hantera mer strategiskt övergripande frågeställningar kopplat till intern struktur. Utifrån behov som uppstått har även en arbetsgrupp som hanterat upphandlings- och avtalsrelaterade frågor samt en arbetsgrupp för juridiska spörsmål och arbete med reviderat reglemente och samverkansavtal skapats under 2021. Alla arbetsgrupper har bestått av resurser från ingående kommuner med rätt kompetens utifrån uppdraget.

Arbetsgruppen för intern struktur började med att definiera huvudprocess och delprocesser för Norrbottens e-nämnd. Dessa har legat till grund för fortsatt arbete. Arbetet gällande intern struktur har hittills resulterat i:

- Huvudprocess och delprocesser för Norrbottens e-nämnd
- Rutin gällande ramavtal
- Delegationsordning för Norrbottens e-nämnd
- Årshjul för nämnden
- Rutiner för del- och helårsrapportering
- Förbättrade rutiner gällande riskanalys, målarbete och intern kontroll
- Samverkanshandbok
- Checklista för upphandling
- Mallar gällande överenskommelser och garantiåtaganden

I anslutning till detta beslutade Norrbottens e-nämnd vid sammanträde 2021-12-16 e-nämnd Hid: 2021.83 i verksamhetsplanen för året 2022 att ett av verksamhetsmålen för året är att reglementet och samverkansavtalet revideras utifrån uppstådda behov av förtydligande och för en mer ändamålsenlig verksamhet. Under året har arbetsgrupp bestående av kommunjurister och upphandlingsjurist arbetet med revidering av reglemente och samverkansavtal i nära samarbete med beredningsgruppen och arbetsgrupp intern struktur som kontinuerligt fått information om progressen i arbetet, samt kommit med synpunkter, revideringar och egna förslag under arbetets gång.

Detta har resulterat i ett förslag till reviderat reglemente och samverkansavtal. Nämnden har utifrån dessa att fatta beslut om ärende ska väckas i respektive medlemskommuns fullmäktige att anta reviderat reglemente och samverkansavtal.

Gällande förslag till revidering av reglemente och samverkansavtal

Förslaget till revidering utgår ifrån ett förtydligande av nämndens uppgifter och syfte och förändrar inte nämndens grundläggande uppdrag att samordna medlemskommunerna i utveckling av digital förvaltning. Revideringen påverkar inte hur verksamheten drivs, dess organisation, storlek eller budget. Däremot förtydligar det samordningsuppdraget som finns inom nämnden och att beslutsfattande sker inom respektive kommun som ingår i nämnden i enlighet med den övergripande process som finns beskriven nedan. Nämnden kan alltså inte fatta beslut å de ingående kommunernas vägnar (se bild ”beslutsstruktur”).

Gällande nämndens förvaltande uppgifter förtydligas att dessa baserar sig på gemensamma överenskommelser som fattas av ingående kommuner där uppdrag lämnas till nämnden och för nämnden att acceptera. Utöver detta finns uppdateringar utifrån att kommunallagen gällande gemensamma nämnder har uppdaterats sedan nämndens inrättande 2013, men dessa påverkar inte heller den operativa verksamheten eller dess organisation utan tydliggör nämndsadministrationen och reglerar hantering av- och deltagande i sammanträden.

Samverkansavtalet har reviderats utifrån samma princip och förtydligar organisationen under nämnden, hur kostnadsfördelning sker mellan kommunerna och finansieringsprinciper.

Revidering av reglemente och samverkansavtal innebär ingen utökad budget för Norrbottens e-nämnd eller utökat uppdrag.`;
