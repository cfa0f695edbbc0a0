import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { quorumStatus } from './quorum.js';
import { decideServing, type AppointedPerson, type ServingInput } from './substitution.js';

const members: AppointedPerson[] = [
  { id: 'mA', municipalityId: 'A' },
  { id: 'mB', municipalityId: 'B' },
  { id: 'mC', municipalityId: 'C' },
];
const substitutes: AppointedPerson[] = [
  { id: 'sA', municipalityId: 'A' },
  { id: 'sB', municipalityId: 'B' },
  { id: 'sC', municipalityId: 'C' },
];
function input(overrides: Partial<ServingInput>): ServingInput {
  return { members, substitutes, absentIds: [], javIds: [], startedServingIds: [], ...overrides };
}
function servingOf(result: ReturnType<typeof decideServing>): string[] {
  return result.map((seat) => `${seat.memberId}:${seat.serving?.personId ?? '-'}:${seat.reason}`);
}

describe('decideServing (reglemente 17–18 §§)', () => {
  const cases: { name: string; input: ServingInput; expected: string[] }[] = [
    {
      name: 'everyone present: the members serve',
      input: input({}),
      expected: ['mA:mA:member-serves', 'mB:mB:member-serves', 'mC:mC:member-serves'],
    },
    {
      name: 'an absent member is replaced by the substitute of the same municipality',
      input: input({ absentIds: ['mA'] }),
      expected: ['mA:sA:substitute-for-absent-member', 'mB:mB:member-serves', 'mC:mC:member-serves'],
    },
    {
      name: 'no substitute of the same municipality: the seat is vacant',
      input: input({ absentIds: ['mA', 'sA'] }),
      expected: ['mA:-:vacant-no-substitute-available', 'mB:mB:member-serves', 'mC:mC:member-serves'],
    },
    {
      name: "another municipality's substitute never serves",
      input: input({ absentIds: ['mA', 'sA', 'mB'] }),
      expected: ['mA:-:vacant-no-substitute-available', 'mB:sB:substitute-for-absent-member', 'mC:mC:member-serves'],
    },
    {
      name: 'a member with jäv steps out and the substitute serves for the item',
      input: input({ javIds: ['mB'] }),
      expected: ['mA:mA:member-serves', 'mB:sB:substitute-for-member-with-jav', 'mC:mC:member-serves'],
    },
    {
      name: 'a substitute with jäv in the same item cannot serve either',
      input: input({ javIds: ['mB', 'sB'] }),
      expected: ['mA:mA:member-serves', 'mB:-:vacant-no-substitute-available', 'mC:mC:member-serves'],
    },
    {
      name: 'a member arriving late takes the seat back from the substitute',
      input: input({ startedServingIds: ['sA'] }),
      expected: ['mA:mA:member-serves', 'mB:mB:member-serves', 'mC:mC:member-serves'],
    },
    {
      name: 'a member who broke off for another reason than jäv may not serve again',
      input: input({ withdrawnIds: ['mC'] }),
      expected: ['mA:mA:member-serves', 'mB:mB:member-serves', 'mC:sC:substitute-for-withdrawn-member'],
    },
    {
      name: 'a substitute who broke off may not serve again either',
      input: input({ absentIds: ['mC'], withdrawnIds: ['sC'] }),
      expected: ['mA:mA:member-serves', 'mB:mB:member-serves', 'mC:-:vacant-no-substitute-available'],
    },
    {
      name: 'a substitute who began serving has priority over one listed first',
      input: {
        members: [{ id: 'mA', municipalityId: 'A' }],
        substitutes: [{ id: 'sA1', municipalityId: 'A' }, { id: 'sA2', municipalityId: 'A' }],
        absentIds: ['mA'], javIds: [], startedServingIds: ['sA2'],
      },
      expected: ['mA:sA2:substitute-for-absent-member'],
    },
    {
      name: 'without anyone having begun, the listed order decides',
      input: {
        members: [{ id: 'mA', municipalityId: 'A' }],
        substitutes: [{ id: 'sA1', municipalityId: 'A' }, { id: 'sA2', municipalityId: 'A' }],
        absentIds: ['mA'], javIds: [], startedServingIds: [],
      },
      expected: ['mA:sA1:substitute-for-absent-member'],
    },
    {
      name: 'two absent members of one municipality get two different substitutes',
      input: {
        members: [{ id: 'mA1', municipalityId: 'A' }, { id: 'mA2', municipalityId: 'A' }],
        substitutes: [{ id: 'sA1', municipalityId: 'A' }, { id: 'sA2', municipalityId: 'A' }],
        absentIds: ['mA1', 'mA2'], javIds: [], startedServingIds: ['sA2'],
      },
      expected: ['mA1:sA2:substitute-for-absent-member', 'mA2:sA1:substitute-for-absent-member'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(servingOf(decideServing(c.input)), c.expected));

  it('refuses a person listed twice and a non-substitute who began serving', () => {
    assert.throws(() => decideServing(input({ substitutes: [...substitutes, { id: 'mA', municipalityId: 'A' }] })), DomainError);
    assert.throws(() => decideServing(input({ startedServingIds: ['mB'] })), DomainError);
  });

  it('counts the serving for the quorum: 14 seats, 7 members absent, one substitute present', () => {
    const seats = Array.from({ length: 14 }, (_, i) => ({ id: `m${i}`, municipalityId: `K${i}` }));
    const subs = Array.from({ length: 14 }, (_, i) => ({ id: `s${i}`, municipalityId: `K${i}` }));
    const absentIds = [...seats.slice(0, 7).map((p) => p.id), ...subs.slice(1).map((p) => p.id)];
    const serving = decideServing({ members: seats, substitutes: subs, absentIds, javIds: [], startedServingIds: [] }).filter((seat) => seat.serving !== null).length;
    assert.equal(serving, 8);
    assert.equal(quorumStatus({ seats: 14, present: serving }).quorate, true);
  });

  it('only ever seats a same-municipality substitute, never twice (property)', () => {
    const personArb = fc.record({ municipalityId: fc.constantFrom('A', 'B', 'C', 'D') });
    const arb = fc.record({
      members: fc.array(personArb, { minLength: 1, maxLength: 8 }),
      substitutes: fc.array(personArb, { maxLength: 8 }),
      flags: fc.array(fc.constantFrom('present', 'absent', 'jav', 'withdrawn'), { minLength: 16, maxLength: 16 }),
      started: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    });
    fc.assert(fc.property(arb, ({ members: ms, substitutes: ss, flags, started }) => {
      const memberList = ms.map((p, i) => ({ id: `m${i}`, municipalityId: p.municipalityId }));
      const substituteList = ss.map((p, i) => ({ id: `s${i}`, municipalityId: p.municipalityId }));
      const everyone = [...memberList, ...substituteList];
      const flagged = (flag: string): string[] => everyone.filter((_, i) => flags[i] === flag).map((p) => p.id);
      const result = decideServing({
        members: memberList, substitutes: substituteList, absentIds: flagged('absent'), javIds: flagged('jav'),
        withdrawnIds: flagged('withdrawn'), startedServingIds: substituteList.filter((_, i) => started[i]).map((p) => p.id),
      });
      const servingIds = result.flatMap((seat) => (seat.serving === null ? [] : [seat.serving.personId]));
      assert.equal(new Set(servingIds).size, servingIds.length);
      for (const seat of result) {
        const person = everyone.find((p) => p.id === seat.serving?.personId);
        if (person !== undefined) assert.equal(person.municipalityId, seat.municipalityId);
        const memberFlag = flags[memberList.findIndex((m) => m.id === seat.memberId)];
        assert.equal(seat.serving?.personId === seat.memberId, memberFlag === 'present');
        if (seat.serving?.role === 'substitute') assert.equal(flags[memberList.length + Number(seat.serving.personId.slice(1))], 'present');
      }
    }));
  });
});
