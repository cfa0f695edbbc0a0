import { eq } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { retentionRules } from '../archive/archive.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { personalDataControllers, personalDataProcessing } from '../privacy/privacy.tables.js';
import { DEMO_COMMITTEE_SLUG } from './demo-data.js';

/**
 * The demo committee's document management plan (following the retention of its classification
 * codes) and its register of processing of personal data. Idempotent like the rest of the demo.
 */
const DEMO_PLAN: { classificationCode: string; action: 'keep' | 'dispose'; retentionYears: number | null; format: string; note: string }[] = [
  { classificationCode: '1.2.1.3', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Verksamhetsplaner och uppföljningar' },
  { classificationCode: '1.3.1.2', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Reglementen och avtal' },
  { classificationCode: '1.3.2.2', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Internkontrollplaner' },
  { classificationCode: '2.2.0.2', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Kallelser, protokoll och sammanträdesplaner' },
  { classificationCode: '2.3.4.1', action: 'dispose', retentionYears: 10, format: 'PDF/A', note: 'Systematiskt arbetsmiljöarbete' },
  { classificationCode: '2.4.0.2', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Ekonomiska rapporter till nämnden' },
  { classificationCode: '2.5.1.3', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Säkerhetsgranskningar' },
];

const DEMO_PROCESSING = [
  {
    name: 'Nämndadministration',
    purpose: 'Kalla till sammanträden, föra protokoll, justera och anslå protokoll.',
    legalBasis: 'Rättslig förpliktelse och myndighetsutövning (art. 6.1 c och e), kommunallagen 5–6 kap.',
    categoriesOfData: 'Namn, kommun, uppdrag, e-postadress, närvaro, yrkanden, röster, reservationer, jäv.',
    categoriesOfPeople: 'Ledamöter, ersättare, tjänstepersoner i beredningsgruppen.',
    recipients: 'Allmänheten (slutliga protokoll), medlemskommunerna.',
    thirdCountryTransfers: 'Inga.',
    securityMeasures: 'Behörighet per roll och organisation, tvåfaktorsinloggning, krypterad förbindelse (TLS), säkerhetskopior och en granskningslogg som inte kan ändras i efterhand.',
    retention: 'Protokoll bevaras; kontaktuppgifter tas bort när uppdraget upphört.',
  },
  {
    name: 'Diarium och allmänna handlingar',
    purpose: 'Registrera allmänna handlingar och handlägga ärenden.',
    legalBasis: 'Rättslig förpliktelse (art. 6.1 c), offentlighets- och sekretesslagen 5 kap.',
    categoriesOfData: 'Namn på avsändare och mottagare, uppgifter i handlingar.',
    categoriesOfPeople: 'Enskilda och företrädare för organisationer som skriver till nämnden.',
    recipients: 'Allmänheten efter sekretessprövning.',
    thirdCountryTransfers: 'Inga.',
    securityMeasures: 'Behörighet per roll och organisation, tvåfaktorsinloggning, krypterad förbindelse (TLS), säkerhetskopior och en granskningslogg som inte kan ändras i efterhand.',
    retention: 'Enligt dokumenthanteringsplanen.',
  },
  {
    name: 'Användarkonton i Kansli',
    purpose: 'Inloggning, behörigheter och granskningslogg.',
    legalBasis: 'Allmänt intresse (art. 6.1 e); informationssäkerhet.',
    categoriesOfData: 'Namn, e-postadress, roller, inloggningar, åtgärder i granskningsloggen.',
    categoriesOfPeople: 'Användare.',
    recipients: 'Inga.',
    thirdCountryTransfers: 'Inga.',
    securityMeasures: 'Behörighet per roll och organisation, tvåfaktorsinloggning, krypterad förbindelse (TLS), säkerhetskopior och en granskningslogg som inte kan ändras i efterhand.',
    retention: 'Kontot stängs när uppdraget upphör; granskningsloggen bevaras.',
  },
];

/** Art. 30(1)(a): the committee is the controller; its data protection officer is the host municipality's (fictional contacts). */
const DEMO_CONTROLLER = {
  controllerName: 'Norrbottens e-nämnd',
  controllerContact: 'Norrbottens e-nämnd, c/o Luleå kommun, 971 85 Luleå. E-post: e-namnden@exempel.se',
  dpoName: 'Dataskyddsombudet, Luleå kommun',
  dpoContact: 'E-post: dataskyddsombud@exempel.se',
};

export async function loadArchiveDemo(services: Services): Promise<void> {
  const db = services.database.db;
  const [committee] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
  if (!committee) return;
  for (const rule of DEMO_PLAN) await db.insert(retentionRules).values({ committeeId: committee.id, ...rule }).onConflictDoNothing();
  const existing = new Set((await db.select({ name: personalDataProcessing.name }).from(personalDataProcessing).where(eq(personalDataProcessing.committeeId, committee.id))).map((r) => r.name));
  for (const p of DEMO_PROCESSING) if (!existing.has(p.name)) await db.insert(personalDataProcessing).values({ committeeId: committee.id, ...p });
  await db.insert(personalDataControllers).values({ committeeId: committee.id, ...DEMO_CONTROLLER }).onConflictDoNothing();
}
