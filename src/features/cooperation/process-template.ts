/**
 * The default process template: the seed's diagram "Beslutsstruktur" (protocol 2022-12-14 § 24,
 * DOMAIN.md "The cross-municipality decision process"). Each phase lists the decisions it needs
 * and by whom; a yes to a `joins` decision makes a municipality a participant of the phase.
 * The process is data: a committee may keep other templates beside this one.
 */
import type { ProcessPhaseTemplate } from './cooperation.tables.js';

export const DEFAULT_TEMPLATE_NAME = 'Beslutsstruktur (e-nämnden 2022-12-14 § 24)';

/** A decision whose yes also records the municipality's power of attorney to the procuring municipality. */
export const FULLMAKT_DECISION_KEY = 'fullmakt';

export const DEFAULT_PROCESS_PHASES: ProcessPhaseTemplate[] = [
  {
    key: 'idea',
    label: { sv: 'Kvalificering av idé', en: 'Idea qualification' },
    decisions: [{ key: 'idea_qualified', by: 'preparation_group', required: true, label: { sv: 'Beslut om att idén är kvalificerad', en: 'The idea is qualified' } }],
  },
  {
    key: 'prestudy',
    label: { sv: 'Förstudie', en: 'Pre-study' },
    decisions: [
      { key: 'prestudy_basis', by: 'preparation_group', required: true, label: { sv: 'Kvalificera underlag för beslut', en: 'Qualify the basis for decisions' } },
      { key: 'prestudy_join', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om genomförande och finansiering av förstudie', en: 'Carry out and finance the pre-study' } },
      { key: 'prestudy_accept', by: 'committee', required: true, label: { sv: 'Acceptera uppdrag att förstudien samordnas via nämnden', en: 'Accept the assignment to coordinate the pre-study' } },
    ],
  },
  {
    key: 'development',
    label: { sv: 'Utvecklingsprojekt', en: 'Development project' },
    decisions: [
      { key: 'development_case', by: 'preparation_group', required: true, label: { sv: 'Beslut om ärende till nämnden', en: 'Case to the committee' } },
      { key: 'development_join', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om gemensamt projekt och finansiering', en: 'Joint project and its financing' } },
      { key: 'development_accept', by: 'committee', required: true, label: { sv: 'Acceptera uppdrag att utvecklingsprojektet samordnas via nämnden', en: 'Accept the assignment to coordinate the development project' } },
      { key: 'development_procurement', by: 'steering_group', required: false, label: { sv: 'Projektets styrgrupp: förslag om gemensam upphandling', en: "The project's steering group: proposal of a joint procurement" } },
    ],
  },
  {
    key: 'realisation',
    label: { sv: 'Realisering (upphandling)', en: 'Realisation (procurement)' },
    decisions: [
      { key: 'procurement_wanted', by: 'each_municipality', required: false, label: { sv: 'Beslut om man vill ha gemensam upphandling', en: 'Whether it wants a joint procurement' } },
      { key: 'procurement_join', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om att kliva in i gemensam upphandling', en: 'Joins the joint procurement' } },
      { key: FULLMAKT_DECISION_KEY, by: 'each_municipality', required: true, label: { sv: 'Fullmakt till upphandlande kommun', en: 'Power of attorney to the procuring municipality' } },
    ],
  },
  {
    key: 'contract',
    label: { sv: 'Avtalsslut', en: 'Contract' },
    decisions: [
      { key: 'contract_award', by: 'procuring_municipality', required: true, label: { sv: 'Beslut om tilldelning', en: 'Award decision' } },
      { key: 'contract_commitment', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om långsiktigt åtagande/garanti och fördelning av kostnader', en: 'Long-term commitment or guarantee and cost split' } },
    ],
  },
  {
    key: 'introduction',
    label: { sv: 'Införande', en: 'Introduction' },
    decisions: [
      { key: 'introduction_join', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om gemensamt införandeprojekt', en: 'Joint introduction project' } },
      { key: 'introduction_management', by: 'preparation_group', required: true, label: { sv: 'Beredande beslut gällande förvaltning och fördelning', en: 'Preparatory decision on management and cost split' } },
    ],
  },
  {
    key: 'management',
    label: { sv: 'Förvaltning', en: 'Management' },
    decisions: [
      { key: 'management_join', by: 'each_municipality', required: true, joins: true, label: { sv: 'Beslut om gemensam förvaltning och tillhörande kostnader', en: 'Joint management and its costs' } },
      { key: 'management_accept', by: 'committee', required: true, label: { sv: 'Acceptera förvaltning i nämnden med gemensamma resurser', en: 'Accept management in the committee with joint resources' } },
    ],
  },
];

export const DECISION_MAKER_LABELS: Record<ProcessPhaseTemplate['decisions'][number]['by'], { sv: string; en: string }> = {
  each_municipality: { sv: 'Varje kommun', en: 'Each municipality' },
  preparation_group: { sv: 'Beredningsgruppen', en: 'Preparation group' },
  committee: { sv: 'Nämnden', en: 'The committee' },
  steering_group: { sv: 'Projektets styrgrupp', en: "The project's steering group" },
  procuring_municipality: { sv: 'Upphandlande kommun', en: 'Procuring municipality' },
};
