/**
 * The seed protocol's (Norrbottens e-nämnd 2022-12-14) paragraph headings, §§ 19–25, as it
 * prints them: written out here, not taken from the demo data, so that tests of the demo and of
 * the annual cycle check against the seed itself.
 */
export const SEED_DECEMBER_HEADINGS: readonly string[] = [
  'Ekonomisk rapport, utfall per sista oktober',
  'Obligatoriska kontrollmoment',
  'Information om aktuella och pågående aktiviteter',
  'Verksamhetsplan 2023',
  'Uppföljning systematiskt arbetsmiljöarbete',
  'Revidering reglemente och samverkansavtal',
  'Sammanträdesordning 2023',
];
