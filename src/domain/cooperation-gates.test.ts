import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePhaseGate, phaseParticipants, recorderOf, type GateCell, type GateDecision, type GateInput } from './cooperation-gates.js';

const C = 'committee';
// The pre-study phase of the seed's diagram (§ 24): preparation group, each municipality, committee.
const PRESTUDY: GateDecision[] = [
  { key: 'basis', by: 'preparation_group', required: true },
  { key: 'join', by: 'each_municipality', required: true, joins: true },
  { key: 'accept', by: 'committee', required: true },
];
// Realisation: join the procurement (joins), fullmakt (every participant), optional wish.
const REALISATION: GateDecision[] = [
  { key: 'wish', by: 'each_municipality', required: false },
  { key: 'join', by: 'each_municipality', required: true, joins: true },
  { key: 'fullmakt', by: 'each_municipality', required: true },
];
const CONTRACT: GateDecision[] = [{ key: 'award', by: 'procuring_municipality', required: true }];
const IDEA: GateDecision[] = [{ key: 'qualified', by: 'preparation_group', required: true }];

const cell = (decisionKey: string, organisationId: string, status: GateCell['status']): GateCell => ({ decisionKey, organisationId, status });
const input = (decisions: GateDecision[], cells: GateCell[], extra: Partial<GateInput> = {}): GateInput => ({
  decisions, cells, committeeId: C, procuringOrganisationId: null, previousParticipantIds: [], ...extra,
});

describe('evaluatePhaseGate (seed § 24, Beslutsstruktur)', () => {
  const table: { name: string; input: GateInput; canClose: boolean; shortfalls: string[]; participants: string[] }[] = [
    {
      name: 'pre-study: committee accepted, preparation group qualified, one municipality joined → may close',
      input: input(PRESTUDY, [cell('basis', C, 'yes'), cell('accept', C, 'yes'), cell('join', 'lulea', 'yes'), cell('join', 'pitea', 'pending'), cell('join', 'boden', 'no')]),
      canClose: true, shortfalls: [], participants: ['lulea'],
    },
    {
      name: 'pre-study: nobody joined yet → nobody-joined',
      input: input(PRESTUDY, [cell('basis', C, 'yes'), cell('accept', C, 'yes'), cell('join', 'lulea', 'pending'), cell('join', 'boden', 'no')]),
      canClose: false, shortfalls: ['nobody-joined:join'], participants: [],
    },
    {
      name: 'pre-study: the committee has not accepted the assignment → missing',
      input: input(PRESTUDY, [cell('basis', C, 'yes'), cell('accept', C, 'pending'), cell('join', 'lulea', 'yes')]),
      canClose: false, shortfalls: ['missing:accept'], participants: ['lulea'],
    },
    {
      name: 'pre-study: the committee declined the assignment → declined',
      input: input(PRESTUDY, [cell('basis', C, 'yes'), cell('accept', C, 'no'), cell('join', 'lulea', 'yes')]),
      canClose: false, shortfalls: ['declined:accept'], participants: ['lulea'],
    },
    {
      name: 'pre-study: no cell at all for the committee → missing',
      input: input(PRESTUDY, [cell('join', 'lulea', 'yes')]),
      canClose: false, shortfalls: ['missing:basis', 'missing:accept'], participants: ['lulea'],
    },
    {
      name: 'a body decision marked not applicable counts as done',
      input: input(PRESTUDY, [cell('basis', C, 'not_applicable'), cell('accept', C, 'yes'), cell('join', 'kiruna', 'yes')]),
      canClose: true, shortfalls: [], participants: ['kiruna'],
    },
    {
      name: 'idea qualification: only the preparation group decides, no participants yet',
      input: input(IDEA, [cell('qualified', C, 'yes')]),
      canClose: true, shortfalls: [], participants: [],
    },
    {
      name: 'realisation: a participant without its fullmakt holds the phase',
      input: input(REALISATION, [cell('join', 'alvsbyn', 'yes'), cell('join', 'boden', 'yes'), cell('fullmakt', 'alvsbyn', 'yes'), cell('fullmakt', 'boden', 'pending')]),
      canClose: false, shortfalls: ['missing:fullmakt'], participants: ['alvsbyn', 'boden'],
    },
    {
      name: 'realisation: every participant gave fullmakt; a non-participant need not; the optional wish is ignored',
      input: input(REALISATION, [cell('join', 'alvsbyn', 'yes'), cell('join', 'boden', 'yes'), cell('join', 'pajala', 'no'), cell('fullmakt', 'alvsbyn', 'yes'), cell('fullmakt', 'boden', 'yes'), cell('wish', 'pajala', 'pending')]),
      canClose: true, shortfalls: [], participants: ['alvsbyn', 'boden'],
    },
    {
      name: 'contract: without a procuring municipality the award cannot be decided',
      input: input(CONTRACT, [], { previousParticipantIds: ['alvsbyn'] }),
      canClose: false, shortfalls: ['no-procuring-municipality:award'], participants: ['alvsbyn'],
    },
    {
      name: 'contract: the procuring municipality has not decided on the award',
      input: input(CONTRACT, [cell('award', 'lulea', 'pending')], { procuringOrganisationId: 'lulea', previousParticipantIds: ['alvsbyn', 'lulea'] }),
      canClose: false, shortfalls: ['missing:award'], participants: ['alvsbyn', 'lulea'],
    },
    {
      name: 'contract: another municipality saying yes to the award does not count',
      input: input(CONTRACT, [cell('award', 'boden', 'yes'), cell('award', 'lulea', 'pending')], { procuringOrganisationId: 'lulea' }),
      canClose: false, shortfalls: ['missing:award'], participants: [],
    },
    {
      name: 'contract: award decided, participants carried over from the previous phase',
      input: input(CONTRACT, [cell('award', 'lulea', 'yes')], { procuringOrganisationId: 'lulea', previousParticipantIds: ['alvsbyn', 'lulea'] }),
      canClose: true, shortfalls: [], participants: ['alvsbyn', 'lulea'],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      const result = evaluatePhaseGate(row.input);
      assert.equal(result.canClose, row.canClose);
      assert.deepEqual(result.shortfalls.map((s) => `${s.kind}:${s.decisionKey}`), row.shortfalls);
      assert.deepEqual(result.participantIds, row.participants);
    });
  }

  it('names the participants that lack a required decision', () => {
    const result = evaluatePhaseGate(input(REALISATION, [cell('join', 'a', 'yes'), cell('join', 'b', 'yes'), cell('join', 'c', 'yes'), cell('fullmakt', 'b', 'no')]));
    assert.deepEqual(result.shortfalls, [{ kind: 'missing', decisionKey: 'fullmakt', organisationIds: ['a', 'c'] }]);
  });
});

describe('phaseParticipants', () => {
  it('a yes on any joining decision makes a participant, once', () => {
    const decisions: GateDecision[] = [{ key: 'j1', by: 'each_municipality', required: true, joins: true }, { key: 'j2', by: 'each_municipality', required: false, joins: true }];
    const cells = [cell('j1', 'a', 'yes'), cell('j2', 'a', 'yes'), cell('j2', 'b', 'yes'), cell('j1', 'c', 'no'), cell('j1', 'd', 'not_applicable')];
    assert.deepEqual(phaseParticipants({ decisions, cells, previousParticipantIds: ['x'] }), ['a', 'b']);
  });
  it('a yes on a non-joining decision does not', () => {
    assert.deepEqual(phaseParticipants({ decisions: REALISATION, cells: [cell('fullmakt', 'a', 'yes'), cell('wish', 'b', 'yes')], previousParticipantIds: [] }), []);
  });
});

describe('recorderOf', () => {
  for (const [by, who] of [['each_municipality', 'municipality'], ['procuring_municipality', 'municipality'], ['committee', 'committee'], ['preparation_group', 'committee'], ['steering_group', 'committee']] as const) {
    it(`${by} → ${who}`, () => assert.equal(recorderOf(by), who));
  }
});
