import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MOTION_KINDS, PROPOSITION_STAGES, motionNeedsText, propositionOrder, propositionStageOf, type MotionKind } from './motion-order.js';

interface M {
  id: string;
  kind: MotionKind | null;
  position: number;
  withdrawn: boolean;
}

const m = (id: string, kind: MotionKind | null, position: number, withdrawn = false): M => ({ id, kind, position, withdrawn });
const ids = (order: ReturnType<typeof propositionOrder<M>>) => order.map((g) => `${g.stage}:${g.motions.map((x) => x.id).join(',')}`);

describe('propositionStageOf: återremiss and bordläggning first, ändring and tillägg after the main question', () => {
  const cases: [MotionKind | null, string][] = [
    ['refer_back', 'preliminary'],
    ['table', 'preliminary'],
    ['approve', 'main'],
    ['reject', 'main'],
    [null, 'main'],
    ['amend', 'amendment'],
    ['add', 'addition'],
  ];
  for (const [kind, stage] of cases) it(`${String(kind)} → ${stage}`, () => assert.equal(propositionStageOf(kind), stage));
  it('only ändring and tillägg need a text of their own', () => {
    assert.deepEqual(MOTION_KINDS.filter(motionNeedsText), ['amend', 'add']);
  });
});

describe('propositionOrder', () => {
  it('puts a later återremiss before an earlier avslag, and a tillägg after an ändring', () => {
    const order = propositionOrder([m('add', 'add', 1), m('rej', 'reject', 2), m('amend', 'amend', 3), m('back', 'refer_back', 4), m('tab', 'table', 5)], { hasProposal: true });
    assert.deepEqual(ids(order), ['preliminary:back,tab', 'main:rej', 'amendment:amend', 'addition:add']);
  });
  it('leaves out withdrawn motions and empty stages, but keeps the main question when there is a proposal', () => {
    assert.deepEqual(ids(propositionOrder([m('x', 'refer_back', 1, true)], { hasProposal: true })), ['main:']);
    assert.deepEqual(ids(propositionOrder([m('x', 'refer_back', 1, true)], { hasProposal: false })), []);
  });

  const motionsArb = fc
    .array(fc.record({ kind: fc.constantFrom<MotionKind | null>(...MOTION_KINDS, null), withdrawn: fc.boolean() }), { maxLength: 12 })
    .chain((rows) => fc.shuffledSubarray(rows.map((_, i) => i + 1), { minLength: rows.length, maxLength: rows.length }).map((positions) => rows.map((r, i) => m(`m${i}`, r.kind, positions[i] ?? 0, r.withdrawn))));

  it('puts every motion not withdrawn exactly once, stages in order, and keeps the order moved within a stage (property)', () => {
    fc.assert(
      fc.property(motionsArb, fc.boolean(), (motions, hasProposal) => {
        const order = propositionOrder(motions, { hasProposal });
        const flat = order.flatMap((g) => g.motions);
        assert.deepEqual(flat.map((x) => x.id).sort(), motions.filter((x) => !x.withdrawn).map((x) => x.id).sort());
        const stageIndexes = order.map((g) => PROPOSITION_STAGES.indexOf(g.stage));
        assert.deepEqual(stageIndexes, [...stageIndexes].sort((a, b) => a - b));
        assert.equal(new Set(stageIndexes).size, stageIndexes.length);
        for (const group of order) {
          for (const x of group.motions) assert.equal(propositionStageOf(x.kind), group.stage);
          const positions = group.motions.map((x) => x.position);
          assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
        }
        // A preliminary question always comes before any main proposal; an addition never before an amendment.
        const firstMain = flat.findIndex((x) => propositionStageOf(x.kind) === 'main');
        const lastPreliminary = flat.findLastIndex((x) => propositionStageOf(x.kind) === 'preliminary');
        if (firstMain >= 0 && lastPreliminary >= 0) assert.ok(lastPreliminary < firstMain);
      }),
    );
  });
  it('does not change the motions it is given (property)', () => {
    fc.assert(
      fc.property(motionsArb, (motions) => {
        const copy = structuredClone(motions);
        propositionOrder(motions, { hasProposal: true });
        assert.deepEqual(motions, copy);
      }),
    );
  });
});
