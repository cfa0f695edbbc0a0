/**
 * The writes of the cooperation process, each inside the caller's transaction: open a phase with
 * its matrix cells, record a cell (with its history row and, for a fullmakt, the power of
 * attorney), close a phase with its participants fixed. The service checks access first; the
 * demo uses the same writes with its own actor and historical times.
 */
import type { Db } from '../../platform/db/database.js';
import type { ProcessPhaseTemplate, InitiativeDecisionRow, InitiativePhaseRow, InitiativeRow } from './cooperation.tables.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { FULLMAKT_DECISION_KEY } from './process-template.js';
import * as repo from './cooperation.repository.js';

export type CellReference = Pick<InitiativeDecisionRow, 'status' | 'decidingBody' | 'decidedOn' | 'paragraph' | 'documentId' | 'protocolParagraphId' | 'link' | 'note'>;

/** What a history row keeps: the cell as it became, with readable references. */
export function snapshotOf(cell: CellReference, labels: { documentHid?: string | null; protocolParagraph?: string | null } = {}): Record<string, unknown> {
  return { ...cell, documentHid: labels.documentHid ?? null, protocolParagraph: labels.protocolParagraph ?? null };
}

/** Which organisations decide a decision: every member municipality, the procuring one, or the committee. */
export function decidersOf(by: ProcessPhaseTemplate['decisions'][number]['by'], ctx: { committeeId: string; municipalityIds: string[]; procuringOrganisationId: string | null }): string[] {
  if (by === 'each_municipality') return ctx.municipalityIds;
  if (by === 'procuring_municipality') return ctx.procuringOrganisationId ? [ctx.procuringOrganisationId] : [];
  return [ctx.committeeId];
}

/** Create the missing cells of a phase (pending), each with its first history row. */
export async function ensureCells(
  tx: Db,
  options: { initiative: InitiativeRow; phase: ProcessPhaseTemplate; municipalityIds: string[]; deadline: string | null; actor: Actor; at: Date },
): Promise<number> {
  const { initiative, phase, actor, at } = options;
  const ctx = { committeeId: initiative.committeeId, municipalityIds: options.municipalityIds, procuringOrganisationId: initiative.procuringOrganisationId };
  const values = phase.decisions.flatMap((decision) =>
    decidersOf(decision.by, ctx).map((organisationId) => ({ initiativeId: initiative.id, phaseKey: phase.key, decisionKey: decision.key, organisationId, status: 'pending' as const, deadline: options.deadline, createdAt: at, updatedAt: at })),
  );
  if (values.length === 0) return 0;
  const created = await repo.insertCellsIfNew(tx, values);
  if (created.length > 0) {
    await repo.insertDecisionHistory(tx, created.map((cell) => ({ decisionId: cell.id, status: 'pending', snapshot: { ...snapshotOf(cell), event: 'opened' }, recordedByUserId: actor.userId, recordedAt: at })));
  }
  return created.length;
}

/** Open a phase of the template: its row, its cells, and the initiative pointing at it. */
export async function openPhase(
  tx: Db,
  options: { initiative: InitiativeRow; phase: ProcessPhaseTemplate; position: number; municipalityIds: string[]; actor: Actor; at: Date; budget?: number; deadline?: string | null },
): Promise<InitiativePhaseRow> {
  const { initiative, phase, at } = options;
  const row = await repo.insertPhase(tx, { initiativeId: initiative.id, phaseKey: phase.key, position: options.position, budget: options.budget ?? 0, decisionDeadline: options.deadline ?? null, openedAt: at, createdAt: at, updatedAt: at });
  await repo.updateInitiative(tx, initiative.id, { phaseKey: phase.key, updatedAt: at });
  await ensureCells(tx, { ...options, deadline: options.deadline ?? null });
  await recordAudit(tx, options.actor, { action: 'initiative.phase.open', entity: 'initiative', entityId: initiative.id, after: { phase: phase.key, position: options.position }, organisationId: initiative.committeeId }, at);
  return row;
}

/** Record one cell: the row, an append-only history entry, the fullmakt when it is one, the audit. */
export async function writeDecision(
  tx: Db,
  options: { initiative: InitiativeRow; cell: InitiativeDecisionRow; value: CellReference; labels: { documentHid?: string | null; protocolParagraph?: string | null }; actor: Actor; at: Date },
): Promise<void> {
  const { initiative, cell, value, actor, at } = options;
  // A decision recorded by hand is real data, also where the demo had invented one (origin).
  await repo.updateCell(tx, cell.id, { ...value, recordedByUserId: actor.userId, recordedAt: at, updatedAt: at, origin: null });
  const snapshot = snapshotOf(value, options.labels);
  // The history is ordered by time: a change never shares the instant of the one before it.
  const lastAt = await repo.findLastHistoryAt(tx, cell.id);
  const historyAt = lastAt && lastAt.getTime() >= at.getTime() ? new Date(lastAt.getTime() + 1) : at;
  await repo.insertDecisionHistory(tx, [{ decisionId: cell.id, status: value.status, snapshot, recordedByUserId: actor.userId, recordedAt: historyAt }]);
  if (cell.decisionKey === FULLMAKT_DECISION_KEY) await writePowerOfAttorney(tx, { initiative, cell, value });
  await recordAudit(
    tx,
    actor,
    { action: 'initiative.decision.record', entity: 'initiative_decision', entityId: cell.id, before: { status: cell.status }, after: { initiativeId: initiative.id, phase: cell.phaseKey, decision: cell.decisionKey, organisationId: cell.organisationId, ...snapshot }, organisationId: cell.organisationId },
    at,
  );
}

/** A yes to "Fullmakt till upphandlande kommun" is the power of attorney; anything else withdraws it. */
async function writePowerOfAttorney(tx: Db, options: { initiative: InitiativeRow; cell: InitiativeDecisionRow; value: CellReference }) {
  const { initiative, cell, value } = options;
  if (value.status !== 'yes' || !initiative.procuringOrganisationId || !value.decidedOn) {
    await repo.deletePowerOfAttorney(tx, initiative.id, cell.organisationId);
    return;
  }
  const reference = [value.decidingBody, value.paragraph].filter(Boolean).join(' ');
  await repo.upsertPowerOfAttorney(tx, { initiativeId: initiative.id, organisationId: cell.organisationId, procuringOrganisationId: initiative.procuringOrganisationId, grantedOn: value.decidedOn, reference, documentId: value.documentId });
}

/** Close a phase: a recorded act with its participants fixed. */
export async function closePhaseRow(tx: Db, options: { initiative: InitiativeRow; phase: InitiativePhaseRow; participantIds: readonly string[]; actor: Actor; at: Date; next: string | null }): Promise<void> {
  const { initiative, phase, actor, at } = options;
  await repo.updatePhase(tx, phase.id, { closedAt: at, closedByUserId: actor.userId, participants: [...options.participantIds], updatedAt: at });
  if (!options.next) await repo.updateInitiative(tx, initiative.id, { status: 'completed', updatedAt: at });
  await recordAudit(tx, actor, { action: 'initiative.phase.close', entity: 'initiative', entityId: initiative.id, after: { phase: phase.phaseKey, participants: options.participantIds, next: options.next }, organisationId: initiative.committeeId }, at);
}
