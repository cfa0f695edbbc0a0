/**
 * The demo committee: Norrbottens e-nämnd with its 14 member municipalities (seed protocol
 * 2022-12-14). People are fictional; the names in the seed stay out of the demo.
 */
import type { RecordOrigin } from '../../platform/db/columns.js';

export const DEMO_PASSWORD = 'kansli-demo-2026';
export const DEMO_COMMITTEE_SLUG = 'norrbottens-e-namnd';

/**
 * The committee's settings as the seed shows them: the protocol calls the body "E-nämnden"
 * ("E-nämndens beslut") and its registry "E-NAMND" ("Verksamhetsplan 2023, E-NAMND, Hid: 2022.14").
 * The committee sits in Luleå (the host municipality), so its decisions are appealed to
 * Förvaltningsrätten i Luleå (KL 13:5).
 */
export const DEMO_COMMITTEE_SETTINGS = { shortName: 'E-nämnden', registryCode: 'E-NAMND', publication: { appealCourt: 'Förvaltningsrätten i Luleå' } };

export interface DemoMunicipality {
  slug: string;
  name: string;
  host?: boolean;
  /** Folkmängd 31 december: [2020, 2021, 2022]. */
  population: [number, number, number];
}

/**
 * 2020: SCB, folkmängd 31 december 2020. 2021 and 2022: approximations for the demo (SCB's
 * quarterly figures of 30 September where known, estimates otherwise), to be replaced by SCB's
 * year-end figures before real use; the source says so and the origin marks them as invented.
 */
export const POPULATION_SOURCES: Record<number, { source: string; origin: RecordOrigin }> = {
  2020: { source: 'SCB, folkmängd 31 december 2020', origin: 'seed' },
  2021: { source: 'Ungefärlig folkmängd 2021 (SCB kvartal/uppskattning) – ersätt med SCB 31 dec', origin: 'demo' },
  2022: { source: 'Ungefärlig folkmängd 2022 (SCB kvartal/uppskattning) – ersätt med SCB 31 dec', origin: 'demo' },
};

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  { slug: 'arjeplog', name: 'Arjeplogs kommun', population: [2718, 2707, 2680] },
  { slug: 'arvidsjaur', name: 'Arvidsjaurs kommun', population: [6145, 6141, 6138] },
  { slug: 'boden', name: 'Bodens kommun', population: [28060, 28143, 28080] },
  { slug: 'gallivare', name: 'Gällivare kommun', population: [17462, 17463, 17446] },
  { slug: 'haparanda', name: 'Haparanda kommun', population: [9601, 9535, 9357] },
  { slug: 'jokkmokk', name: 'Jokkmokks kommun', population: [4851, 4766, 4766] },
  { slug: 'kalix', name: 'Kalix kommun', population: [15812, 15800, 15735] },
  { slug: 'kiruna', name: 'Kiruna kommun', population: [22664, 22536, 22483] },
  { slug: 'lulea', name: 'Luleå kommun', host: true, population: [78549, 78787, 79183] },
  { slug: 'pajala', name: 'Pajala kommun', population: [5966, 5985, 5962] },
  { slug: 'pitea', name: 'Piteå kommun', population: [42226, 42301, 42417] },
  { slug: 'alvsbyn', name: 'Älvsbyns kommun', population: [8054, 8093, 8081] },
  { slug: 'overkalix', name: 'Överkalix kommun', population: [3289, 3245, 3217] },
  { slug: 'overtornea', name: 'Övertorneå kommun', population: [4217, 4222, 4178] },
];

const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Elin', 'Per', 'Sara', 'Nils', 'Linnea', 'Olof', 'Ida', 'Mikael', 'Frida', 'Henrik', 'Emma', 'Jonas', 'Hanna', 'Gustav', 'Malin', 'Anders', 'Sofia', 'Tomas', 'Lena', 'Björn', 'Ingrid', 'Fredrik', 'Helena', 'Magnus', 'Åsa', 'Viktor', 'Eva', 'Stefan', 'Maja', 'Daniel', 'Kristina', 'Patrik', 'Ulrika', 'Jens', 'Tove', 'Rasmus'];
const LAST = ['Lindqvist', 'Nordström', 'Sandberg', 'Forsberg', 'Holmgren', 'Lundmark', 'Öberg', 'Wikström', 'Nyström', 'Bergkvist', 'Sundqvist', 'Marklund', 'Lidström', 'Åström', 'Engman', 'Brännström', 'Granlund', 'Hedlund', 'Isaksson', 'Jakobsson', 'Kero', 'Lantto', 'Mäkitalo', 'Niemi', 'Palo', 'Rova', 'Sarri', 'Tapani', 'Unga', 'Vinsa', 'Wennberg', 'Ylitalo', 'Abrahamsson', 'Blomqvist', 'Carlsson', 'Dahlberg', 'Eriksson', 'Fjällström', 'Grape', 'Hortlund', 'Innala', 'Junes'];

/** A fictional name, the same for the same index on every run (so the demo is idempotent). */
export function demoName(index: number): string {
  const last = (index * 5 + 3 + Math.floor(index / FIRST.length)) % LAST.length;
  return `${FIRST[index % FIRST.length] ?? 'Alex'} ${LAST[last] ?? 'Andersson'}`;
}

export function demoEmail(name: string, domain = 'exempel.se'): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${ascii}@${domain}`;
}

/**
 * Terms of office: the one that ended with 2022 (the seed's meeting), the current one, and the
 * next (the same fictional people re-elected), so that the demo keeps members after 2026.
 */
export const DEMO_TERMS = [
  { from: '2019-01-01', to: '2022-12-31' },
  { from: '2023-01-01', to: '2026-12-31' },
  { from: '2027-01-01', to: '2030-12-31' },
];

/** Memorable sign-in addresses for the demo users, one per role. */
export const DEMO_LOGIN_EMAILS = {
  admin: 'admin@exempel.se',
  secretary: 'sekreterare@exempel.se',
  coordinator: 'samordnare@exempel.se',
  chair: 'ordforande@exempel.se',
  member: 'ledamot@exempel.se',
  substitute: 'ersattare@exempel.se',
  preparation_official: 'beredning@exempel.se',
  registrar: 'registrator@exempel.se',
  economist: 'ekonom@exempel.se',
  auditor: 'revisor@exempel.se',
} as const;
