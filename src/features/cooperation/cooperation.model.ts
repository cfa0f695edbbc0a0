/**
 * An initiative as one loaded value and what follows from it: its phases with gates,
 * participants, cost shares and late buy-ins, and the decision matrix. No writes here.
 */
import type { Db } from '../../platform/db/database.js';
import type { ProcessPhaseTemplate, InitiativeRow, ProcessTemplateRow, InitiativePhaseRow, InitiativeDecisionRow, PowerOfAttorneyRow } from './cooperation.tables.js';
import { findDocument } from '../registry/registry.repository.js';
import { allocateCost, computeBuyIn, DomainError, evaluatePhaseGate, phaseParticipants, type AllocationKey, type BuyInResult, type GateResult, type Share } from '../../domain/index.js';
import * as repo from './cooperation.repository.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const collator = new Intl.Collator('sv');

export type TemplateDecision = ProcessPhaseTemplate['decisions'][number];

export interface LoadedInitiative {
  initiative: InitiativeRow;
  template: ProcessTemplateRow;
  phases: InitiativePhaseRow[];
  cells: InitiativeDecisionRow[];
  committee: OrganisationRow;
  /** Member municipalities in Swedish order. */
  municipalities: OrganisationRow[];
  populations: Map<string, { year: number; population: number }>;
  powers: PowerOfAttorneyRow[];
  documentHids: Map<string, string>;
}

export async function loadInitiative(db: Db, initiative: InitiativeRow, year: number): Promise<LoadedInitiative> {
  const [template, phases, cells, orgs, powers] = await Promise.all([
    repo.findTemplate(db, initiative.templateId),
    repo.listPhases(db, [initiative.id]),
    repo.listCells(db, [initiative.id]),
    repo.listOrganisations(db),
    repo.listPowersOfAttorney(db, initiative.id),
  ]);
  const committee = orgs.find((o) => o.id === initiative.committeeId);
  if (!template || !committee) throw new Error('initiative without template or committee');
  const municipalities = membersOf(orgs, committee.id);
  const documentHids = new Map<string, string>();
  for (const id of new Set(cells.map((c) => c.documentId).filter((x): x is string => Boolean(x)))) {
    const doc = await findDocument(db, id);
    if (doc) documentHids.set(id, `${doc.year}.${doc.number}`);
  }
  return { initiative, template, phases, cells, committee, municipalities, populations: await repo.latestPopulations(db, municipalities.map((m) => m.id), year), powers, documentHids };
}

export function membersOf(orgs: OrganisationRow[], committeeId: string): OrganisationRow[] {
  return orgs.filter((o) => o.kind === 'municipality' && o.committeeId === committeeId).sort((a, b) => collator.compare(a.name, b.name));
}

/** The initiative's cost key as the domain knows it (population among participants by default). */
export function allocationKeyOf(initiative: InitiativeRow): AllocationKey {
  const raw = initiative.allocationKey;
  if (raw.kind === 'equal') return { kind: 'equal' };
  if (raw.kind === 'mixed' && typeof raw.flatSharePercent === 'number') return { kind: 'mixed', flatSharePercent: raw.flatSharePercent };
  return { kind: 'population' };
}

export interface PhaseView {
  template: ProcessPhaseTemplate;
  row: InitiativePhaseRow;
  isOpen: boolean;
  gate: GateResult | undefined;
  participantIds: readonly string[];
  shares: { shares: Share[] } | { error: DomainError };
  buyIn: { joiningIds: string[]; result: BuyInResult | { error: DomainError } } | undefined;
}

export function templatePhase(model: Pick<LoadedInitiative, 'template'>, key: string): ProcessPhaseTemplate | undefined {
  return model.template.phases.find((p) => p.key === key);
}

const gateCells = (model: LoadedInitiative, phaseKey: string) => model.cells.filter((c) => c.phaseKey === phaseKey);

function partiesOf(model: LoadedInitiative, ids: readonly string[]) {
  return ids.map((id) => ({ id, population: model.populations.get(id)?.population ?? 0 }));
}

function sharesOf(model: LoadedInitiative, total: number, ids: readonly string[]): PhaseView['shares'] {
  if (ids.length === 0) return { shares: [] };
  try {
    return { shares: allocateCost({ total, unit: 1, parties: partiesOf(model, ids), key: allocationKeyOf(model.initiative) }) };
  } catch (error) {
    if (error instanceof DomainError) return { error };
    throw error;
  }
}

/** Every opened phase in order, the open one with its gate, closed ones with any late joiners' buy-in. */
export function phaseViews(model: LoadedInitiative): PhaseView[] {
  let previous: readonly string[] = [];
  const out: PhaseView[] = [];
  for (const row of model.phases) {
    const template = templatePhase(model, row.phaseKey);
    if (!template) continue;
    const input = { decisions: template.decisions, cells: gateCells(model, row.phaseKey), committeeId: model.committee.id, procuringOrganisationId: model.initiative.procuringOrganisationId, previousParticipantIds: previous };
    const isOpen = row.closedAt === null;
    const gate = isOpen ? evaluatePhaseGate(input) : undefined;
    const participantIds = row.participants ?? gate?.participantIds ?? [];
    let buyIn: PhaseView['buyIn'];
    if (!isOpen) {
      const joiningIds = phaseParticipants({ ...input, previousParticipantIds: participantIds }).filter((id) => !participantIds.includes(id));
      if (joiningIds.length > 0) {
        try {
          buyIn = { joiningIds, result: computeBuyIn({ total: row.budget, key: allocationKeyOf(model.initiative), parties: partiesOf(model, [...participantIds, ...joiningIds]), participantIds, joiningIds }) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          buyIn = { joiningIds, result: { error } };
        }
      }
    }
    out.push({ template, row, isOpen, gate, participantIds, shares: sharesOf(model, row.budget, participantIds), buyIn });
    previous = participantIds;
  }
  return out;
}

export interface MatrixColumn {
  phase: ProcessPhaseTemplate;
  decision: TemplateDecision;
}

/** The columns of the matrix: the decisions of the opened phases, current and past, in order. */
export function matrixColumns(model: LoadedInitiative, filter: (d: TemplateDecision) => boolean): MatrixColumn[] {
  return model.phases.flatMap((row) => {
    const phase = templatePhase(model, row.phaseKey);
    return phase ? phase.decisions.filter(filter).map((decision) => ({ phase, decision })) : [];
  });
}

export const isMunicipalDecision = (d: TemplateDecision) => d.by === 'each_municipality' || d.by === 'procuring_municipality';

export function cellAt(model: LoadedInitiative, column: MatrixColumn, organisationId: string): InitiativeDecisionRow | undefined {
  return model.cells.find((c) => c.phaseKey === column.phase.key && c.decisionKey === column.decision.key && c.organisationId === organisationId);
}

/** The municipality's own reference as one line: body, date, paragraph, Hid. */
export function referenceText(model: Pick<LoadedInitiative, 'documentHids'>, cell: InitiativeDecisionRow, paragraphLabel?: string): string {
  return [cell.decidingBody, cell.decidedOn ?? '', cell.paragraph, paragraphLabel ?? '', cell.documentId ? `Hid ${model.documentHids.get(cell.documentId) ?? ''}` : ''].filter(Boolean).join(', ');
}

/** The effective deadline of a cell: its own, or its phase's. */
export function deadlineOf(model: Pick<LoadedInitiative, 'phases'>, cell: InitiativeDecisionRow): string | null {
  return cell.deadline ?? model.phases.find((p) => p.phaseKey === cell.phaseKey)?.decisionDeadline ?? null;
}
