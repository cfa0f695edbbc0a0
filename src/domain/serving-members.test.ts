import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { quorumStatus } from './quorum.js';
import {
  countServingMembers, serviceByParagraph, servingMembers, type AttendanceEvent, type AttendanceEventType, type Mandate,
} from './serving-members.js';

/** Mandates from 'mA:A member' style words: person, municipality, m(ember) or s(ubstitute). */
function mandates(spec: string): Mandate[] {
  return spec.split(' ').map((word) => {
    const [personId = '', municipalityId = '', role] = word.split(':');
    return { personId, municipalityId, role: role === 's' ? 'substitute' : 'member' };
  });
}
/** Events from 'mA present 0' style lines, in meeting order. */
function events(...lines: string[]): AttendanceEvent[] {
  return lines.map((line) => {
    const [personId = '', type = '', item = ''] = line.split(' ');
    return { personId, type: type as AttendanceEventType, itemIndex: Number(item) };
  });
}
function outcome(result: ReturnType<typeof servingMembers>): string[] {
  return result.map((entry) => `${entry.municipalityId}:${entry.servingPersonId ?? '-'}:${entry.reason}`);
}

const ABC = mandates('mA:A:m sA:A:s mB:B:m sB:B:s mC:C:m sC:C:s');
const TWO_SUBSTITUTES = mandates('mA:A:m sA1:A:s sA2:A:s');
const ALL_HERE = ['mA present 0', 'sA present 0', 'mB present 0', 'sB present 0', 'mC present 0', 'sC present 0'];
const MEMBERS_SERVE = ['B:mB:ordinarie ledamot', 'C:mC:ordinarie ledamot'];
const ABSENT = 'ersättare för frånvarande ledamot';
const WITHDRAWN = 'ersättare för ledamot som avbrutit tjänstgöringen';

interface Case {
  readonly name: string;
  readonly mandates?: Mandate[];
  readonly events: AttendanceEvent[];
  readonly itemIndex: number;
  /** The first entry (municipality A); with ABC the others are the members of B and C. */
  readonly expected: string;
}

const cases: Case[] = [
  { name: 'reglemente 17 § — everyone present: the members serve', events: events(...ALL_HERE), itemIndex: 0, expected: 'A:mA:ordinarie ledamot' },
  { name: 'reglemente 17 § — an absent member is replaced by the substitute of the same municipality', events: events(...ALL_HERE.slice(1), 'mA absent 0'), itemIndex: 0, expected: `A:sA:${ABSENT}` },
  { name: 'reglemente 17 § — a member with no attendance recorded is absent', events: events(...ALL_HERE.slice(1)), itemIndex: 0, expected: `A:sA:${ABSENT}` },
  { name: 'KL 5:16 — a member taking part at a distance counts as present', events: events(...ALL_HERE.slice(1), 'mA remote 0'), itemIndex: 0, expected: 'A:mA:ordinarie ledamot' },
  { name: 'KL 5:16 — a substitute at a distance serves for the absent member', events: events(...ALL_HERE.slice(2), 'sA remote 0'), itemIndex: 3, expected: `A:sA:${ABSENT}` },
  { name: 'reglemente 17 § — no substitute present: the seat is vacant', events: events(...ALL_HERE.slice(2)), itemIndex: 0, expected: 'A:-:vakant' },
  { name: "reglemente 17 § — another municipality's substitute never serves", events: events('mB present 0', 'sB present 0', 'mC present 0', 'sC present 0'), itemIndex: 0, expected: 'A:-:vakant' },
  { name: 'reglemente 17 § — late arrival: the substitute serves before the member arrives', events: events(...ALL_HERE.slice(1), 'mA arrived 2'), itemIndex: 1, expected: `A:sA:${ABSENT}` },
  { name: 'reglemente 17 § — late arrival: the member takes the seat back from that item', events: events(...ALL_HERE.slice(1), 'mA arrived 2'), itemIndex: 2, expected: 'A:mA:ordinarie ledamot' },
  { name: 'reglemente 17 § — late arrival: the member keeps the seat afterwards', events: events(...ALL_HERE.slice(1), 'mA arrived 2'), itemIndex: 7, expected: 'A:mA:ordinarie ledamot' },
  { name: 'reglemente 17 § — a later arrival is not known at an earlier item', events: events(...ALL_HERE.slice(1), 'mA arrived 4'), itemIndex: 3, expected: `A:sA:${ABSENT}` },
  { name: 'reglemente 18 § — leaving mid-meeting: the member serves until leaving', events: events(...ALL_HERE, 'mA left 3'), itemIndex: 2, expected: 'A:mA:ordinarie ledamot' },
  { name: 'reglemente 18 § — leaving mid-meeting: the substitute serves from that item', events: events(...ALL_HERE, 'mA left 3'), itemIndex: 3, expected: `A:sA:${WITHDRAWN}` },
  { name: 'reglemente 18 § — a member who left may not serve again on returning', events: events(...ALL_HERE, 'mA left 3', 'mA arrived 5'), itemIndex: 5, expected: `A:sA:${WITHDRAWN}` },
  { name: 'reglemente 18 § — absent recorded at a later item counts as leaving', events: events(...ALL_HERE, 'mA absent 2'), itemIndex: 4, expected: `A:sA:${WITHDRAWN}` },
  { name: 'KL 5:16 — a member at a distance who drops out has left', events: events(...ALL_HERE.slice(1), 'mA remote 0', 'mA left 1'), itemIndex: 1, expected: `A:sA:${WITHDRAWN}` },
  { name: 'reglemente 18 § — a member who left before serving at all may still take the seat', events: events(...ALL_HERE, 'mA left 0', 'mA arrived 2'), itemIndex: 2, expected: 'A:mA:ordinarie ledamot' },
  { name: 'KL 6:28 — jäv: the substitute serves for that item', events: events(...ALL_HERE, 'mA jav 2'), itemIndex: 2, expected: 'A:sA:ersättare vid jäv' },
  { name: 'reglemente 18 § — jäv then back: the member serves the next item', events: events(...ALL_HERE, 'mA jav 2'), itemIndex: 3, expected: 'A:mA:ordinarie ledamot' },
  { name: 'reglemente 18 § — jäv does not reach back: the member served the item before', events: events(...ALL_HERE, 'mA jav 2'), itemIndex: 1, expected: 'A:mA:ordinarie ledamot' },
  { name: 'KL 6:28 — jäv with no substitute present: vacant for that item', events: events(...ALL_HERE.filter((e) => !e.startsWith('sA')), 'mA jav 1'), itemIndex: 1, expected: 'A:-:vakant' },
  { name: 'KL 6:28 — member and substitute both with jäv: vacant', events: events(...ALL_HERE, 'mA jav 1', 'sA jav 1'), itemIndex: 1, expected: 'A:-:vakant' },
  { name: 'KL 6:28 — a serving substitute with jäv steps out too', events: events(...ALL_HERE.slice(1), 'sA jav 2'), itemIndex: 2, expected: 'A:-:vakant' },
  { name: 'reglemente 18 § — a substitute back after jäv serves again', events: events(...ALL_HERE.slice(1), 'sA jav 2'), itemIndex: 3, expected: `A:sA:${ABSENT}` },
  { name: 'reglemente 18 § — a member who had jäv and then left may not serve again', events: events(...ALL_HERE, 'mA jav 1', 'mA left 2', 'mA arrived 3'), itemIndex: 3, expected: `A:sA:${WITHDRAWN}` },
  { name: 'reglemente 18 § — a substitute present but not serving may leave and come back', events: events(...ALL_HERE, 'sA left 1', 'sA arrived 2', 'mA jav 3'), itemIndex: 3, expected: 'A:sA:ersättare vid jäv' },
  { name: 'reglemente 18 § — a substitute who served only for a jäv item may leave, return and serve later', events: events(...ALL_HERE, 'mA jav 1', 'sA left 3', 'sA arrived 4', 'mA jav 5'), itemIndex: 5, expected: 'A:sA:ersättare vid jäv' },
  { name: 'reglemente 18 § — a serving substitute who left may not serve again: vacant', events: events(...ALL_HERE.slice(1), 'sA left 2', 'sA arrived 3'), itemIndex: 3, expected: 'A:-:vakant' },
  {
    name: 'reglemente 17 § — two substitutes: the listed order decides when nobody has begun',
    mandates: TWO_SUBSTITUTES, events: events('mA present 0', 'sA1 present 0', 'sA2 present 0', 'mA jav 0'), itemIndex: 0, expected: 'A:sA1:ersättare vid jäv',
  },
  {
    name: 'reglemente 17 § — two substitutes: the one present serves',
    mandates: TWO_SUBSTITUTES, events: events('sA2 present 0'), itemIndex: 0, expected: `A:sA2:${ABSENT}`,
  },
  {
    name: 'reglemente 17 § — two substitutes: the one who began keeps priority when the other arrives',
    mandates: TWO_SUBSTITUTES, events: events('sA2 present 0', 'sA1 arrived 1'), itemIndex: 1, expected: `A:sA2:${ABSENT}`,
  },
  {
    name: 'reglemente 17 § — two substitutes: the one who began has priority at a later jäv',
    mandates: TWO_SUBSTITUTES, events: events('sA2 present 0', 'sA1 arrived 1', 'mA arrived 2', 'mA jav 4'), itemIndex: 4, expected: 'A:sA2:ersättare vid jäv',
  },
  {
    name: 'reglemente 17 § — two substitutes: the late member still takes the seat from the one who began',
    mandates: TWO_SUBSTITUTES, events: events('sA2 present 0', 'sA1 arrived 1', 'mA arrived 2'), itemIndex: 3, expected: 'A:mA:ordinarie ledamot',
  },
  {
    name: 'reglemente 18 § — two substitutes: when the serving one leaves, the other takes over',
    mandates: TWO_SUBSTITUTES, events: events('sA1 present 0', 'sA2 present 0', 'sA1 left 2'), itemIndex: 2, expected: `A:sA2:${ABSENT}`,
  },
  {
    name: 'reglemente 18 § — two substitutes: the one who left does not get the seat back',
    mandates: TWO_SUBSTITUTES, events: events('sA1 present 0', 'sA2 present 0', 'sA1 left 2', 'sA1 arrived 3'), itemIndex: 3, expected: `A:sA2:${ABSENT}`,
  },
  {
    name: 'reglemente 17 § — two substitutes, neither present: vacant',
    mandates: TWO_SUBSTITUTES, events: events('mA absent 0', 'sA1 absent 0'), itemIndex: 0, expected: 'A:-:vakant',
  },
];

describe('servingMembers (reglemente 17–18 §§, KL 5:16, KL 6:27–28)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = servingMembers({ mandates: c.mandates ?? ABC, events: c.events, itemIndex: c.itemIndex });
      assert.deepEqual(outcome(result), c.mandates === undefined ? [c.expected, ...MEMBERS_SERVE] : [c.expected]);
    });
  }

  it('reglemente 17 § — gives the role with each entry, and null for a vacant seat', () => {
    const result = servingMembers({ mandates: ABC, events: events('sA present 0', 'mB present 0'), itemIndex: 0 });
    assert.deepEqual(result.map((entry) => [entry.memberId, entry.servingRole]), [['mA', 'substitute'], ['mB', 'member'], ['mC', null]]);
  });

  it('KL 6:27 — counts the serving for the quorum: 14 seats, 7 members absent, one substitute present', () => {
    const all = Array.from({ length: 14 }, (_, i) => [`m${i}:K${i}:m`, `s${i}:K${i}:s`]).flat().join(' ');
    const here = [...Array.from({ length: 7 }, (_, i) => `m${i + 7} present 0`), 's0 present 0'];
    const result = servingMembers({ mandates: mandates(all), events: events(...here), itemIndex: 0 });
    assert.equal(result.length, 14);
    assert.equal(countServingMembers(result), 8);
    assert.equal(quorumStatus({ seats: 14, present: countServingMembers(result) }).quorate, true);
    const afterJav = servingMembers({ mandates: mandates(all), events: events(...here, 'm7 jav 1'), itemIndex: 1 });
    assert.equal(countServingMembers(afterJav), 7, 'KL 6:27: jäv gives no relief');
    assert.equal(quorumStatus({ seats: 14, present: countServingMembers(afterJav) }).quorate, false);
  });

  const refused: [string, Mandate[], AttendanceEvent[], number][] = [
    ['a person with two mandates', [...ABC, { personId: 'mA', municipalityId: 'B', role: 'substitute' }], [], 0],
    ['an event for a person without a mandate', ABC, events('xX present 0'), 0],
    ['events out of meeting order', ABC, events('mA present 2', 'mB present 1'), 2],
    ['a negative item', ABC, [], -1],
    ['a fractional item', ABC, [], 1.5],
    ['an event at a fractional item', ABC, events('mA present 0.5'), 1],
  ];
  for (const [why, mandateList, eventList, itemIndex] of refused) {
    it(`reglemente 17 § — refuses ${why}`, () => {
      assert.throws(() => servingMembers({ mandates: mandateList, events: eventList, itemIndex }),
        (error: unknown) => error instanceof DomainError && error.code === 'INVALID_ATTENDANCE');
    });
  }

  const eventArb = fc.record({
    person: fc.integer({ min: 0, max: 8 }),
    type: fc.constantFrom<AttendanceEventType>('present', 'remote', 'absent', 'arrived', 'left', 'jav'),
    item: fc.integer({ min: 0, max: 6 }),
  });
  const people = mandates('mA:A:m sA1:A:s sA2:A:s mB:B:m sB:B:s mC:C:m mD:D:m sD1:D:s sD2:D:s');
  const toEvents = (raw: { person: number; type: AttendanceEventType; item: number }[]): AttendanceEvent[] =>
    raw.map((e) => ({ personId: people[e.person]?.personId ?? '', type: e.type, itemIndex: e.item })).sort((a, b) => a.itemIndex - b.itemIndex);

  it('reglemente 17 § — seats only present persons of the same municipality, never twice (property)', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 30 }), fc.integer({ min: 0, max: 7 }), (raw, itemIndex) => {
      const eventList = toEvents(raw);
      const result = servingMembers({ mandates: people, events: eventList, itemIndex });
      assert.deepEqual(result.map((entry) => entry.memberId), ['mA', 'mB', 'mC', 'mD']);
      const serving = result.flatMap((entry) => (entry.servingPersonId === null ? [] : [entry.servingPersonId]));
      assert.equal(new Set(serving).size, serving.length);
      for (const entry of result) {
        if (entry.servingPersonId === null) continue;
        const mandate = people.find((p) => p.personId === entry.servingPersonId);
        assert.equal(mandate?.municipalityId, entry.municipalityId);
        assert.equal(mandate?.role, entry.servingRole);
        const last = eventList.filter((e) => e.personId === entry.servingPersonId && e.itemIndex <= itemIndex && e.type !== 'jav').at(-1);
        assert.ok(last !== undefined && ['present', 'remote', 'arrived'].includes(last.type), `${entry.servingPersonId} serves without being present`);
        assert.ok(!eventList.some((e) => e.personId === entry.servingPersonId && e.type === 'jav' && e.itemIndex === itemIndex));
      }
    }));
  });

  it('reglemente 17–18 §§ — replaying every item gives the same result as replaying only items with events (property)', () => {
    const withBystander: Mandate[] = [...people, { personId: 'zZ', municipalityId: 'Z', role: 'substitute' }];
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 30 }), fc.integer({ min: 0, max: 9 }), (raw, itemIndex) => {
      const eventList = toEvents(raw);
      // An absent bystander without a member seat changes nothing but forces every item to be replayed.
      const everyItem = Array.from({ length: itemIndex + 1 }, (_, item) => [
        ...eventList.filter((e) => e.itemIndex === item),
        { personId: 'zZ', type: 'absent' as const, itemIndex: item },
      ]).flat();
      const later = eventList.filter((e) => e.itemIndex > itemIndex);
      assert.deepEqual(
        servingMembers({ mandates: withBystander, events: [...everyItem, ...later], itemIndex }),
        servingMembers({ mandates: people, events: eventList, itemIndex }),
      );
    }), { numRuns: 500 });
  });
});

describe('serviceByParagraph (KL 5:66–67, reglemente 17–18 §§)', () => {
  /** "person:p,p,…@seat" for each record: what the protocol's "Beslutande" list prints. */
  const summary = (result: ReturnType<typeof serviceByParagraph>) => result.served.map((r) => `${r.personId}:${r.paragraphs.join(',')}@${r.seatOf}`);

  it('KL 5:66 — everyone present throughout: each member serves every paragraph, no substitute is listed', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE), paragraphItems: [0, 1, 2] });
    assert.deepEqual(summary(result), ['mA:0,1,2@mA', 'mB:0,1,2@mB', 'mC:0,1,2@mC']);
    assert.deepEqual(result.jav, []);
  });

  it('KL 5:66 — a late arrival: the substitute serves the paragraphs before, the member from the arrival on', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE.slice(1), 'mA arrived 2'), paragraphItems: [0, 1, 2, 3] });
    assert.deepEqual(summary(result).slice(0, 2), ['mA:2,3@mA', 'sA:0,1@mA']);
  });

  it('KL 5:66 — a departure: the member serves until leaving, the substitute steps in from there to the end', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE, 'mB left 2'), paragraphItems: [0, 1, 2, 3] });
    assert.deepEqual(summary(result), ['mA:0,1,2,3@mA', 'mB:0,1@mB', 'sB:2,3@mB', 'mC:0,1,2,3@mC']);
  });

  it('KL 5:67 — jäv: the member steps out for that paragraph only and the substitute serves on the seat meanwhile', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE, 'mC jav 1'), paragraphItems: [0, 1, 2] });
    assert.deepEqual(summary(result), ['mA:0,1,2@mA', 'mB:0,1,2@mB', 'mC:0,2@mC', 'sC:1@mC']);
    assert.deepEqual(result.jav, [{ paragraph: 1, personId: 'mC', steppedOut: true, servedInstead: 'sC' }]);
  });

  it('KL 6:28 — jäv with no substitute present: the seat is vacant meanwhile', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events('mA present 0', 'mB present 0', 'mC present 0', 'mA jav 0'), paragraphItems: [0, 1] });
    assert.deepEqual(result.jav, [{ paragraph: 0, personId: 'mA', steppedOut: true, servedInstead: null }]);
    assert.deepEqual(summary(result)[0], 'mA:1@mA');
  });

  it('KL 5:67 — jäv of a substitute who does not serve: noted, nobody steps in for them', () => {
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE, 'sB jav 0'), paragraphItems: [0] });
    assert.deepEqual(result.jav, [{ paragraph: 0, personId: 'sB', steppedOut: false, servedInstead: null }]);
    assert.ok(!summary(result).some((line) => line.startsWith('sB')));
  });

  it('KL 5:66 — items that became no paragraph are left out; places follow the printed order', () => {
    // Items 0..4; item 1 was not handled; the protocol prints item 3 first (its § was reserved at the meeting).
    const result = serviceByParagraph({ mandates: ABC, events: events(...ALL_HERE.slice(1), 'mA arrived 1'), paragraphItems: [3, 0, 2, 4] });
    assert.deepEqual(summary(result).slice(0, 2), ['mA:0,2,3@mA', 'sA:1@mA']);
  });

  it('KL 5:66 — the late arrival, the substitute stepping in and the jäv together, as in one meeting', () => {
    const result = serviceByParagraph({
      mandates: ABC,
      events: events('sA present 0', 'mB present 0', 'sB present 0', 'mC present 0', 'sC present 0', 'mB jav 1', 'mA arrived 2', 'mC left 3'),
      paragraphItems: [0, 1, 2, 3, 4],
    });
    assert.deepEqual(summary(result), ['mA:2,3,4@mA', 'sA:0,1@mA', 'mB:0,2,3,4@mB', 'sB:1@mB', 'mC:0,1,2@mC', 'sC:3,4@mC']);
    assert.deepEqual(result.jav, [{ paragraph: 1, personId: 'mB', steppedOut: true, servedInstead: 'sB' }]);
  });

  it('KL 5:66 — refuses a paragraph that points at no item', () => {
    assert.throws(() => serviceByParagraph({ mandates: ABC, events: [], paragraphItems: [-1] }), DomainError);
  });
});
