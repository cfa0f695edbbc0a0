import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayBeInternal, publicRecordState, type RecordDirection, type RecordSecrecy } from './index.js';

const mayTable: [string, RecordDirection, boolean, boolean][] = [
  ['TF 2:9 — an incoming document is a public record when it arrives', 'incoming', true, false],
  ['TF 2:10 — a document sent out is a public record when it is sent', 'outgoing', true, false],
  ['TF 2:10 — a drawn-up document may be a draft while its case is open', 'drawn_up', true, true],
  ['TF 2:10 — a drawn-up document is a public record once its case is settled', 'drawn_up', false, false],
];

const stateTable: [string, RecordSecrecy, RecordDirection, boolean, RecordSecrecy][] = [
  ['TF 2:10 — a draft in an open case stays internal', 'internal', 'drawn_up', true, 'internal'],
  ['TF 2:10, OSL 5:1 — a draft becomes public when its case closes', 'internal', 'drawn_up', false, 'public'],
  ['TF 2:9 — an incoming "internal" document is public', 'internal', 'incoming', true, 'public'],
  ['TF 2:10 — a sent "internal" document is public', 'internal', 'outgoing', true, 'public'],
  ['OSL 5:5 — a secret document stays secret when its case closes', 'secret', 'drawn_up', false, 'secret'],
  ['OSL 5:1 — a public document stays public', 'public', 'incoming', true, 'public'],
];

describe('mayBeInternal (TF 2:9–10)', () => {
  for (const [name, direction, caseOpen, expected] of mayTable) it(name, () => assert.equal(mayBeInternal({ direction, caseOpen }), expected));
});

describe('publicRecordState (TF 2:9–10, OSL 5:1–2)', () => {
  for (const [name, secrecy, direction, caseOpen, expected] of stateTable) it(name, () => assert.equal(publicRecordState({ secrecy, direction, caseOpen }), expected));
});
