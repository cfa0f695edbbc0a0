/**
 * Secrecy provisions of offentlighets- och sekretesslagen (2009:400), OSL. A secrecy marking
 * names the provision (OSL 5:5); it is always written out in full, chapter and section, e.g.
 * "21 kap. 7 § offentlighets- och sekretesslagen (2009:400)".
 */
export const OSL_TITLE = 'offentlighets- och sekretesslagen (2009:400)';

export interface SecrecyProvision {
  chapter: number;
  section: number;
  /** What the provision protects, in a few words, for the list to choose from. */
  subject: { sv: string; en: string };
}

/**
 * The provisions a joint committee's registry most often needs; others can be typed. Each
 * subject says what the section protects (checked against SFS 2009:400 as in force 2026).
 */
export const COMMON_PROVISIONS: readonly SecrecyProvision[] = [
  // 18:8 — säkerhets- eller bevakningsåtgärd (byggnad, människor, informationssystem): risk and vulnerability analyses.
  { chapter: 18, section: 8, subject: { sv: 'säkerhets- eller bevakningsåtgärder, t.ex. it-säkerhet och sårbarhetsanalyser', en: 'security or surveillance measures, e.g. IT security and vulnerability analyses' } },
  // 19:1 — the authority's own affärs- eller driftförhållanden when it runs a business.
  { chapter: 19, section: 1, subject: { sv: 'myndighetens affärs- eller driftförhållanden när den driver affärsverksamhet', en: "the authority's business affairs when it runs a business" } },
  // 19:3 — the public side's position in förvärv, överlåtelse, upplåtelse; tenders until the award (anbudssekretess).
  { chapter: 19, section: 3, subject: { sv: 'upphandling och andra affärer där det allmänna kan lida skada, t.ex. anbud före tilldelning', en: 'procurement and other dealings where the public side could suffer harm, e.g. tenders before the award' } },
  // 21:1 — hälsa eller sexualliv, anywhere (betydande men).
  { chapter: 21, section: 1, subject: { sv: 'en enskilds hälsa eller sexualliv', en: "an individual's health or sexual life" } },
  // 21:3 — bostadsadress, telefonnummer, e-post when the person may be persecuted or seriously harmed.
  { chapter: 21, section: 3, subject: { sv: 'adress och andra kontaktuppgifter till den som riskerar förföljelse', en: 'address and other contact details of someone at risk of persecution' } },
  // 21:7 — disclosure would lead to processing in breach of the GDPR or the Data Protection Act.
  { chapter: 21, section: 7, subject: { sv: 'personuppgifter som efter utlämnande skulle behandlas i strid med dataskyddsregleringen', en: 'personal data that would be processed in breach of data protection law once disclosed' } },
  // 25:1 — hälso- och sjukvård: hälsotillstånd eller andra personliga förhållanden.
  { chapter: 25, section: 1, subject: { sv: 'hälso- och sjukvård: en enskilds hälsotillstånd och personliga förhållanden', en: "health care: an individual's state of health and personal circumstances" } },
  // 26:1 — socialtjänst: en enskilds personliga förhållanden.
  { chapter: 26, section: 1, subject: { sv: 'socialtjänst: en enskilds personliga förhållanden', en: "social services: an individual's personal circumstances" } },
  // 31:16 — a private party's affärs- eller driftförhållanden when it has entered into a business relationship with the authority.
  { chapter: 31, section: 16, subject: { sv: 'affärs- och driftförhållanden hos den som gör affärer med myndigheten', en: 'business affairs of a party doing business with the authority' } },
  // 39:1 — personalsocial verksamhet: en enskilds personliga förhållanden.
  { chapter: 39, section: 1, subject: { sv: 'personalsocial verksamhet: en anställds personliga förhållanden', en: "staff welfare: an employee's personal circumstances" } },
];

/** The provision in full: "21 kap. 7 § offentlighets- och sekretesslagen (2009:400)". */
export function provisionCitation(p: { chapter: number; section: number | string }): string {
  return `${p.chapter} kap. ${p.section} § ${OSL_TITLE}`;
}

/**
 * Read a provision as registrars write it — "21 kap. 7 §", "OSL 21:7", "21:7", or the full
 * citation — and give its full citation; undefined when no chapter and section can be read.
 * OSL has 44 chapters.
 */
export function normaliseProvision(text: string): string | undefined {
  const m = /^(?:OSL\s*)?(\d{1,2})\s*(?:kap\.?\s*(\d{1,3})\s*([a-z])?\s*§|:\s*(\d{1,3})\s*([a-z])?)(?:\s|$|\s*offentlighets)/i.exec(`${text.trim()} `);
  if (!m) return undefined;
  const chapter = Number(m[1]);
  const section = Number(m[2] ?? m[4]);
  const letter = (m[3] ?? m[5] ?? '').toLowerCase();
  if (chapter < 1 || chapter > 44 || section < 1) return undefined;
  return provisionCitation({ chapter, section: letter ? `${section} ${letter}` : section });
}
