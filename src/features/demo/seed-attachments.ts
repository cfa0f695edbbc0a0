/**
 * The attachments the seed protocol names (Norrbottens e-nämnd 2022-12-14), as their full text:
 * the § 19 economy slides, the § 20 internal control and Luleå kommunstyrelse's § 227, the
 * business plan 2023 (§ 22), the SAM answers (§ 23), and the financing appendix, cooperation
 * agreement and regulations (§ 24). Page furniture of the seed's PDF is left out; the names of
 * real people and their contact details are replaced by fictional ones (see the two constants).
 */
import { demoName } from './demo-data.js';

/** Fictional: who approves the plan (the demo's chair and coordinator, in the order demo.ts creates people). */
const PLAN_SIGNERS = `${demoName(24)} ${demoName(42)}`;
/** Fictional: the letterhead's contact line of the financing appendix. */
const CONTACT = 'e-post: samordnare@exempel.se, Telefon: 0920-00 00 00 (exempeldata)';

/**
 * The body of a 2022 budget slide of the § 19 economy report: the rows twice, as income and as
 * costs (the budget balances), each with its sum, then the comments, the last of them on
 * Datacenter Norrbotten.
 */
function budget2022(rows: string, total: string, dataCentreComment: string): string {
  return `${rows}

Summa intäkter ${total}

Kostnader
${rows}

Summa kostnader ${total}

Rörelseresultat 0

Kommentarer Budget 2022:
• Uppräkning med 2% enligt samverkansavtalet.
• Inga projekt budgeterade för 2022. Projekt som

tillkommer till budgeten under året rapporteras
som en avvikelse.

• ${dataCentreComment}`;
}

/** The 2022 budget's rows (slide 6). */
const BUDGET_2022_ROWS = `Grundfinansiering 1 065 400

Verksamhetsutvecklare e-tjänster 937 200

Förvaltningsledare verksamhetssystem SOC 930 600

E-tjänsteplattform 1 046 900

Räddningstjänsten system 732 500

E-arkiv 322 000`;

/** The 2022 budget's rows with Datacenter Norrbotten and without the SOC system (slide 10). */
const BUDGET_2022_WITH_DATA_CENTRE_ROWS = `Grundfinansiering 1 065 400

Verksamhetsutvecklare e-tjänster 937 200

E-tjänsteplattform 1 046 900

Räddningstjänsten system 732 500

E-arkiv 322 000

Datacenter Norrbotten 1 208 400`;

export const SEED_ECONOMY_TEXT = `Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

1

Ekonomi 2022
Uppdatering per sista oktober 2022

15 november 2022

3

Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

2

Utfall per sista oktober 2022

Nämnden visat ett underskott på -55 958 kr per sista oktober
2022. Underskottet uppstår på grund av upplupna intäkter
för vissa projekt.

AVVIKELSER
• 183 848 SEK, Grundfinansiering och e-kontor

Lägre kostnader gällande grundfinansiering och e-kontor på grund
av vakant tjänst samordnare.

• -254 150 SEK, Projekt HR
Intäkten faktureras i efterskott, november/december.

• -144 280 SEK, Projekt DCBD
Intäkten faktureras i efterskott, november/december.

Utfall intäkter vs utfall kostander

INTÄKTER KOSTNADER AVVIKELSE

Grundbelopp 1 781 236 1 597 387 183 848

E-tjänsteplattform 910 713 872 417 38 296

Räddningstjänsten 637 212 610 417 26 795

E-arkiv 272 283 260 833 11 450

SOC ECO-system 1 252 502 1 199 833 52 669

Projekt Elevhälsan 426 258 421 475 4 783
Projekt HR 0 254 150 -254 150
Projekt LMS, e-utbildning 191 381 166 750 24 631
Projekt DCBD 0 144 280 -144 280

SUMMA 5 471 584 5 527 542 -55 958

Uppdaterad 2022-11-15
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

3

Projekt
Utfall per sista oktober 2022

AVVIKELSER

• 4 783SEK, Projekt Elevhälsan
Vissa upplupna kostnader gällande projekt

• -254 150 SEK, Projekt HR
Intäkten faktureras i efterskott, november/december.

• 24 631 SEK, Projekt LMS
Vissa upplupna kostnader gällande projekt

• -144 280 SEK, Projekt DCBD
Intäkten faktureras i efterskott, november/december

Utfall intäkter vs utfall kostander

INTÄKTER KOSTNADER AVVIKELSE

Utfall kr Utfall kr

Projekt Elevhälsan 426 258 421 475 4 783

Projekt HR 0 254 150 -254 150

Projekt LMS, e-utbildning 191 381 166 750 24 631

Projekt DCBD 0 144 280 -144 280

Uppdaterad 2022-11-15
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

4

Budget och prognos helår 2022
Prognos, intäkter vs kostnader
Prognosen för helåret 2022 visar på ett överskott,
108 tkr. Vakant tjänst e-samordnare.

• Projekt har tillkommit under året och noteras som avvikelse
jämfört med urspungsbudget.

• SOC Ekosystem har tillkommit under året och noteras som
avvikelse jämfört med urspungsbudget.

Budget 2022 Prognos 2022 Avvikelse
INTÄKTER

Grundfinansiering 2 002 600 2 002 600 0
Uppdrag och Projekt 1 078 800 1 078 800
Tjänst e-tjänsteplattform 1 046 900 1 046 900 0

Tjänst Räddningstjänsten 732 500 732 500 0
Tjänst e-arkiv 322 000 313 000 -9 000
Tjänst SOC Ekosystem 930 600 2 175 800 1 245 200
Övriga intäkter

Summa intäkter 5 034 600 7 349 600 2 315 000

KOSTNADER

Grundfinansiering 2 002 600 1 894 287 -108 313
Uppdrag och Projekt 0 1 078 800 1 078 800
Tjänst e-tjänsteplattform 1 046 900 1 046 900 0

Tjänst Räddningstjänsten 732 500 732 500 0
Tjänst e-arkiv 322 000 313 000 -9 000
Tjänst SOC Ekosystem 930 600 2 175 800 1 245 200
Övriga kostnader

Summa kostnader 5 034 600 7 241 287 2 206 687

Rörelseresultat 0 108 313 108 313
Uppdaterad 2022-11-15
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

5

Budget 2022
26 maj 2021
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

6

Budget 2022
Intäkter Budget

2022

${budget2022(BUDGET_2022_ROWS, '5 034 600', `Exkl. Datacenter Norrbotten
• Det gemensamma alternativet Datacenter

Norrbotten ingå inte i budgeten då det
faktureras direkt från leverantören till respektive
kommun.`)}
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

7

Fördelning årskostnader 2022
Grundfinansiering Verksamhetsutvecklare

e-tjänster

Arjeplog 76 100 40 000
Arvidsjaur 76 100 46 200
Boden 76 100 85 200
Gällivare 76 100 66 300
Haparanda 76 100 52 300
Jokkmokk 76 100 43 800
Kalix 76 100 63 400
Kiruna 76 100 75 900
Luleå 76 100 174 500
Pajala 76 100 45 900
Piteå 76 100 110 500
Älvsbyn 76 100 49 500
Överkalix 76 100 41 000
Övertorneå 76 100 42 700

Summa 1 065 400 937 200

Årskostnader
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

8

Gemensamma tjänster 2022
E-tjänsteplattform Räddningstjänsten

verksamhetssystem
E-arkiv

Arjeplog 48 200 25 800 4 000
Arvidsjaur 54 600 30 200 9 000
Boden 92 800 67 700 36 000
Gällivare 75 400 44 400 23 000
Haparanda 60 600 45 200 13 000
Jokkmokk 52 100 39 300 7 000
Kalix 72 000 67 500 21 000
Kiruna 83 300 50 900 29 000
Luleå 178 600 149 600 97 000
Pajala 54 100 40 600 8 000
Piteå 117 100 74 000 53 000
Älvsbyn 57 700 32 300 11 000
Överkalix 49 100 37 200 5 000
Övertorneå 51 300 27 800 6 000

Summa 1 046 900 732 500 322 000
* Prognos

Gemensamma alternativ
• E-arkiv. (2018)
• Räddningstjänsten verksamhetssystem (2017)
• E-tjänsteplattform (2017)

• E-tjänsteplattform
o Transaktionskostnader för BankID tillkommer,

beräkna 500-1500 kr/år
o Förvaltningskostnader för eIDAS tillkommit under

2019.

• Räddningstjänsten
o Nya funktioner beställda av verksamheten har

tillkommit under 2018, 2019 och 2020.

• E-arkiv
o 40 000 kr i engångskostnad tillkommer vid uppstart.
o Lagning och backup tillkommer med 84kr/GB/år.

Årskostnader

10

Norrbottens e-nämnd
KLASSS: Internt konfidentiellt
Datacenter Norrbotten
Datacenter

Grundfunktion
Datacenter

Kapacitet nyttjande

Arjeplog 50 400
Arvidsjaur 58 800
Boden 110 400
Gällivare 85 200
Haparanda 67 200
Jokkmokk 55 200
Kalix 81 600
Kiruna 98 400
Luleå 230 400
Pajala 57 600
Piteå 145 200
Älvsbyn 62 400
Överkalix 51 600
Övertorneå 54 000

1 208 400
* Prognos

Nytt gemensamt alternativ 2020.
Kostnaderna faktureras direkt till respektive kommun
från leverantören. Delar av kostnaderna baseras på
nyttjandet är justeras löpande vilket gör att vi valt att
faktureras direkt från leverantörernas system.

Årskostnader
Norrbottens e-nämnd
KLASSS: Internt konfidentiellt

10

Budget 2022 inkl. Datacenter Norrbotten

Intäkter Budget
2022

${budget2022(BUDGET_2022_WITH_DATA_CENTRE_ROWS, '5 312 400', 'Inkl. Datacenter Norrbotten')}`;

export const SEED_INTERNAL_CONTROL_TEXT = `Intern kontroll - 2023 (E-nämnd)
Kontrollmoment Sannolikhet Konsekvens Riskvärde Beslut Analys

Kontrollera och säkerställ efterlevnad av
dataskyddsförordningen (GDPR)
Kontrollmetod exempelvis: Kontroll av alla
eller stickprov
•Personuppgiftsbiträdesavtal
•Rutiner för registrerades rättigheter
•Information till registrerade
•Kvalitén i befintliga registreringar i
registerförteckning

1 osannolik 2 lindrig 3 kännbar Risk
accepteras

Nämnden har personuppgiftsbiträdesavtal, samt följer Luleå
kommuns process för registerförteckning.

Kontrollera och säkerställ efterlevnad av
rutinen för leasingavtal
Kontrollmetod exempelvis: Kontroll av alla
eller stickprov
• Leasingavtal

1 osannolik 1 försumbar 1 Risk
accepteras

Nämnden innehar inga egna leasingavtal.

Kontrollera och säkerställa att gällande regler
för informationsförvaltning följs
Kontrollmetod exempelvis:
Kontroll av alla eller stickprov
• Arkivbeskrivning
• Dokumenthanteringsplan
• Kvalitén i dokumenthanteringsplanen
• Information skyddas mot brand, vatten,
stöld och skadegörelse

2 mindre
sannolik

2 lindrig 4 Risk
accepteras

Norrbottens e-nämnd följer värdkommunen Luleå kommuns regler
och rutiner för dokumenthanteringsplaner och
informationsförvaltning.`;

export const SEED_KS_DECISION_TEXT = `§ 227

Obligatoriska kontrollmoment 2023 Ärendenr 2022/1003-1.3.2.2

Kommunstyrelsens beslut Kommunstyrelsen beslutar följande obligatoriska kontrollmoment för intern kontroll 2023:

• Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR)

• Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning

• Kontrollera och säkerställ efterlevnad av rutin för leasingavtal (gäller ej bolag).

Sammanfattning av ärendet Kommunstyrelsen har det övergripande ansvaret för att se till att det finns en god intern kontroll och att en övergripande organisation för detta upprättas. Riktlinjer för intern kontroll (KLF 2020/1539) gör gällande att plan för intern kontroll ska upprättas, uppföljning ska rapporteras samt vid årets slut utvärdera verksamhetens samlade system för intern kontroll.

En riskanalys genomförs årligen för att identifiera de risker som ska följas upp. Kommunstyrelsens riskbedömning omfattar helheten. Utifrån det som framkommer vid den årliga riskanalysen, där politik och tjänstepersoner samverkar, kan nämnder/bolagsstyrelser åläggas obligatoriska kontrollmoment som hanteras i enlighet med riktlinje för intern kontroll.

Obligatoriska kontrollmoment är de som vid riskbedömning inte bedöms kunna accepteras eller omhändertas på annat sätt. Samtliga bedömda risker framgår i beslutsunderlag (se bilaga). Följande tre föreslås bli obligatoriska kontrollmoment 2023:

1. Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR)

2. Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning

3. Kontrollera och säkerställ efterlevnad av rutin för leasingavtal

Förvaltningar hanterar alla tre obligatoriska kontrollmoment medan de kommunala bolagen hanterar de två första, dvs 1 och 2.

Kommunstyrelsens arbetsutskott har 2022-08-29 § 176 föreslagit kommunstyrelsen besluta följande obligatoriska kontrollmoment för intern kontroll 2023:

• Kontrollera och säkerställ efterlevnad av dataskyddsförordningen (GDPR)

• Kontrollera och säkerställ efterlevnad av regler för informationsförvaltning

• Kontrollera och säkerställ efterlevnad av rutin för leasingavtal (gäller ej bolag).

Sammanträdet Ordföranden ställer arbetsutskottets förslag under proposition och finner att kommunstyrelsen bifaller förslaget.

Beskrivning av ärendet De kontrollmoment som tas fram i den kommungemensamma riskanalysen riskbedöms i varje nämnd/bolagsstyrelse och hanteras i den egen interna kontrollplanen alternativt motiveras till varför kontrollen inte är nödvändig. De antas av nämnderna/bolagsstyrelserna tillsammans med deras egna verksamhetsspecifika kontrollmoment.

Dialog: Representanter från kommunstabens alla avdelningar har deltagit. Avstämning har även skett med specialister inom kontrollområden, kommunens kvalitetsnätverk och verksamhetscontroller Luleå kommunföretag AB. Kommunstyrelsen har vid workshop 2022-06-16 genomfört riskinventering och bidragit i riskanalysarbetet.

Bedömning utvecklingsområde: Ökad jämlikhet Beslutet bedöms inte innebära några konsekvenser för Ökad jämlikhet.

Bedömning utvecklingsområde: Mer jämställd fördelning av makt och resurser Beslutet bedöms inte innebära några konsekvenser för Mer jämställd fördelning av makt och resurser.

Bedömning utvecklingsområde: Minskad klimatpåverkan Beslutet bedöms inte innebära några konsekvenser för Minskad klimatpåverkan.

Bedömning utvecklingsområde: Starkare ekonomi för tillväxt Beslutet bedöms inte innebära några konsekvenser för Starkare ekonomi för tillväxt.

Beslutsunderlag

• Bilaga till förslag till obligatoriska kontrollmoment 2023
• Kommunstabens förslag till beslut gällande obligatoriska kontrollmo-

ment för intern kontroll 2023, KLF Hid: 2022.5128
• Kommunstyrelsens arbetsutskotts beslut 2022-08-29 § 176,

KLF Hid: 2022.5198

Beslutet skickas till Samtliga nämnder och kommunala bolag Kommunstaben, avdelning planering och analys`;

export const SEED_BUSINESS_PLAN_2023_TEXT = `Utgåvehistorik för dokumentet

Utgåva Datum Kommentar

1 2018-05-13

2 2019-05-15

3 2020-02-28

4 2020-03-11 Tillägg under 3.2 Verksamhetsmål sida 6 – förtydligande av första målformulering. Gäller inom ”nämndens områden”. Samt tillägg ”övriga förtroendevalda”. Omformulering under rubrik 6 Projekt och aktiviteter sida
7 – Ändra från ”IT plattform Norrbotten” till ”gemensamt datacenter Norrbotten”.

5 2020-12-16

6 2021-12-16

7 2022-12-14 Basfakta

1.1 Godkännande av verksamhetsplanen, definitioner och bilagor

1.1.1 Godkännande av verksamhetsplanen

Verksamhetsplanen godkänd av:

Ordförande e-nämnden:

E-samordnare:

${PLAN_SIGNERS}

1.2 Verksamheten, sammanfattning

1.2.1 Verksamhetens omfattning

Syftet med samverkan är att samordna de enskilda medlemskommunernas arbete inom strategisk verksamhetsutveckling med stöd av IT, så kallad digital förvaltning, för att därigenom öka den mellankommunala samverkan och skapa förutsättningar för att uppnå en effektiv förvaltning av hög kvalité i alla medlemskommuner. Samverkan omfattar arbete med att samordna utredandet av frågor kopplade till digital förvaltning inom kommunerna, samordna framtagandet av underlag inför samordnade upphandlingar av digitala lösningar och förvalta digitala lösningar som upphandlats genom vissa samordnade upphandlingar. Samverkan omfattar således inte ansvar för att genomföra samordnad upphandling.

Den gemensamma nämnden ska fungera som en samverkansplattform för medlemskommunernas arbete inom digital förvaltning. Nämndens huvuduppgift är att samordna medlemskommunernas arbete med att gemensamt;
- utreda frågor kopplade till digital förvaltning i form av gemensamma förstudier och utvecklingsprojekt,

och
- ta fram underlag inför samordnad upphandling av digitala lösningar. Nämnden kan därutöver efter överenskommelse med medlemskommuner tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar som upphandlats gemensamt och förvaltning av upphandlade avtal rörande sådana lösningar.

För att verksamheten ska fungera och utvecklas positivt och därmed uppnå sitt syfte krävs att möjligheter till samverkan identifieras och diskuteras öppet, både mellan politiker och tjänstepersoner i de ingående kommunerna. Vidare är en prioritering nödvändig eftersom inte allt kan genomföras parallellt och att det finns en beredskap i respektive mottagarorganisation att använda resultaten av de olika samverkansprojekten.

1.2.2 Samband med andra organisationer

• Respektive kommun i Norrbotten
• Norrbottens Kommuner och dess olika samverkansorgan (till exempel styrelse, nätverken för socialchefer, ekonomichefer)

• IT Norrbotten
• Region Norrbotten
• SKR (Sveriges Kommuner och Regioner)
• Inera
• LTU (Luleå Tekniska Universitet)

2 Strategisk riktning och mål

2.1 Strategisk riktning för Norrbottens e-nämnd Tillsammans skapar e-nämnden möjligheter till en innovativ, likvärdig och förbättrad service för medborgare och företag som gör det ännu mer attraktivt att leva och bo i Norrbotten.

2.2 Effektmål Effekten av e-nämndens verksamhet och samverkan mellan kommunerna ska leda till:

• att öka attraktiviteten genom bättre service till medborgare och näringsliv – oavsett kommun inom e-nämnden

• att bidra till en snabbare utveckling inom e-förvaltning, digitalisering för samtliga kommuner
• att effektivare nyttja resurser och säkra kompetensförsörjning genom samverkan och genom att

skapa förutsättningar för mellankommunal samverkan
• att genom gemensamma alternativ bidra till effektivt resursutnyttjande och ekonomiskt

fördelaktiga lösningar
• att stärka omvärldsbevakningen för den enskilda kommunen

2.3 Mål För att uppfylla effektmålen ovan (se punkt 2.2) samt underlätta uppföljning har nedanstående resultatmål formulerats för e-Nämnden. Målen följs upp tertialvis och handlingsplan för måluppfyllelse slås fast vid delårsuppföljning. Dessa mål är formulerade enligt nedanstående med tillhörande indikatorer:

2.3.1 mål

• Nämnden enskilt eller gemensamt med andra har genomfört minst en kompetenshöjande insats under året 2023 inom nämndens områden som riktar sig till nämndens ledamöter.

• Nämnden har årligen genomfört och/eller samordnat behovsanalyser, förstudier, projekt och upphandlingar.

• Nämnden tillhandahåller och följer upp de avtal som tecknas för de ingående kommunerna efter genomförd upphandling inom ramen för Norrbottens e-nämnd

• Nämnden har genomfört minst fyra sammanträden under verksamhetsåret
• Ingående kommuner visar ett starkt engagemang för nämnden. Vi eftersträvar en närvaro om 100%

från nämndens ledamöter, målet är dock att minst 75% deltar.
• Under verksamhetsåret 2023 ska nämndens reglemente och samverkansavtal vara reviderat
2.3.2 Indikatorer

• Beredningsgruppen eftersträvar att genomföra 10 möten under verksamhetsåret men minst 8 beredningsgruppsmöten ska ha genomförts.

• Minst 75% av de ingående kommunerna ska ha medverkat vid alla beredningsgruppsmöten
• E-nämndens e-kontor genomför uppföljningsdialoger med alla kommuner under 2023, i syfte att

kartlägga stödbehov för e-tjänsteimplementering samt inhämta fakta för beslut om framtida utveckling

3 Internkontrollplan 2023 och riskanalys Internkontrollplanen har tagits fram genom identifiering och analys av risker i verksamheten. Själva riskanalysen görs för att identifiera risker kopplat till uppsatta mål. En bruttolista tas fram över tänkbara interna och externa risker som på något vis hotar att vi fullgör våra uppgifter. Detta har skett genom en arbetsgrupp för intern struktur, beredning av förslag via beredningsgruppen, samt analys och beslut av nämndens ledamöter vid nämndens strategidag. Kontrollmoment som beslutats för hantering via internkontroll följs upp under 2023.

Risk Ansvarig Metod Sannolikhet Konsekvens Riskvärde Beslut Analys

projekt följer inte plan för tid, mål och budget

samordnare Avstämning med projektledare

4 1 4 Risk accepteras

Att projekt försenas är inte ovanligt och kan påverka projektekonomin negativt men även enskild kommun då dessa väntar på lösningar som ska komma ur projekten och kan ha avtal som är på väg att löpa ut.

befintliga leverantörsavtal efterlevs ej och följs inte upp

Utsedd förvaltningsorganisation

Leverantörsdialoger

2 2 4 Risk accepteras

Det finns en ansenlig mängd avtal inom nämnden som kommunerna nyttjar – antingen gemensamt eller via enskilt avrop. Dessa behöver följas upp för att tillgodose följsamhet hos både leverantör och beställare

Nämnden lyckas inte fastställa reviderat reglemente och samverkansavtal

Fullmäktige i respektive ingående kommun

Uppföljning av beslutsläge i respektive kommun

2 3 6 Följs upp genom internkontroll

Om nämnden inte kan fastställa nytt reglemente så gäller reglementet från
2013 som kräver förtydligande
4 Projekt, förvaltning och löpande verksamhet Under denna rubrik redovisas beslutade aktiviteter inom ramen för nämndens verksamhet. Dessa sträcker sig till och med avtalsupprättande utifrån nämndens ansvarsområde om inte särskild överenskommelse ingåtts av medlemskommunerna och uppdrag lämnats till nämnden. Status rapporteras utifrån vilken fas en beslutad aktivitet befinner sig i utifrån nedanstående process.

4.1 Projekt

Risk Ansvarig Metod Sannolikhet Konsekvens Riskvärde Beslut Analys och som inte anses vara ändamålsenligt

Resursbrist på grund av vakant tjänst samordnare e-nämnden

Ansvarig chef Uppföljning av rekryteringsprocess

2 3 6 Följs upp genom internkontroll

Resursbristen innebär en avsevärt minskad utvecklingstakt, försämrad kommunikation och information gentemot ingående kommuner Benämning Status Tidplan1 Kommentar Gemensamt verksamhetssystem Socialtjänsten Norrbotten

införande 2017 – 2023 Stödja Socialtjänsten i utökad samverkan genom gemensamt systemstöd.

Gemensamt system elevhälsan Utveckling/realisering 2019 – 2023 en samlad elevhälsa i länet utifrån dokumentation, kommunikation, processer och flöden med fokus på främjande och förebyggande insatser.

Datacenter Norrbotten (DCBD) införande 2019-2023 Stödja IT-verksamheten i utökad samverkan genom gemensamt datacenter.

Gemensamt löneadministrativt system

förstudie 2021–2023 Utredning av förutsättningar för ett gemensamt löneadministrativt system

4.2 Förvaltning Benämning Status Tidplan2 Kommentar Förvaltning Gemensam e-tjänsteplattform

Förvaltning Tekniken är etablerad och nu jobbar varje kommun med verksamhetsutförande, där e-nämnden stöttar.

Gemensam funktion – Digitala signaturer inom kommunen och med externa intressenter

Förvaltning 2020 - 2021 Gemensam funktion för att enkelt signera generella dokument.

Förvaltning ramavtal Förvaltning Respektive avtalslängd

Bevaka avtalstider, styrning och uppföljning enligt rutin

Förvaltning gemensamma kontrakt

Förvaltning Respektive avtalslängd

Genom respektive utsedd förvaltningsorganisation

4.3 Löpande verksamhet Benämning Status Tidplan3 Kommentar Regional Samverkan Löpande Löpande Norrbottens Kommuner

1 Tidpunkt anges för aktiviteter där förstudie eller projekt startat, samt uppskattas att avslutas.
2 Tidpunkt anges för aktiviteter där förstudie eller projekt startat, samt uppskattas att avslutas.
3 Tidpunkt anges för aktiviteter där förstudie eller projekt startat, samt uppskattas att avslutas. Intern struktur

Pågående 2020 - 2023 Utveckling av huvudprocess, delprocesser med tillhörande dokumentationsstruktur, utvecklingsförslag, samverkanshandbok

Kommunikationsaktiviteter

Löpande Löpande Nyhetsbrev, möten, kommundialoger, presentationer, med mera

Utbildning/fortbildning Löpande Löpande nämndsammanträden, nätverksmöten, strategidagar

Ekonomi/administration Löpande Löpande Upprättande av budget, fakturering, nämndadministration, sekreterarskap

Nämndsammanträden och beredningsgruppsmöten/ITchefsnätverk

Löpande Sammanträden 4/år Beredningsgrupp 8-10/år

Förbereda underlag, planera, genomföra, dokumentera, följa upp och exekvera beslut

5 Organisation

5.1 Verksamhetens organisation E-nämnden: politiskt tillsatt nämnd med en ledamot och en ersättare från de 14 ingående kommunerna. Nämnden är ett beslutande och strategiskt forum.

Beredningsgruppen: Beredande organ för nämnden. Stöd till e-samordnaren.

E-samordnare: tjänsteperson anställd i värdkommunen Luleå vars uppgift är att samordna nämndens verksamhet i samverkan med kommunerna och andra intressenter.

Nämndadministratör: Tjänsteperson anställd i värdkommunen Luleå som bistår nämnden med erforderlig administrativ assistans

Verksamhetsutvecklare e-tjänster: Tjänsteperson anställd i värdkommunen Luleå vars uppgift är att inom nämndens ramar förvalta och utveckla e-tjänsteplattformen samt stötta kommunerna i utveckling av e-tjänster (maj 2015)

Förvaltningsledare Verksamhetssystem Socialtjänsten Norrbotten: Tjänsteperson anställd i värdkommunen Luleå vars uppgift är att inom nämndens ramar förvalta och utveckla Verksamhetssystem Socialtjänst. (december 2021)

Projekt: Vid varje projekt tillsätts övergripande projektledare via ingående kommuner eller genom extern konsult. Varje projekt, dess arbetsgrupper och insatser bemannas av resurser från ingående kommuner och eller externa resurser i form av konsulter som expertstöd.
5.2 Ansvar, befogenheter Nämndens och dess ledamöters ansvar och befogenheter utgår från reglementet för nämnden.

Ordförande i enlighet med delegationsordning

E-samordnarens ansvar är att samordna och verkställa nämndens verksamhet utifrån de beslut som nämnden fattar i olika ärenden. Befogenheterna för e-samordnaren är att bereda olika frågor för nämnden samt äska resurser till utredningar, förstudier och projekt i samråd med tjänstepersoner i kommunerna. I enlighet med delegationsordning kunna ta verkställande beslut delegerade till samordnaren.

Beredningsgruppen ansvarar för att tillsammans med samordnaren bereda ärenden till nämnden. Representanten i beredningsgruppen ska;
- Utgöra kopplingen mellan nämnden och den egna kommunen i utförande och kommunikation
- Kunna fånga kommunens behov och kommunicera dessa i beredningsgruppen
- Representera den egna kommunen och dess intressen
- Ansvara för beredning av eventuella ärenden i den egna kommunen (i anslutning till gemensamma e-

nämndsprojekt)

5.3 Samverkan För att nämndens verksamhet i form av projekt, utredningar och förstudier ska ge förväntade effekter krävs bra samverkan mellan parterna över tid där nämnden fattar strategiska beslut som e-samordnaren tillsammans med övriga tjänstepersoner i kommunerna effektuerar på olika sätt. Formen på samverkan kan variera beroende på vilken typ av arbete som ska utföras.

6 Verksamhetsplanering, koordinering

6.1 Möten och sammanträden E-nämnden planerar att sammanträda fyra gånger under varje verksamhetsår. Detaljerade sammanträdesdatum visas på nämnden egna hemsida.

6.1.1 Årshjul

Mars:
• Beslut om verksamhetsberättelse
• Information om ekonomi och verksamhet

Juni:
• Beslut om budget,
• Beslut om delårsrapport 1
• Information om ekonomi och verksamhet

September/Oktober:
• Beslut om delårsrapport 2,
• Riskanalys och verksamhetsplanering (strategidag)
• Information om ekonomi och verksamhet

December:
• Beslut om Verksamhets- och internkontrollplan
• Information om ekonomi och verksamhet

Beredningsgrupp planerar att träffas ca 10 gånger under varje verksamhetsår. Till detta tillkommer även strategidagar för beredningsgrupp samt nämndens ledamöter 2 - 4 gånger per år.

6.2 Resursbehov Grundbemanningen för verksamheten är ett kansli med e-samordnare samt nämndsekreterare som sköter samordningsuppdraget samt det administrativa i nämndens arbete (kallelser, protokoll, diarium, hemsida etcetera).

Beredningsgruppen bör bestå av tjänstepersoner med mandat att fatta tjänstemannabeslut inom området.

För att kunna genomföra beslutade utredningar, förstudier och projekt äskar och säkrar e-samordnaren resurser från kommunerna. I vissa fall kan konsulthjälp behövas och då sker en sådan säkring när finansiering för det är beslutad.

7 Arbetsformer

7.1 Resurser Beslut om genomförande av utvecklingsinsatser fattas av nämndens ledamöter genom att acceptera uppdrag. Resurser för genomförande, såväl avseende verksamhetskunskap som teknik, tillhandahålls av medverkande kommuner samt i förekommande fall av externa resurser som upphandlats.

7.2 Rapportering E-samordnaren ansvarar för att följa upp och rapportera verksamheten både verksamhetsmässigt och ekonomiskt till e-nämnden.

7.3 Informationsspridning E-samordnaren ansvarar med hjälp av nämndens sekreterare för att relevant information finns tillgänglig på överenskomna sätt vid sammanträden, webbplats, nyhetsbrev och presentationer. Samtliga protokoll ska efter varje sammanträde skickas till samtliga medlemskommuner. Respektive kommun ansvarar för att protokoll anslås på respektive kommuns hemsida.

De viktigaste mötena för verksamheten är:

• Nämndsammanträden (4 gånger/år)
• Beredningsgruppsmöten (ca 10 gånger/år)
• Samverkansmöten med de olika intressenterna och ledande företrädare för dessa organisationer.

ledamot i e-nämnden samt representant i beredningsgruppen ansvarar för återrapportering av beslut och kommunikation inom den egna kommunen.
7.4 Dokumenthantering De formella dokument som produceras inom verksamheten ska hanteras och lagras enligt de riktlinjer som gäller för värdkommunen Luleå.

Arbetsdokument som produceras och hanteras i olika utredningar, förstudier och projekt hanteras på lämpligt sätt efter godkännande av e-samordnaren.

7.5 Miljö När det gäller möten så ska dessa genomföras med via video eller telefon när det är lämpligt i syfte att minska resor.

Miljö är en viktig aspekt som verksamheten ska ta hänsyn till i de samverkansprojekt som genomförs där det är tillämpligt.

7.6 Administrativa rutiner Detta följer de regler och rutiner som finns inom värdkommunen.

8 Ekonomi

8.1 Kostnader för nämndens samordnande uppgifter Kostnader för nämndens samordnande uppgifter ska fördelas mellan medlemskommunerna i lika delar och betalas i förskott baserat på nämndens budget. Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Uppkomna över- och underskott balanseras inom nämnden till efterföljande år. Kostnader avser det kansli som sköter nämndens samordning och administrativa funktioner

För 2023 är följande budget beslutad: 1 127 000 kr

Grundbeloppet ska betalas av de samverkande parterna i lika delar och betalas i förskott baserat på nämndens budget. För 2023 blir beloppet 80 500kr/kommun och 14 kommuner.

8.2 Kostnader för nämndens förvaltande uppgifter För nämndens uppgift att tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar m.m. ska finnas de resurser som behövs för att kunna utföra förvaltande uppgifter enligt överenskommelse med medlemskommuner.

Kostnader för nämndens förvaltande uppgifter ska ersättas av medlemskommunerna i enlighet med särskilda överenskommelser.

För 2023 finns nedanstående tjänstepersoner anställda under Norrbottens e-nämnd med förvaltande uppgifter:

Tjänsteperson, Verksamhetsutvecklare e-tjänster inkl. omkostnader: För 2023 är följande budget beslutad av nämnden: 1 046 900 kr fördelat enligt beslutat modell (en del rakt fördelat och en del fördelat på invånarantal) och 14 kommuner. Tjänsteperson, Förvaltningsledare Verksamhetssystem Socialtjänsten Norrbotten inkl. omkostnader: För 2023 är följande budget beslutad av ingående kommuner: 991 800 kr fördelat enligt beslutat modell (en del rakt fördelat och en del fördelat på invånarantal) och 14 kommuner.

8.3 Projektfinansiering Varje projekt finansieras av de kommuner som väljer att delta i projektet och de specifika projektkostnaderna fördelas med invånarantal som fördelningsnyckel mellan de medverkande parterna. Detta är grundprincipen för projektfinansiering dock kan annan finansieringsmodell överenskommas.

Alla behöver inte vara med i alla samarbetsprojekt – minskar risken för svårigheter att genomföra och/eller finansiera enskilda projekt. Det ska också ges möjlighet för kommuner som i efterhand vill ansluta sig till lösningen att köpa in sig enligt samma principer

8.4 Budget 2023

INTÄKTER Budget 2023 Grundfinansiering 1 127 000 Verksamhetsutvecklare e-tjänster 991 800 Förvaltningsledare verksamhetssystem SOC 2 888 700 E-tjänsteplattform 1 046 900 Räddningstjänsten system 732 500 SOC system, grund 509 200 E-arkiv 322 000

SUMMA INTÄKTER 7 618 100 KOSTNADER Grundfinansiering 1 127 000 Verksamhetsutvecklare e-tjänster 991 800 Förvaltningsledare verksamhetssystem SOC 2 888 700 E-tjänsteplattform 1 046 900 Räddningstjänsten system 732 500 SOC system, grund 509 200 E-arkiv 322 000

SUMMA KOSTNADER 7 618 100 RÖRELSERESLUTAT 0

9 Referenser

Ref.no. Dokumentnamn och dokumentbeteckning Utgåva, datum`;

export const SEED_SAM_TEXT = `Svarsunderlag - 2022 (Avdelning - Innovation & utveckling)Svarsunderlag - 2022 (Avdelning - Innovation & utveckling)

Påstående att ta ställning tillPåstående att ta ställning till Enhet Utfall 2022

1. Skyddsombud och/eller medarbetare medverkar vid denna uppföljning. Ja

2. Luleå kommuns personalpolicy tillika arbetsmiljöpolicy är känd av alla medarbetare och används i arbetsmiljöarbetet. Ja

3. Vi arbetar enligt Luleå kommuns rutiner för det systematiska arbetsmiljöarbetet och kompletterar, vid behov, med egna verksamhetsspecifika rutiner. Ja

4. Arbetsmiljöarbetet är en naturlig del i vår dagliga verksamhet. Ja

5. Skyddsombud ges möjlighet att medverka i arbetsmiljöarbetet.(besvaras endast om det finns skyddsombud)

6. Medarbetare ges möjlighet att medverka i arbetsmiljöarbetet. Ja

7. Vi har en tydlig och dokumenterad fördelning av arbetsmiljöuppgifter som talar om vem som ska göra vad i arbetsmiljöarbetet. Ja

8. De som tilldelats arbetsmiljöuppgifter har tillräckliga befogenheter och resurser för att genomföra dessa arbetsuppgifter. Ja

9. De som tilldelats arbetsmiljöuppgifter har tillräcklig kompetens för att genomföra dessa arbetsuppgifter. Ja

10. Medarbetarna har tillräckliga kunskaper om riskerna i arbetet och hur man ska arbeta på ett säkert sätt. Ja

11. Det finns skriftliga instruktioner för arbeten som innebär allvarliga risker.(besvaras endast om det finns allvarliga risker) Delvis

12. För att främja hälsa och förebygga ohälsa undersöker och riskbedömer vi den fysiska arbetsmiljön minst en gång om året. Ja

13. För att främja hälsa och förebygga ohälsa undersöker och riskbedömer vi den organisatoriska och sociala arbetsmiljön minst en gång om året. Ja

14. Vi arbetar aktivt med mål för den organisatoriska och sociala arbetsmiljön i vår verksamhet. Ja

15. Fördjupade/riktade undersökningar och riskbedömningar av arbetsförhållanden genomförs utifrån verksamhetens behov. Ja

16. Inför förändringar i verksamheten genomförs risk- och konsekvensbedömning. Ja

17. Vi upprättar handlingsplaner för de åtgärder som inte kan genomföras omedelbart. Ja

18. Vi följer upp de åtgärder som vi genomför för att se om de har fått önskad effekt. Ja

19. Vi rapporterar alla arbetsskador i Stella och till Försäkringskassan. Ja

20. Vi rapporterar alla tillbud i Stella. Ja

21. Vi rapporterar allvarliga arbetsskador och tillbud utan dröjsmål till Arbetsmiljöverket. Ja

22. Vi utreder ohälsa, tillbud och olycksfall för att säkerställa att det inte händer igen. Ja

23. Vi arbetar med rehabilitering och arbetsanpassning om behov uppstår. Ja

24. Vi har dokumenterade rutiner för första hjälpen och krisstöd som behövs med hänsyn till verksamhetens art, omfattning och särskilda risker. Ja

25. Vi anlitar Kommunhälsan, eller annan sakkunnig hjälp, om vår kompetens inom arbetsmiljöarbetet inte räcker till. Ja

sida 1 av 2 (2022-11-25)`;

export const SEED_FINANCING_TEXT = `Norrbottens e-nämnd Postadress: Luleå kommun, 971 85 Luleå Luleå kommun Besöksadress: Residensgatan 18, 971 87 Luleå 971 85 Luleå ${CONTACT} Org.nr. 212000-2742

Bilaga finansiering och fördelning

Översikt finansiering Norrbottens e-nämnd Beloppen för Norrbottens e-nämnd är fördelat på 14 kommuner. Kostnader för nämndens samordnande uppgifter ska fördelas mellan medlemskommunerna i lika delar och betalas i förskott baserat på nämndens budget. Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad. Beloppet för år 2022 framgår av bilaga till det här avtalet. Uppkomna över- och underskott balanseras inom nämnden till efterföljande år. Betalning ska ske i januari månad varje år.

Kostnader för nämndens samordnande uppgifter
1 065 400 kr för 2022 fördelat på 14 kommuner, 76 100 kr per kommun.
1 127 000 kr för2023 fördelat på 14 kommuner, 80 500 kr per kommun (Budget).

* Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad.

Kostnader för nämndens förvaltande uppgifter Tjänsteman, Verksamhetsutvecklare e-tjänster inkl. omkostnader:

937 200 kr för 2022, fördelat mellan 14 kommuner
991 000 kr för 2023, fördelat mellan 14 kommuner (Budget).

* Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad.

Fördelning per kommun Fördelning gällande 14 kommuner.

Grundfinansiering E-kontor Verksamhetsutvecklare e-tjänster

Arjeplog 76 100 40 000 Arvidsjaur 76 100 46 200 Boden 76 100 85 200 Gällivare 76 100 66 300 Haparanda 76 100 52 300 Jokkmokk 76 100 43 800 Kalix 76 100 63 400 Kiruna 76 100 75 900 Luleå 76 100 174 500 Pajala 76 100 45 900 Piteå 76 100 110 500 Älvsbyn 76 100 49 500 Överkalix 76 100 41 000 Övertorneå 76 100 42 700

Summa 1 065 400 937 200 Norrbottens e-nämnd Postadress: Luleå kommun, 971 85 Luleå Luleå kommun Besöksadress: Residensgatan 18, 971 87 Luleå 971 85 Luleå ${CONTACT} Org.nr. 212000-2742

För övriga kostnader för nämndens förvaltande uppgifter ersätts dessa av medlemskommunerna i enlighet med särskilda överenskommelser. För gemensamt verksamhetssystem socialtjänsten se överenskommelse i respektive medlemskommun.`;

export const SEED_AGREEMENT_TEXT = `Avtal om samverkan i gemensam e-nämnd för Norrbottens kommuner

Arjeplog, Arvidsjaur, Boden, Gällivare, Haparanda, Jokkmokk, Kalix, Kiruna, Luleå, Pajala, Piteå, Älvsbyn, Överkalix och Övertorneå kommuner samverkar sedan 2013-06-01 i en gemensam nämnd för utveckling av digital förvaltning.

Luleå kommun är värdkommun och nämnden ingår därmed i Luleå kommuns organisation.

Utöver vad som följer av lag gäller Reglemente för gemensam e-nämnd för Norrbottens kommuner samt detta samverkansavtal.

Gemensam e-nämnd för Norrbottens kommuner ska benämnas “Norrbottens e-nämnd”.

1. Uppgifter Den gemensamma nämnden ska fungera som en samverkansplattform för medlemskommunernas arbete inom digital förvaltning.

Nämndens huvuduppgift är att samordna medlemskommunernas arbete med att gemensamt
- utreda frågor kopplade till digital förvaltning, och
- ta fram underlag inför samordnad upphandling av digitala lösningar.

Nämnden kan därutöver efter överenskommelse med medlemskommuner tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar som upphandlats gemensamt och förvaltning av upphandlade avtal rörande sådana lösningar.

Medlemskommunerna har inte överlåtit någon rätt att fatta beslut för medlemskommunernas räkning till nämnden.

2. Personal och äganderätt till egendom Luleå kommun ska tillhandahålla de fastigheter, inventarier och annan lös egendom som krävs, samt vara arbetsgivare för den personal som ianspråktas för verksamheten.
3. Organisation Nämndens förvaltningsorganisation Nämndens samordnande uppgifter För nämndens samordnande uppgifter ska finnas ett kansli som sköter nämndens samordning och administrativa funktioner.

Nämndens förvaltande uppgifter För nämndens uppgift att tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar m.m. ska finnas de resurser som behövs för att kunna utföra förvaltande uppgifter enligt överenskommelse med medlemskommuner.

Beredning och samråd För beredning av nämndens ärenden ska finnas en beredningsgrupp bestående av en tjänsteperson från varje medlemskommun.

4. Kostnadsfördelning och finansiering Kostnader för ersättning till förtroendevalda Förtroendevalda i nämnden har rätt till ersättning av den medlemskommun som har valt dem.

Kostnader hänförliga till nämndens förvaltningsorganisation Kostnader för nämndens samordnande uppgifter Kostnader för nämndens samordnande uppgifter ska fördelas mellan medlemskommunerna i lika delar och betalas i förskott baserat på nämndens budget. Beloppet ska räknas upp årligen enligt Prisindex för kommunal verksamhet (PKV). Prisindex läses av i oktober månad. Beloppet för år 2022 framgår av bilaga till det här avtalet. Uppkomna över- och underskott balanseras inom nämnden till efterföljande år. Betalning ska ske i januari månad varje år.

Kostnader för nämndens förvaltande uppgifter Kostnader för nämndens förvaltande uppgifter ska ersättas av medlemskommunerna i enlighet med särskilda överenskommelser.

Kostnader hänförliga till beredning och samråd Varje medlemskommun finansierar sina representanter i beredningsgruppen.

Övriga kostnader Om medlemskommunerna inte kommer överens om annat ska det arbete som kommunerna själva utför i samband med gemensamma förstudier och projekt bäras av respektive kommun.
5. Budgetprocess Luleå kommun fastställer budget för nämnden efter samråd med övriga medlemskommuner. Nämndens budgetprocess följer Luleå kommuns övergripande budgetprocess.

6. Insyn i förvaltningen Samtliga samverkande parter har rätt till löpande insyn i förvaltning och redovisning som gäller nämndens verksamhet. Nämnden ska till respektive samverkande parts fullmäktige rapportera hur verksamheten utvecklas och hur den ekonomiska ställningen är med den periodicitet som gäller för Luleå kommuns egna nämnder.

7. Omförhandling Var och en av medlemskommunerna har rätt att påkalla omförhandling av detta avtal. Omförhandlat avtal ska beslutas i respektive medlemskommuns kommunfullmäktige.

8. Tvister Tvist rörande tolkning och tillämpning av detta avtal ska i första hand lösas genom förhandling mellan berörda samverkande parter. För det fall tvisten inte kan lösas därigenom, ska den avgöras av allmän domstol.

9. Regressrätt Vid skadeståndsanspråk med anledning av verksamheten är Luleå kommun som värdkommunen ensam part i målet. För det fall skadeståndsskyldighet uppkommer har Luleå kommun regressrätt mot övriga medlemskommuner.

10. Avtalets giltighet Detta avtal gäller från och med den 1 januari 2023 till och med den 31 december 2026 under förutsättning att fullmäktige i alla medlemskommuner har godkänt avtalet genom beslut som vunnit laga kraft. Avtalet förlängs därefter med 4 år i taget om inte uppsägning sker senast 12 månader före avtalets utgång. Uppsägning ska vara skriftlig och skickas till samtliga medlemskommuner.

Detta avtal har upprättats i 14 originalexemplar, varav de samverkande parterna har tagit var sitt.

Arjeplogs kommun Arvidsjaurs kommun Bodens kommun Gällivare kommun Haparanda kommun Jokkmokks kommun Kalix kommun Kiruna kommun Luleå kommun Pajala kommun Piteå kommun Älvsbyns kommun Överkalix kommun Övertorneå kommun

Samtliga parter signerar med e-signatur.`;

export const SEED_REGULATIONS_TEXT = `Dnr 1 (6)

Reglemente för gemensam e-nämnd för Norrbottens kommuner

Arjeplog, Arvidsjaur, Boden, Gällivare, Haparanda, Jokkmokk, Kalix, Kiruna, Luleå, Pajala, Piteå, Älvsbyn, Överkalix och Övertorneå kommuner samverkar sedan 2013-06-01 i en gemensam nämnd för utveckling av digital förvaltning.

Luleå kommun är värdkommun och nämnden ingår därmed i Luleå kommuns organisation.

Utöver vad som följer av lag gäller detta reglemente och ett mellan medlemskommunerna ingånget samverkansavtal för den gemensamma nämnden.

Gemensam e-nämnd för Norrbottens kommuner ska benämnas “Norrbottens e-nämnd”.

Inledning

1 § Syftet med samverkan är att samordna de enskilda medlemskommunernas arbete inom strategisk verksamhetsutveckling med stöd av IT, så kallad digital förvaltning, för att därigenom öka den mellankommunala samverkan och skapa förutsättningar för att uppnå en effektiv förvaltning av hög kvalité i alla medlemskommuner.

Samverkan omfattar arbete med att samordna utredandet av frågor kopplade till digital förvaltning inom kommunerna, samordna framtagandet av underlag inför samordnade upphandlingar av digitala lösningar och förvalta digitala lösningar som upphandlats genom vissa samordnade upphandlingar. Samverkan omfattar således inte ansvar för att genomföra samordnad upphandling.

Verksamhetsområde

Nämndens uppgifter

2 § Den gemensamma nämnden ska fungera som en samverkansplattform för medlemskommunernas arbete inom digital förvaltning.

Nämndens huvuduppgift är att samordna medlemskommunernas arbete med att gemensamt
- utreda frågor kopplade till digital förvaltning, och
- ta fram underlag inför samordnad upphandling av digitala lösningar.

Nämnden kan därutöver efter överenskommelse med medlemskommuner tillhandahålla förvaltningsresurser i frågor rörande förvaltning av digitala lösningar som upphandlats gemensamt och förvaltning av upphandlade avtal rörande sådana lösningar.

Medlemskommunerna har inte överlåtit någon rätt att fatta beslut för medlemskommunernas räkning till nämnden. Vid samordnad upphandling behöver varje medlemskommun ge fullmakt till den kommun som ska genomföra upphandlingen. Ansvar inom verksamhetsområdet
3 § Nämnden ansvarar för att dess organisation är tydlig och ändamålsenlig. Nämnden ansvarar för att långsiktigt planera och strategiskt utveckla verksamheten.

4 § Kommunstyrelsen i Luleå kommun har arbetsgivar- och arbetsmiljöansvar för personalen inom nämndens verksamhet. Vid eventuell förändring av Luleå kommuns organisation kommer ansvaret för personalen att framgå av Luleå kommuns nämndsreglementen.

5 § Nämnden ska utarbeta risk- och sårbarhetsanalyser för sitt verksamhetsområde enligt lag (2006:544) om kommuners och regioners åtgärder vid extraordinära händelser i fredstid och höjd beredskap, LEH samt anta en plan för hantering av extraordinära händelser.

Insyn och samråd
6 § Nämnden ska till respektive fullmäktige i de samverkande kommunerna rapportera hur verksamheten utvecklas och hur den ekonomiska ställningen är.

7 § Nämnden ska samråda med berörda kommunala nämnder i de samverkande kommunerna samt med andra myndigheter och med enskilda organisationer när dessa är särskilt berörda.

Arbetsformer

Mandatperiod
8 § Mandatperioden ska vara fyra år räknat från den 1 januari året efter det år då allmänna val till kommunfullmäktige hållits i hela landet. Nämndens verksamhet ska dock upphöra tidigare om uppsägning av avtal sker före mandatperiodens utgång.

Sammanträden
9 § Nämnden sammanträder på dag och tid som nämnden bestämmer och när minst en tredjedel av nämndens ledamöter begär det eller ordföranden anser att det behövs.

En begäran om extra sammanträde ska inlämnas skriftligen till ordföranden och innehålla uppgift om det eller de ärenden som önskas behandlas på det extra sammanträdet.

Om det föreligger särskilda skäl får ordföranden ställa in ett sammanträde eller ändra dagen eller tiden för sammanträdet. Om möjligt ska samråd ske med vice ordförande.

Om ordföranden beslutar att ett sammanträde ska ställas in eller att dagen eller tiden för ett sammanträde ska ändras, ska ordföranden se till att varje ledamot och ersättare snarast underrättas om beslutet. Kallelse

10 § Ordföranden ansvarar för att kallelse utfärdas till nämndens sammanträden. När varken ordföranden eller en vice ordförande kan kalla till sammanträde ska den till åldern äldsta ledamoten kalla till sammanträde.

Kallelsen ska vara skriftlig och innehålla uppgift om tid och plats för sammanträdet. Kallelsen ska tillställas varje ledamot och ersättare samt annan förtroendevald som får närvara vid sammanträdet senast fem dagar före sammanträdesdagen. Kallelse får ske elektroniskt om det inte är olämpligt. Ordföranden bestämmer formen för kallelse.

I undantagsfall får kallelse ske inom annan tid och/eller på annat sätt.

Kallelsen bör åtföljas av föredragningslista. Ordföranden bestämmer i vilken utsträckning handlingar som tillhör ett ärende på föredragningslistan ska bifogas kallelsen.

Offentliga sammanträden

11 § Nämnden får besluta om offentliga sammanträden. Offentliga sammanträden får inte hållas i ärenden som avser myndighetsutövning eller i vilka det förekommer uppgifter som omfattas av sekretess.

Digitalt deltagande på distans vid sammanträden

12 § Ledamöter och ersättare får delta vid sammanträden på distans. Deltagande på distans får endast äga rum om ljud- och bildöverföring sker i realtid och på ett sådant sätt att samtliga deltagare kan se och höra varandra på lika villkor. Ledamöter och ersättare som deltar på distans ska säkerställa att inte obehöriga kan ta del av ljud eller bild.

Ordföranden avgör om närvaro på distans får ske.

Nämnden får bestämma vad som närmare ska gälla om deltagande på distans i nämnden.

Sammansättning

13 § Nämnden består av 14 ledamöter och 14 ersättare eller, om antalet samverkande parter förändras, lika många ledamöter och ersättare som krävs för att motsvara antalet samverkande parter. Varje samverkande part utser en ledamot och en ersättare.

Kommunfullmäktige i Luleå kommun ska utse nämndens ordförande och vice ordförande bland dem som valts till att ingå i nämnden.

Ordföranden

14 § Det åligger ordföranden

1. att leda nämndens arbete och sammanträden,

2. kalla ledamöter och ersättare till sammanträde i enlighet med lag och reglemente,

3. inför sammanträdena se till att ärendena som ska behandlas i nämnden vid behov är beredda,

4. se till att färdigberedda ärenden snarast behandlas i nämnden,

5. bevaka att nämndens beslut verkställs.

Presidium

15 § Nämndens presidium ska bestå av ordförande och vice ordförande.

Vice ordförande ska biträda ordföranden i uppgiften att planera och leda sammanträdet i den mån ordföranden anser att det behövs.

Ersättare för ordföranden och vice ordföranden

16 § Om varken ordföranden eller vice ordförande kan delta i ett helt sammanträde eller en del av ett sammanträde, får nämnden utse en annan ledamot till ordförande för hela eller delar av sammanträdet. Tills valet förrättats, fullgörs ordförandens uppgifter av den som är till åldern äldst.

Ordförandens ersättare ska fullgöra samtliga ordförandens uppgifter.

Ersättares tjänstgöring

17 § Om en ledamot är förhindrad att delta eller att vidare delta i ett sammanträde ska ersättaren från den samverkande part som valt ledamoten tjänstgöra i ledamotens ställe. En ledamot som inställer sig under ett pågående sammanträde har rätt att tjänstgöra även om en ersättare trätt i ledamotens ställe.

Ersättare som inte tjänstgör har rätt att delta i överläggningarna och få sin mening antecknad till protokollet.

En ersättare som börjat tjänstgöra har alltid företräde till tjänstgöring framför annan ersättare.

Jäv, avbruten tjänstgöring

18 § En ledamot eller en ersättare som avbrutit sin tjänstgöring på grund av jäv i ett ärende får tjänstgöra igen sedan ärendet handlagts.

Ledamot eller tjänstgörande ersättare som en gång avbrutit tjänstgöringen under ett sammanträde på grund av annat hinder än jäv, får inte åter tjänstgöra vid sammanträdet.

Yrkanden

19 § När nämnden förklarat överläggningen i ett ärende avslutad, går ordföranden igenom de yrkanden som har framställts under överläggningen och kontrollerar att de har uppfattats korrekt. Ordföranden befäster genomgången med ett klubbslag. Därefter får inte något yrkande ändras eller läggas till, om inte nämnden enhälligt beslutar att medge det. Om ordföranden anser att det behövs ska den ledamot som har framställt ett yrkande avfatta det skriftligt.

Deltagande i beslut

20 § En ledamot som, där detta är möjligt, avser att avstå från att delta i ett beslut, ska anmäla detta till ordföranden innan beslut fattas.

En ledamot som inte har gjort en sådan anmälan anses ha deltagit i beslutet, om nämnden fattar det med acklamation.

Reservation

21 § Om en ledamot har reserverat sig mot ett beslut och ledamoten vill motivera reservationen ska ledamoten göra det skriftligt. Motiveringen ska lämnas till sekreteraren före den tidpunkt som har fastställts för justeringen av protokollet. Motsvarande gäller vid omedelbar justering.

Justering av protokoll

22 § Protokollet justeras av ordföranden och en ledamot.

Nämnden kan besluta att en paragraf i protokollet ska justeras omedelbart. Paragrafen ska redovisas skriftligt vid sammanträdet och justeras av ordföranden och en ledamot.

Tillkännagivande av protokoll

23 § Justeringen av nämndens protokoll ska tillkännages på var och en av de samverkande kommunernas anslagstavlor.

Delgivningsmottagare

24 § Delgivning med nämnden sker med ordföranden, vice ordförande eller annan som nämnden beslutar.

Undertecknande av handlingar

25 § Skrivelser, avtal och andra handlingar från nämnden ska på nämndens vägnar undertecknas av ordföranden med vice ordförande som ersättare. Nämnden får även uppdra till annan förtroendevald eller tjänsteperson att underteckna handlingar på nämndens vägnar.

Beslut som fattas med stöd av delegation samt skrivelser, avtal och andra handlingar som upprättas med anledning därav signeras av den som fattat beslutet. När det är lämpligt och inga tvingande lagkrav finns på fysisk underskrift kan signaturen göras elektroniskt eller säkerställas på annat sätt.

Revision

26 § Nämnden ska granskas av revisorerna hos var och en av de samverkande kommunerna. Frågan om ansvarsfrihet för nämnden ska prövas av fullmäktige hos var och en av de samverkande kommunerna. Vid vägrad ansvarsfrihet är det enbart fullmäktige hos den kommun som valt personen i fråga som kan besluta om entledigande från uppdraget.

Personuppgiftsansvarig

27 § Nämnden är personuppgiftsansvarig enligt dataskyddsförordningen (GDPR), för de personuppgifter som behandlas inom nämndens verksamhetsområde. Nämnden ska utse ett dataskyddsombud.

Förvaring av handlingar

28 § Nämnden svarar för vård och förvaring av verksamhetens arkivhandlingar enligt arkivlagen, arkivreglemente och upprättad dokumenthanteringsplan.`;
