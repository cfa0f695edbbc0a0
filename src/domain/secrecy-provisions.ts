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

/** The provisions a joint committee's registry most often needs; others can be typed. */
export const COMMON_PROVISIONS: readonly SecrecyProvision[] = [
  { chapter: 18, section: 8, subject: { sv: 'säkerhets- och bevakningsåtgärder, t.ex. it-säkerhet', en: 'security measures, e.g. IT security' } },
  { chapter: 19, section: 1, subject: { sv: 'myndighetens affärsverksamhet', en: "the authority's business activities" } },
  { chapter: 19, section: 3, subject: { sv: 'upphandling', en: 'procurement' } },
  { chapter: 21, section: 1, subject: { sv: 'hälsa och sexualliv', en: 'health and sexual life' } },
  { chapter: 21, section: 3, subject: { sv: 'skyddade personuppgifter vid risk för förföljelse', en: 'protected personal details under threat' } },
  { chapter: 21, section: 7, subject: { sv: 'personuppgifter vars utlämnande strider mot dataskyddsregleringen', en: 'personal data whose disclosure breaches data protection law' } },
  { chapter: 25, section: 1, subject: { sv: 'hälso- och sjukvård', en: 'health care' } },
  { chapter: 26, section: 1, subject: { sv: 'socialtjänst', en: 'social services' } },
  { chapter: 31, section: 16, subject: { sv: 'enskildas affärs- och driftförhållanden i avtal med myndighet', en: "private parties' business affairs in contracts with an authority" } },
  { chapter: 39, section: 1, subject: { sv: 'personalsocial verksamhet', en: 'staff welfare matters' } },
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
