/**
 * Ersättares tjänstgöring: who serves on each member seat for one item of a meeting.
 * Call it again for each item and whenever presence changes; a member who arrives late then
 * simply takes the seat back (reglemente 17 §).
 */
import { refuse } from './domain-error.js';

/** A ledamot (member) or ersättare (substitute) appointed by a municipality. */
export interface AppointedPerson {
  readonly id: string;
  readonly municipalityId: string;
}

/** Why the member of a seat does not serve, or `present` when they do. */
export type MemberStatus = 'present' | 'absent' | 'jav' | 'withdrawn';

/** Who serves on one member seat, and why. */
export interface SeatAssignment {
  readonly memberId: string;
  readonly municipalityId: string;
  readonly memberStatus: MemberStatus;
  readonly serving: { readonly personId: string; readonly role: 'member' | 'substitute' } | null;
  readonly reason:
    | 'member-serves'
    | 'substitute-for-absent-member'
    | 'substitute-for-member-with-jav'
    | 'substitute-for-withdrawn-member'
    | 'vacant-no-substitute-available';
}

/** Input of `decideServing`; every list holds person ids. */
export interface ServingInput {
  /** One seat per member, in the order the protocol lists them. */
  readonly members: readonly AppointedPerson[];
  /** Substitutes in their order of precedence within each municipality. */
  readonly substitutes: readonly AppointedPerson[];
  /** Members and substitutes not present now (absent or left the meeting). */
  readonly absentIds: readonly string[];
  /** Members and substitutes with jäv in this item (KL 6:28–32). */
  readonly javIds: readonly string[];
  /** Substitutes who began serving earlier in the meeting, earliest first. */
  readonly startedServingIds: readonly string[];
  /** Members and substitutes who broke off serving for a reason other than jäv (18 § 2 st). */
  readonly withdrawnIds?: readonly string[];
}

const SUBSTITUTE_REASON = {
  absent: 'substitute-for-absent-member',
  jav: 'substitute-for-member-with-jav',
  withdrawn: 'substitute-for-withdrawn-member',
} as const;

function validate(input: ServingInput): void {
  const ids = [...input.members, ...input.substitutes].map((person) => person.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    refuse('INVALID_ATTENDANCE', `person ${duplicate} is listed twice`, `person ${duplicate} finns med två gånger`);
  }
  const substituteIds = new Set(input.substitutes.map((person) => person.id));
  const notSubstitute = input.startedServingIds.find((id) => !substituteIds.has(id));
  if (notSubstitute !== undefined) {
    refuse(
      'INVALID_ATTENDANCE',
      `${notSubstitute} began serving but is not a substitute`,
      `${notSubstitute} har börjat tjänstgöra men är inte ersättare`,
    );
  }
}

function statusOf(id: string, sets: { absent: Set<string>; jav: Set<string>; withdrawn: Set<string> }): MemberStatus {
  if (sets.withdrawn.has(id)) return 'withdrawn';
  if (sets.absent.has(id)) return 'absent';
  if (sets.jav.has(id)) return 'jav';
  return 'present';
}

/** Substitutes able to serve, those who already began serving first (17 § 3 st). */
function rankSubstitutes(input: ServingInput, available: (id: string) => boolean): AppointedPerson[] {
  const started = input.startedServingIds;
  const rank = (person: AppointedPerson): number => {
    const position = started.indexOf(person.id);
    return position === -1 ? started.length : position;
  };
  return input.substitutes
    .filter((person) => available(person.id))
    .map((person, order) => ({ person, order }))
    .sort((a, b) => rank(a.person) - rank(b.person) || a.order - b.order)
    .map(({ person }) => person);
}

/**
 * Decides who serves on each member seat for one item. A member serves when present, without
 * jäv and not withdrawn; otherwise a substitute of the SAME municipality serves, a substitute
 * who already began serving before the others, then in listed order; failing that the seat is
 * vacant. Reglemente 17–18 §§; KL 6:28 (jäv), KL 6:27 (count the serving for quorum).
 */
export function decideServing(input: ServingInput): SeatAssignment[] {
  validate(input);
  const sets = {
    absent: new Set(input.absentIds),
    jav: new Set(input.javIds),
    withdrawn: new Set(input.withdrawnIds ?? []),
  };
  const taken = new Set<string>();
  const ranked = rankSubstitutes(input, (id) => statusOf(id, sets) === 'present');
  return input.members.map((member): SeatAssignment => {
    const memberStatus = statusOf(member.id, sets);
    const base = { memberId: member.id, municipalityId: member.municipalityId, memberStatus };
    if (memberStatus === 'present') {
      return { ...base, serving: { personId: member.id, role: 'member' }, reason: 'member-serves' };
    }
    const substitute = ranked.find((person) => person.municipalityId === member.municipalityId && !taken.has(person.id));
    if (substitute === undefined) {
      return { ...base, serving: null, reason: 'vacant-no-substitute-available' };
    }
    taken.add(substitute.id);
    return { ...base, serving: { personId: substitute.id, role: 'substitute' }, reason: SUBSTITUTE_REASON[memberStatus] };
  });
}
