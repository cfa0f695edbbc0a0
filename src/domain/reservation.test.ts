import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { canEnterReservation, reservationReasonsDue } from './reservation.js';

describe('canEnterReservation (KL 4:27)', () => {
  const cases: [boolean, boolean, string][] = [
    [false, true, 'during the meeting a reservation may be announced'],
    [true, false, 'after the meeting has ended it is too late'],
  ];
  for (const [meetingClosed, allowed, why] of cases) {
    it(`KL 4:27 — meeting ${meetingClosed ? 'closed' : 'open'} → ${String(allowed)} (${why})`, () => {
      assert.equal(canEnterReservation({ meetingClosed }), allowed);
    });
  }
});

describe('reservationReasonsDue (reglemente 21 §)', () => {
  const cases: [string, string][] = [
    ['2022-12-19', 'the justering date set for the seed protocol'],
    ['2022-12-14', 'immediate justering at the meeting'],
    ['2024-02-29', 'a leap day'],
    ['2023-12-24', 'a holiday is not moved: the reasons come before justering'],
  ];
  for (const [justeringDate, why] of cases) {
    it(`reglemente 21 § — justering ${justeringDate} → reasons due ${justeringDate} (${why})`, () => {
      assert.equal(reservationReasonsDue({ justeringDate }), justeringDate);
    });
  }
  it('reglemente 21 § — refuses a date that is not an ISO date', () => {
    for (const justeringDate of ['2023-02-29', '19 dec 2022', '']) assert.throws(() => reservationReasonsDue({ justeringDate }), DomainError);
  });
});
