import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { boardAtom } from './board.feeds.js';
import type { PublicNotice } from './publication.service.js';
import { hasXmlControlChars } from '../../platform/control-chars.js';

const notice = (over: Partial<PublicNotice> = {}): PublicNotice => ({
  id: '00000000-0000-4000-8000-000000000001',
  protocolId: '00000000-0000-4000-8000-000000000002',
  meetingId: '00000000-0000-4000-8000-000000000003',
  committeeName: 'E-nämnden',
  bodyName: 'E-nämnden',
  municipalityName: 'Luleå kommun',
  meetingDate: '2022-12-14',
  justeredOn: '2022-12-19',
  postedOn: '2022-12-20',
  paragraph: null,
  appealStartsOn: '2022-12-21',
  lastDayToAppeal: '2023-01-10',
  takeDownOn: '2023-01-11',
  keptAt: 'Kommunledningsförvaltningen, Luleå',
  corrections: [],
  protocolPath: '/protokoll/1',
  pdfPath: '/protokoll/1.pdf',
  updatedAt: new Date('2022-12-20T08:00:00Z'),
  ...over,
});

describe('boardAtom', () => {
  test('a control character in a body name or a place never reaches the feed, which stays well-formed XML', () => {
    const atom = boardAtom(
      { municipality: { slug: 'lulea', name: 'Luleå\u0001' }, current: [notice({ bodyName: 'E-nämnden\u0000\u0007', keptAt: 'Stadshuset\u001F, Luleå\uFFFE' })], earlier: [] },
      'https://kansli.example.se',
    );
    assert.equal(hasXmlControlChars(atom), false);
    const parsed = new XMLParser().parse(atom) as { feed: { title: string; entry: { title: string } } };
    assert.equal(parsed.feed.title, 'Anslagstavla – Luleå');
    assert.match(parsed.feed.entry.title, /Justering av protokoll – E-nämnden, sammanträde 2022-12-14/);
    assert.match(atom, /Protokollet förvaras hos Stadshuset, Luleå\./);
  });
});
