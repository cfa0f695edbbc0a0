import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicHeadingOf } from './public-heading.js';

describe('publicHeadingOf (OSL 5:2, KL 8:12)', () => {
  const cases: { name: string; publicHeading: string | null; caseNumber: string | null; expected: string }[] = [
    { name: 'OSL 5:2 — the heading the secretary gave is used', publicHeading: 'Personalärende', caseNumber: '2022/20-2.4.0.2', expected: 'Personalärende' },
    { name: 'OSL 5:2 — surrounding blanks are dropped', publicHeading: '  Upphandlingsärende ', caseNumber: null, expected: 'Upphandlingsärende' },
    { name: 'OSL 5:2 — none given: the default with the public case number', publicHeading: null, caseNumber: '2022/20-2.4.0.2', expected: 'Sekretessbelagt ärende, ärendenr 2022/20-2.4.0.2' },
    { name: 'OSL 5:2 — an empty heading counts as none', publicHeading: '   ', caseNumber: '2023/4-1.2.1.3', expected: 'Sekretessbelagt ärende, ärendenr 2023/4-1.2.1.3' },
    { name: 'OSL 5:2 — no heading and no case: the default alone', publicHeading: null, caseNumber: null, expected: 'Sekretessbelagt ärende' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(publicHeadingOf({ publicHeading: c.publicHeading, caseNumber: c.caseNumber }), c.expected));
  }
});
