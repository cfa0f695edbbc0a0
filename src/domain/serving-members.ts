/**
 * Tjänstgöring item by item: who serves for each municipality at one agenda item, replayed from
 * the attendance events of the meeting (reglemente 17–18 §§) and decided by `decideServing`.
 */
import { refuse, requireInteger } from './domain-error.js';
import { decideServing, type AppointedPerson, type SeatAssignment } from './substitution.js';

/** A ledamot (member) or ersättare (substitute) appointed by a member municipality. */
export interface Mandate {
  readonly personId: string;
  readonly municipalityId: string;
  readonly role: 'member' | 'substitute';
}

/**
 * What the secretary records about a person. At item 0, `present`, `remote` and `absent` give the
 * state at the start; `arrived` and `left` at item i hold from item i on (so do `present`, `remote`
 * and `absent` recorded at a later item); `jav` at item i steps out for item i only.
 */
export type AttendanceEventType = 'present' | 'remote' | 'absent' | 'arrived' | 'left' | 'jav';

/** One attendance event; `itemIndex` is the 0-based agenda item it takes effect at. */
export interface AttendanceEvent {
  readonly personId: string;
  readonly type: AttendanceEventType;
  readonly itemIndex: number;
}

/** Who serves on a municipality's member seat at one item, with a short Swedish reason. */
export interface ServingMember {
  readonly municipalityId: string;
  readonly memberId: string;
  readonly servingPersonId: string | null;
  readonly servingRole: 'member' | 'substitute' | null;
  readonly reason: string;
}

/** Input of `servingMembers`. */
export interface ServingMembersInput {
  /** Members and substitutes; substitutes of one municipality in their order of precedence. */
  readonly mandates: readonly Mandate[];
  /** Attendance events in meeting order (item indexes never decrease). */
  readonly events: readonly AttendanceEvent[];
  /** The 0-based agenda item to decide. */
  readonly itemIndex: number;
}

const REASONS: Record<SeatAssignment['reason'], string> = {
  'member-serves': 'ordinarie ledamot',
  'substitute-for-absent-member': 'ersättare för frånvarande ledamot',
  'substitute-for-member-with-jav': 'ersättare vid jäv',
  'substitute-for-withdrawn-member': 'ersättare för ledamot som avbrutit tjänstgöringen',
  'vacant-no-substitute-available': 'vakant',
};

/** KL 5:16 via 6:24: taking part at a distance counts as present. */
const HERE: ReadonlySet<AttendanceEventType> = new Set(['present', 'remote', 'arrived']);

interface ReplayState {
  /** Present in the room or at a distance. */
  readonly here: Set<string>;
  /** Broke off serving for another reason than jäv; may not serve again (18 § 2 st). */
  readonly withdrawn: Set<string>;
  /** Substitutes who began serving, earliest first (17 § 3 st). */
  readonly started: string[];
  /** Serving after the last item decided, or out for jäv only. */
  inService: Set<string>;
}

function validate(input: ServingMembersInput): void {
  requireInteger(input.itemIndex, { name: 'itemIndex', min: 0, code: 'INVALID_ATTENDANCE' });
  const ids = new Set<string>();
  for (const mandate of input.mandates) {
    if (ids.has(mandate.personId)) {
      refuse('INVALID_ATTENDANCE', `person ${mandate.personId} has two mandates`, `person ${mandate.personId} har två uppdrag`);
    }
    ids.add(mandate.personId);
  }
  let previous = 0;
  for (const event of input.events) {
    requireInteger(event.itemIndex, { name: 'itemIndex', min: 0, code: 'INVALID_ATTENDANCE' });
    if (!ids.has(event.personId)) {
      refuse('INVALID_ATTENDANCE', `${event.personId} has no mandate`, `${event.personId} är inte ledamot eller ersättare`);
    }
    if (event.itemIndex < previous) {
      refuse('INVALID_ATTENDANCE', 'attendance events are not in meeting order', 'närvaron är inte i sammanträdets ordning');
    }
    previous = event.itemIndex;
  }
}

function applyEvent(event: AttendanceEvent, state: ReplayState): void {
  if (event.type === 'jav') return;
  if (HERE.has(event.type)) {
    state.here.add(event.personId);
  } else {
    state.here.delete(event.personId);
    if (state.inService.has(event.personId)) state.withdrawn.add(event.personId);
  }
}

function decideItem(input: Pick<ServingMembersInput, 'mandates' | 'events'>, state: ReplayState, item: number): SeatAssignment[] {
  const toPerson = (mandate: Mandate): AppointedPerson => ({ id: mandate.personId, municipalityId: mandate.municipalityId });
  const javIds = input.events.filter((event) => event.type === 'jav' && event.itemIndex === item).map((event) => event.personId);
  const seats = decideServing({
    members: input.mandates.filter((mandate) => mandate.role === 'member').map(toPerson),
    substitutes: input.mandates.filter((mandate) => mandate.role === 'substitute').map(toPerson),
    absentIds: input.mandates.map((mandate) => mandate.personId).filter((id) => !state.here.has(id)),
    javIds,
    startedServingIds: state.started,
    withdrawnIds: [...state.withdrawn],
  });
  const serving = seats.flatMap((seat) => (seat.serving === null ? [] : [seat.serving]));
  for (const person of serving) {
    if (person.role === 'substitute' && !state.started.includes(person.personId)) state.started.push(person.personId);
  }
  // 18 § 1 st: stepping out for jäv does not break off serving.
  state.inService = new Set([...serving.map((person) => person.personId), ...javIds.filter((id) => state.inService.has(id))]);
  return seats;
}

/**
 * Who serves on each member seat at agenda item `itemIndex` (0-based), replaying `events` from
 * the start of the meeting. `mandates` lists members and substitutes
 * (`{ personId, municipalityId, role }`); `events` are `{ personId, type, itemIndex }` in meeting
 * order. A person with no event is absent; taking part at a distance counts as present.
 * A member serves when present and without jäv at the item. Otherwise a substitute of the SAME
 * municipality serves: one who already began serving at this meeting before the others, then in
 * listed order. A member who arrives late takes the seat back from the item they arrive at; a
 * member with jäv steps out for that item only. A member or serving substitute who leaves may
 * not serve again at the meeting (18 § 2 st). No substitute available → vacant.
 * Returns one entry per member seat, in the order of `mandates`: one per municipality here,
 * where each municipality appoints one member (reglemente 13 §).
 * Reglemente 17–18 §§; KL 5:16 (distance counts as present); KL 6:27–28 (quorum, jäv).
 */
export function servingMembers(input: ServingMembersInput): ServingMember[] {
  validate(input);
  return replay(input, [input.itemIndex]).get(input.itemIndex) ?? [];
}

/** Items where the outcome can change: each item with events, the item after it (jäv ends), the targets. */
function itemsToReplay(events: readonly AttendanceEvent[], targets: readonly number[]): number[] {
  const last = Math.max(0, ...targets);
  const items = new Set([0, ...targets, ...events.flatMap((event) => [event.itemIndex, event.itemIndex + 1])]);
  return [...items].filter((item) => item <= last).sort((a, b) => a - b);
}

/**
 * The seats at each of `targets`, replaying the events once from the start of the meeting; the
 * outcome is decided only where it can change, so a late item index costs nothing extra.
 */
function replay(input: Pick<ServingMembersInput, 'mandates' | 'events'>, targets: readonly number[]): Map<number, ServingMember[]> {
  const state: ReplayState = { here: new Set(), withdrawn: new Set(), started: [], inService: new Set() };
  const wanted = new Set(targets);
  const out = new Map<number, ServingMember[]>();
  const items = itemsToReplay(input.events, targets);
  let seats: ServingMember[] = [];
  for (const [position, item] of items.entries()) {
    for (const event of input.events) if (event.itemIndex === item) applyEvent(event, state);
    seats = decideItem(input, state, item).map(toServingMember);
    const next = items[position + 1] ?? Infinity;
    for (const target of wanted) if (target >= item && target < next) out.set(target, seats);
  }
  return out;
}

function toServingMember(seat: SeatAssignment): ServingMember {
  return {
    municipalityId: seat.municipalityId,
    memberId: seat.memberId,
    servingPersonId: seat.serving?.personId ?? null,
    servingRole: seat.serving?.role ?? null,
    reason: REASONS[seat.reason],
  };
}

/** Who served in one capacity at a meeting: the paragraphs, by their place in the protocol. */
export interface ServiceRecord {
  readonly personId: string;
  readonly role: 'member' | 'substitute';
  /** The member whose seat the person served on; the person themself for a member. */
  readonly seatOf: string;
  /** 0-based places in `paragraphItems` at which the person served. */
  readonly paragraphs: readonly number[];
}

/** A jäv at one paragraph, and who served on that seat meanwhile. */
export interface JavRecord {
  /** 0-based place in `paragraphItems`. */
  readonly paragraph: number;
  readonly personId: string;
  /** True when the person would have served at the paragraph but for the jäv. */
  readonly steppedOut: boolean;
  /** Who served on the seat while the person stepped out; null: nobody (vacant) or not stepped out. */
  readonly servedInstead: string | null;
}

/** Input of `serviceByParagraph`. */
export interface ServiceByParagraphInput {
  readonly mandates: readonly Mandate[];
  readonly events: readonly AttendanceEvent[];
  /** The 0-based agenda item of each paragraph, in the order the protocol prints them. */
  readonly paragraphItems: readonly number[];
}

/**
 * Who served at each paragraph of a protocol, replayed from the meeting's attendance events
 * (arrivals, departures, substitutes stepping in, jäv): one record per person who served at
 * least one paragraph, in the order of `mandates`, with the paragraphs they served; and each
 * jäv with who served on that seat meanwhile. Items that became no paragraph are not counted.
 * KL 5:66 (the protocol names who served), 5:67 (per matter, who took part); reglemente 17–18 §§.
 */
export function serviceByParagraph(input: ServiceByParagraphInput): { served: ServiceRecord[]; jav: JavRecord[] } {
  validate({ mandates: input.mandates, events: input.events, itemIndex: 0 });
  for (const item of input.paragraphItems) requireInteger(item, { name: 'paragraphItems', min: 0, code: 'INVALID_ATTENDANCE' });
  const seats = replay(input, input.paragraphItems);
  const at = (paragraph: number): ServingMember[] => seats.get(input.paragraphItems[paragraph] ?? 0) ?? [];
  const places = input.paragraphItems.map((_, paragraph) => paragraph);
  const served = input.mandates.flatMap((mandate): ServiceRecord[] => {
    const paragraphs = places.filter((paragraph) => at(paragraph).some((seat) => seat.servingPersonId === mandate.personId));
    if (paragraphs.length === 0) return [];
    const seatOf = places.map((paragraph) => at(paragraph).find((seat) => seat.servingPersonId === mandate.personId)?.memberId).find((id) => id !== undefined);
    return [{ personId: mandate.personId, role: mandate.role, seatOf: seatOf ?? mandate.personId, paragraphs }];
  });
  const jav = places.flatMap((paragraph) => {
    const item = input.paragraphItems[paragraph] ?? 0;
    return input.events
      .filter((event) => event.type === 'jav' && event.itemIndex === item)
      .map((event): JavRecord => {
        const without = replay({ mandates: input.mandates, events: input.events.filter((other) => other !== event) }, [item]).get(item) ?? [];
        const seat = without.find((s) => s.servingPersonId === event.personId);
        const steppedOut = seat !== undefined;
        const instead = steppedOut ? (at(paragraph).find((s) => s.memberId === seat.memberId)?.servingPersonId ?? null) : null;
        return { paragraph, personId: event.personId, steppedOut, servedInstead: instead };
      });
  });
  return { served, jav };
}

/**
 * Number of persons serving in a `servingMembers` result, the figure the quorum rule counts.
 * KL 6:27.
 */
export function countServingMembers(result: readonly ServingMember[]): number {
  return result.filter((entry) => entry.servingPersonId !== null).length;
}
