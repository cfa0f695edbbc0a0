import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mayReadSecretPaperAsMember } from './secret-papers.js';

describe('mayReadSecretPaperAsMember (OSL 8:1, KL 6:28)', () => {
  const base = { role: 'member', onAgendaOfMeeting: true, ownCommitteePaper: true, javReported: false } as const;
  const cases: [string, Partial<Parameters<typeof mayReadSecretPaperAsMember>[0]>, boolean][] = [
    ['a member reads the decision basis of an item on the agenda', {}, true],
    ['a substitute called to the meeting reads it too', { role: 'substitute' }, true],
    ['an official of a preparation group needs the registry right instead', { role: 'official' }, false],
    ['a paper not on this meeting’s agenda is not the member’s to read', { onAgendaOfMeeting: false }, false],
    ['a paper of another organisation’s registry is not the committee’s', { ownCommitteePaper: false }, false],
    ['a member who reported jäv on the item takes no part in it', { javReported: true }, false],
    ['a substitute with jäv neither', { role: 'substitute', javReported: true }, false],
  ];
  for (const [name, change, expected] of cases) {
    test(name, () => assert.equal(mayReadSecretPaperAsMember({ ...base, ...change }), expected));
  }
});
