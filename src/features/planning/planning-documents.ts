/** The business plan and the internal control plan as PDF/A documents (in Swedish, the committee's language). */
import { RISK_CONSEQUENCE_SCALE, RISK_PROBABILITY_SCALE, type RiskScore } from '../../domain/index.js';
import type { LoadedPlan } from './plan.service.js';
import type { PresentedRisk } from './control.service.js';
import { heatMapGrid } from './heat-map.js';
import { withExampleMark } from '../../platform/views/example-data.js';
import { renderPlanningPdf, type PdfBlock } from './planning-pdf.js';
import type { SectionKey } from './planning.schema.js';
import type { ControlActivityRow, ControlPointRow, IndicatorRow } from './planning.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const SECTION_SV: Record<SectionKey, string> = {
  purpose: 'Verksamhetens syfte och omfattning',
  strategicDirection: 'Strategisk riktning',
  effectGoals: 'Effektmål',
  organisation: 'Organisation',
  annualCycle: 'Årshjul och sammanträden',
  economy: 'Ekonomi',
};
const STATUS_SV = { draft: 'Utkast', tabled: 'Bordlagd', adopted: 'Antagen' } as const;
const MEASURE_SV: Record<IndicatorRow['measure'], string> = {
  committee_meetings: 'Nämndens sammanträden (ur Kansli)',
  member_attendance: 'Ledamöternas närvaro (ur Kansli)',
  prep_meetings: 'Beredningsgruppens möten (ur Kansli)',
  prep_municipality_share: 'Andel kommuner vid beredningsgruppens möten (ur Kansli)',
  followup_dialogues: 'Uppföljningsdialoger (ur Kansli)',
  manual: 'Följs upp manuellt',
};
const DECISION_SV = { accepted: 'Risk accepteras', internal_control: 'Följs upp genom internkontroll' } as const;

const number = (v: string | null) => (v === null ? '' : String(Number(v)).replace('.', ','));

function target(i: IndicatorRow): string {
  if (i.targetText) return i.targetText;
  return [i.target !== null ? `mål ${number(i.target)} ${i.unit}` : '', i.minimum !== null ? `minst ${number(i.minimum)} ${i.unit}` : '', i.maximum !== null ? `högst ${number(i.maximum)} ${i.unit}` : ''].filter(Boolean).join(', ').trim();
}

export function planStatusLine(loaded: LoadedPlan): string {
  const p = loaded.paragraph;
  return p ? `${STATUS_SV[loaded.plan.status]} § ${p.number ?? ''}, sammanträde ${p.date}` : STATUS_SV[loaded.plan.status];
}

export function businessPlanPdf(committee: OrganisationRow, loaded: LoadedPlan): Promise<Buffer> {
  const section = (k: SectionKey, n: string): PdfBlock[] => [{ kind: 'h2', text: `${n} ${SECTION_SV[k]}` }, { kind: 'p', text: loaded.plan.sections[k]?.trim() || 'Ej ifyllt.', muted: !loaded.plan.sections[k]?.trim() }];
  const blocks: PdfBlock[] = [
    { kind: 'h2', text: 'Utgåvehistorik för dokumentet' },
    loaded.editions.length
      ? { kind: 'table', headers: ['Utgåva', 'Datum', 'Kommentar'], widths: [1, 1.4, 6], rows: loaded.editions.map((e) => [e.edition, e.editedOn, e.comment]) }
      : { kind: 'p', text: 'Inga utgåvor registrerade.', muted: true },
    ...section('purpose', '1'),
    ...section('strategicDirection', '2'),
    ...section('effectGoals', '3'),
    { kind: 'h2', text: '4 Mål och indikatorer' },
    { kind: 'p', text: 'Målen följs upp tertialvis. Indikatorer märkta ”ur Kansli” mäts ur nämndens egna uppgifter om sammanträden, närvaro och uppföljningsdialoger.' },
    ...loaded.goals.flatMap(({ goal, indicators }, i): PdfBlock[] => [
      { kind: 'h3', text: `4.${i + 1} ${goal.title}` },
      ...(goal.description ? [{ kind: 'p' as const, text: goal.description }] : []),
      ...(indicators.length ? [{ kind: 'table' as const, headers: ['Indikator', 'Mäts', 'Mål'], widths: [4, 3, 2.5], rows: indicators.map((x) => [x.name, MEASURE_SV[x.measure], target(x)]) }] : []),
    ]),
    ...section('organisation', '5'),
    ...section('annualCycle', '6'),
    ...section('economy', '7'),
  ];
  return renderPlanningPdf({ committeeName: committee.name, title: loaded.plan.title, subtitle: planStatusLine(loaded), blocks });
}

export function controlPlanPdf(options: { committee: OrganisationRow; year: number; risks: PresentedRisk[]; points: ControlPointRow[]; activities: ControlActivityRow[] }): Promise<Buffer> {
  const { risks, points, activities } = options;
  const riskName = (id: string | null) => {
    const i = risks.findIndex((r) => r.id === id);
    return i < 0 ? '' : `R${i + 1}`;
  };
  const grid = heatMapGrid(risks.map((r, i) => ({ number: i + 1, probability: r.probability, consequence: r.consequence })));
  const blocks: PdfBlock[] = [
    { kind: 'p', text: 'Internkontrollplanen bygger på identifiering och analys av risker i verksamheten. Riskvärde = sannolikhet × konsekvens, vardera 1–4.' },
    { kind: 'h2', text: '1 Risker' },
    risks.length
      ? {
          kind: 'table',
          headers: ['Nr', 'Risk', 'Ansvarig', 'Metod', 'Sannolikhet', 'Konsekvens', 'Riskvärde', 'Beslut', 'Analys'],
          widths: [0.5, 3, 2, 2, 1.6, 1.7, 1.5, 2, 4.2],
          rows: risks.map((r, i) => [`R${i + 1}`, r.title, r.responsible, r.method, `${r.probability} ${RISK_PROBABILITY_SCALE[r.probability as RiskScore]}`, `${r.consequence} ${RISK_CONSEQUENCE_SCALE[r.consequence as RiskScore]}`, String(r.value), DECISION_SV[r.decision], r.analysis]),
        }
      : { kind: 'p', text: 'Inga risker registrerade.', muted: true },
    { kind: 'h2', text: '2 Riskmatris' },
    {
      kind: 'table',
      headers: ['Sannolikhet \\ konsekvens', ...[1, 2, 3, 4].map((c) => `${c} ${RISK_CONSEQUENCE_SCALE[c as RiskScore]}`)],
      widths: [2.2, 1.5, 1.5, 1.5, 1.5],
      rows: grid.map((row) => [`${row[0]?.probability ?? ''} ${RISK_PROBABILITY_SCALE[row[0]?.probability ?? 1]}`, ...row.map((c) => `${c.value}${c.riskNumbers.length ? `: ${c.riskNumbers.map((n) => `R${n}`).join(', ')}` : ''}`)]),
    },
    { kind: 'h2', text: '3 Obligatoriska kontrollmoment' },
    points.length
      ? { kind: 'table', headers: ['Kontrollmoment', 'Utfärdat av', 'Nämndens bedömning', 'Risk'], widths: [4, 2, 4, 0.8], rows: points.map((p) => [[p.title, p.description].filter(Boolean).join('\n'), p.issuedBy, p.assessment || 'Ej bedömt', riskName(p.riskId)]) }
      : { kind: 'p', text: 'Inga obligatoriska kontrollmoment registrerade.', muted: true },
    { kind: 'h2', text: '4 Kontrollaktiviteter' },
    activities.length
      ? { kind: 'table', headers: ['Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Resultat'], widths: [3.5, 2, 1.5, 1.6, 3.5], rows: activities.map((a) => [withExampleMark(a.title, a.origin, 'sv'), a.owner, a.dueOn ?? '', a.status === 'done' ? `Genomförd ${a.completedOn ?? ''}` : 'Planerad', a.result]) }
      : { kind: 'p', text: 'Inga kontrollaktiviteter registrerade.', muted: true },
  ];
  return renderPlanningPdf({ committeeName: options.committee.name, title: `Internkontrollplan ${options.year}`, subtitle: `Plan för intern kontroll ${options.year} (kommunallagen 6 kap. 6 §)`, blocks, landscape: true });
}
