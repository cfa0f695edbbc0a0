/**
 * Grindar (gates) of the cross-municipality decision process (seed § 24, "Beslutsstruktur";
 * reglemente 2 §): the committee cannot decide for its members, so a phase of a joint initiative
 * can close only when the decisions it requires are in, and its participants are exactly the
 * municipalities that said yes to a joining decision.
 */

/** Who takes a decision of a phase (the rows of the seed's diagram). */
export type DecisionMaker = 'each_municipality' | 'preparation_group' | 'committee' | 'steering_group' | 'procuring_municipality';

/** The state of one cell of the decision matrix. */
export type DecisionStatus = 'pending' | 'yes' | 'no' | 'not_applicable';

/** A decision a phase asks for. */
export interface GateDecision {
  readonly key: string;
  readonly by: DecisionMaker;
  /** Required for the phase to close. */
  readonly required: boolean;
  /** A yes makes the municipality a participant of the phase. */
  readonly joins?: boolean | undefined;
}

/** One recorded cell: an organisation's decision on a decision of the phase. */
export interface GateCell {
  readonly decisionKey: string;
  readonly organisationId: string;
  readonly status: DecisionStatus;
}

/** Why a phase cannot close yet. */
export type GateShortfall =
  | { readonly kind: 'missing'; readonly decisionKey: string; readonly organisationIds: readonly string[] }
  | { readonly kind: 'declined'; readonly decisionKey: string }
  | { readonly kind: 'nobody-joined'; readonly decisionKey: string }
  | { readonly kind: 'no-procuring-municipality'; readonly decisionKey: string };

export interface GateInput {
  readonly decisions: readonly GateDecision[];
  readonly cells: readonly GateCell[];
  /** The committee's organisation: its cells carry the committee's and its groups' decisions. */
  readonly committeeId: string;
  readonly procuringOrganisationId: string | null;
  /** The participants fixed when the previous phase closed (empty for the first phase). */
  readonly previousParticipantIds: readonly string[];
}

export interface GateResult {
  readonly canClose: boolean;
  readonly shortfalls: readonly GateShortfall[];
  /** The participants the phase would be closed with. */
  readonly participantIds: readonly string[];
}

const BODY_DECIDERS: readonly DecisionMaker[] = ['committee', 'preparation_group', 'steering_group'];
const isDone = (status: DecisionStatus | undefined) => status === 'yes' || status === 'not_applicable';

/**
 * The participants of a phase: the municipalities that said yes to one of its joining decisions,
 * in first-seen order; a phase without joining decisions keeps the previous phase's participants.
 * Seed § 24 and samverkansavtal 8.3: not every municipality joins every project.
 */
export function phaseParticipants(input: Pick<GateInput, 'decisions' | 'cells' | 'previousParticipantIds'>): string[] {
  const joining = new Set(input.decisions.filter((d) => d.joins && d.by === 'each_municipality').map((d) => d.key));
  if (joining.size === 0) return [...input.previousParticipantIds];
  const out: string[] = [];
  for (const cell of input.cells) {
    if (joining.has(cell.decisionKey) && cell.status === 'yes' && !out.includes(cell.organisationId)) out.push(cell.organisationId);
  }
  return out;
}

function bodyShortfall(decision: GateDecision, cell: GateCell | undefined, committeeId: string): GateShortfall | undefined {
  if (cell?.status === 'no') return { kind: 'declined', decisionKey: decision.key };
  return isDone(cell?.status) ? undefined : { kind: 'missing', decisionKey: decision.key, organisationIds: [committeeId] };
}

function procuringShortfall(decision: GateDecision, cells: readonly GateCell[], procuringId: string | null): GateShortfall | undefined {
  if (!procuringId) return { kind: 'no-procuring-municipality', decisionKey: decision.key };
  const cell = cells.find((c) => c.decisionKey === decision.key && c.organisationId === procuringId);
  if (cell?.status === 'no') return { kind: 'declined', decisionKey: decision.key };
  return isDone(cell?.status) ? undefined : { kind: 'missing', decisionKey: decision.key, organisationIds: [procuringId] };
}

/**
 * May the phase close? Seed § 24: the committee (and its preparation group, a project's steering
 * group) must have said yes to what the phase asks of them, the procuring municipality must have
 * decided, at least one municipality must have joined each required joining decision, and every
 * participant must have recorded its other required decisions (e.g. its fullmakt). A municipality
 * that has not decided on joining does not hold the phase up: it may buy in later (8.3).
 */
export function evaluatePhaseGate(input: GateInput): GateResult {
  const participantIds = phaseParticipants(input);
  const shortfalls: GateShortfall[] = [];
  for (const decision of input.decisions.filter((d) => d.required)) {
    const cellsOf = input.cells.filter((c) => c.decisionKey === decision.key);
    let shortfall: GateShortfall | undefined;
    if (BODY_DECIDERS.includes(decision.by)) {
      shortfall = bodyShortfall(decision, cellsOf.find((c) => c.organisationId === input.committeeId), input.committeeId);
    } else if (decision.by === 'procuring_municipality') {
      shortfall = procuringShortfall(decision, cellsOf, input.procuringOrganisationId);
    } else if (decision.joins) {
      if (!cellsOf.some((c) => c.status === 'yes')) shortfall = { kind: 'nobody-joined', decisionKey: decision.key };
    } else {
      const undecided = participantIds.filter((id) => !cellsOf.some((c) => c.organisationId === id && c.status !== 'pending'));
      if (undecided.length > 0) shortfall = { kind: 'missing', decisionKey: decision.key, organisationIds: undecided };
    }
    if (shortfall) shortfalls.push(shortfall);
  }
  return { canClose: shortfalls.length === 0, shortfalls, participantIds };
}

/**
 * Who records a cell: a municipality records its own decisions (each municipality's and the
 * procuring municipality's); the committee's staff record the committee's and its groups'.
 * Reglemente 2 § / seed § 24: the committee cannot decide on the members' behalf.
 */
export function recorderOf(by: DecisionMaker): 'municipality' | 'committee' {
  return BODY_DECIDERS.includes(by) ? 'committee' : 'municipality';
}
