import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { attendanceRate, attendedSeats } from './attendance-rate.js';
import type { AttendanceEvent, Mandate } from './serving-members.js';

describe('attendanceRate (verksamhetsplan 2023, 2.3: 100 %, at least 75 %)', () => {
  const cases: [string, { attended: number; seats: number }[], number | null][] = [
    ['no meetings yet', [], null],
    ['one full meeting', [{ attended: 14, seats: 14 }], 100],
    ['seed 2022-12-14: a substitute served, every seat taken', [{ attended: 14, seats: 14 }], 100],
    ['one meeting 11 of 14', [{ attended: 11, seats: 14 }], 78.6],
    ['two meetings pooled', [{ attended: 14, seats: 14 }, { attended: 7, seats: 14 }], 75],
    ['weighted by seats, not averaged per meeting', [{ attended: 1, seats: 1 }, { attended: 0, seats: 3 }], 25],
    ['four meetings', [{ attended: 14, seats: 14 }, { attended: 13, seats: 14 }, { attended: 12, seats: 14 }, { attended: 10, seats: 14 }], 87.5],
    ['nobody came', [{ attended: 0, seats: 14 }], 0],
  ];
  for (const [name, meetings, rate] of cases) it(`${name} → ${String(rate)}`, () => assert.equal(attendanceRate(meetings), rate));
  for (const bad of [{ attended: 15, seats: 14 }, { attended: 1, seats: 0 }, { attended: -1, seats: 3 }, { attended: 1.5, seats: 3 }]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => attendanceRate([bad]), DomainError));
  }
});

describe('attendedSeats (reglemente 17 §, KL 5:16)', () => {
  const mandates: Mandate[] = [
    { personId: 'm-a', municipalityId: 'a', role: 'member' },
    { personId: 's-a', municipalityId: 'a', role: 'substitute' },
    { personId: 'm-b', municipalityId: 'b', role: 'member' },
    { personId: 's-b', municipalityId: 'b', role: 'substitute' },
    { personId: 'm-c', municipalityId: 'c', role: 'member' },
  ];
  const cases: [string, AttendanceEvent[], number, number][] = [
    ['nobody recorded', [], 3, 0],
    ['all members present', [{ personId: 'm-a', type: 'present', itemIndex: 0 }, { personId: 'm-b', type: 'present', itemIndex: 0 }, { personId: 'm-c', type: 'remote', itemIndex: 0 }], 3, 3],
    ['a substitute serves for the absent member of the same municipality', [{ personId: 'm-a', type: 'absent', itemIndex: 0 }, { personId: 's-a', type: 'present', itemIndex: 0 }, { personId: 'm-b', type: 'present', itemIndex: 0 }], 3, 2],
    ['a substitute of another municipality does not fill the seat', [{ personId: 's-b', type: 'present', itemIndex: 0 }, { personId: 'm-b', type: 'present', itemIndex: 0 }], 3, 1],
    ['a member arriving at the last item counts', [{ personId: 'm-c', type: 'arrived', itemIndex: 2 }], 3, 1],
    ['a member arriving after the last item does not', [{ personId: 'm-c', type: 'arrived', itemIndex: 3 }], 3, 0],
    ['a meeting without items counts its start', [{ personId: 'm-a', type: 'present', itemIndex: 0 }], 0, 1],
  ];
  for (const [name, events, itemCount, expected] of cases) it(`${name} → ${expected}`, () => assert.equal(attendedSeats({ mandates, events, itemCount }), expected));
});
