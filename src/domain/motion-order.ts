/**
 * Yrkanden (motions) and the order the chair puts them in (propositionsordning, KL 5:53 and
 * reglemente 19–20 §§). A motion that the matter be decided later — återremiss (referral back)
 * or bordläggning (tabling) — is a preliminary question (förberedande fråga) put first, for if it
 * wins the matter is not decided today. Then the main proposals: the proposal (förslaget till
 * beslut) with the motions to approve or reject it, and any counter-proposal. An ändringsyrkande
 * (amendment) is put after the main question, against the text it would change, and a
 * tilläggsyrkande (addition) last, for it can only be added to what was decided.
 */

/** The type of a motion; `null` is a free-text motion from before typing, treated as a main proposal. */
export type MotionKind = 'approve' | 'reject' | 'amend' | 'add' | 'refer_back' | 'table';

export const MOTION_KINDS: readonly MotionKind[] = ['approve', 'reject', 'amend', 'add', 'refer_back', 'table'];

/** The stages of the proposition order, in the order they are put. */
export type PropositionStage = 'preliminary' | 'main' | 'amendment' | 'addition';

export const PROPOSITION_STAGES: readonly PropositionStage[] = ['preliminary', 'main', 'amendment', 'addition'];

/** The stage a motion of this kind is put in. */
export function propositionStageOf(kind: MotionKind | null): PropositionStage {
  switch (kind) {
    case 'refer_back':
    case 'table':
      return 'preliminary';
    case 'amend':
      return 'amendment';
    case 'add':
      return 'addition';
    default:
      return 'main';
  }
}

/** Does this motion need its own text (what to change or add)? Bifall, avslag, återremiss and bordläggning can stand alone. */
export function motionNeedsText(kind: MotionKind): boolean {
  return kind === 'amend' || kind === 'add';
}

/**
 * Propositionsordning: the motions not withdrawn, grouped by stage in the order the chair puts
 * them; within a stage in the order they were moved (`position`). Withdrawn motions are left
 * out. Stages without motions are left out, except `main` when the item has a proposal.
 */
export function propositionOrder<T extends { kind: MotionKind | null; position: number; withdrawn: boolean }>(
  motions: readonly T[],
  options: { hasProposal: boolean },
): { stage: PropositionStage; motions: T[] }[] {
  const live = motions.filter((m) => !m.withdrawn).sort((a, b) => a.position - b.position);
  return PROPOSITION_STAGES.map((stage) => ({ stage, motions: live.filter((m) => propositionStageOf(m.kind) === stage) })).filter(
    (group) => group.motions.length > 0 || (group.stage === 'main' && options.hasProposal),
  );
}
