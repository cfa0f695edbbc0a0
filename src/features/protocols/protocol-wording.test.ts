import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MOTION_KINDS, type MotionKind } from '../../domain/index.js';
import { MOTION_NOUN, motionSentence, propositionSentence } from './protocol-wording.js';
import { motionLine } from './paragraph.view.js';
import { translator } from '../../platform/i18n/i18n.js';

describe('motionSentence: a typed motion in the words of Swedish minutes', () => {
  const cases: [MotionKind, string, string][] = [
    ['approve', '', 'Anna Berg (S) yrkar bifall till förslaget.'],
    ['approve', 'arbetsutskottets förslag.', 'Anna Berg (S) yrkar bifall till arbetsutskottets förslag.'],
    ['reject', '', 'Anna Berg (S) yrkar avslag på förslaget.'],
    ['amend', 'Punkt 2 stryks.', 'Anna Berg (S) yrkar följande ändring: Punkt 2 stryks.'],
    ['add', 'att uppdraget redovisas i juni', 'Anna Berg (S) yrkar följande tillägg: att uppdraget redovisas i juni.'],
    ['refer_back', '', 'Anna Berg (S) yrkar att ärendet återremitteras.'],
    ['refer_back', 'kostnaderna ska utredas', 'Anna Berg (S) yrkar att ärendet återremitteras med motiveringen att kostnaderna ska utredas.'],
    ['refer_back', 'att kostnaderna ska utredas.', 'Anna Berg (S) yrkar att ärendet återremitteras med motiveringen att kostnaderna ska utredas.'],
    ['table', '', 'Anna Berg (S) yrkar att ärendet bordläggs.'],
    ['table', 'till nästa sammanträde', 'Anna Berg (S) yrkar att ärendet bordläggs till nästa sammanträde.'],
  ];
  for (const [kind, text, expected] of cases) it(`${kind} "${text}"`, () => assert.equal(motionSentence({ by: 'Anna Berg (S)', kind, text }), expected));
  it('a free-text motion from before typing reads as before', () => {
    assert.equal(motionSentence({ by: 'Anna Berg', text: 'Avslag.' }), 'Anna Berg: Avslag.');
  });
  it('never ends in a double full stop, whatever was typed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOTION_KINDS), fc.string({ maxLength: 40 }), fc.constantFrom('', '.', '..', ' . ', '!'), (kind, text, tail) => {
        const sentence = motionSentence({ by: 'Anna Berg', kind, text: `${text}${tail}` });
        assert.ok(sentence.endsWith('.'), sentence);
        assert.ok(!/\.\s*\.$/.test(sentence), sentence);
      }),
    );
  });
});

describe('propositionSentence reads like the seed (2022-12-14)', () => {
  const cases: [string, 'approved' | 'rejected', string][] = [
    ['Att bordlägga ärendet.', 'approved', 'Ordföranden föreslår att bordlägga ärendet och finner att e-nämnden bifaller förslaget.'],
    ['e-nämndens beredningsgrupps förslag', 'approved', 'Ordföranden ställer e-nämndens beredningsgrupps förslag under proposition och finner att e-nämnden bifaller förslaget.'],
    ['Förslaget till beslut: Att anta planen.', 'approved', 'Ordföranden ställer förslaget till beslut under proposition och finner att e-nämnden bifaller förslaget.'],
    ['Yrkande av Anna Berg: Avslag', 'rejected', 'Ordföranden ställer Anna Bergs yrkande under proposition och finner att e-nämnden avslår yrkandet.'],
    [`${MOTION_NOUN.refer_back} av Anna Berg: utred kostnaderna`, 'approved', 'Ordföranden ställer Anna Bergs återremissyrkande under proposition och finner att e-nämnden bifaller yrkandet.'],
    [`${MOTION_NOUN.amend} av Lars Ek: Punkt 2 stryks.`, 'rejected', 'Ordföranden ställer Lars Eks ändringsyrkande under proposition och finner att e-nämnden avslår yrkandet.'],
  ];
  for (const [text, outcome, expected] of cases) it(text, () => assert.equal(propositionSentence({ text, outcome }, 'E-nämnden'), expected));
  it('never has a double full stop (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Att ', 'Yrkande av Anna: ', 'Förslaget till beslut: ', ''), fc.string({ maxLength: 30 }).filter((x) => !x.includes('.')), fc.constantFrom('', '.', '..'), (head, text, tail) => {
        const sentence = propositionSentence({ text: `${head}${text}${tail}`, outcome: 'approved' }, 'E-nämnden');
        assert.ok(!sentence.includes('..'), sentence);
      }),
    );
  });
});

describe('motionLine: a motion on the protocol page and the portal', () => {
  const sv = { locale: 'sv' as const, t: translator('sv') };
  const en = { locale: 'en' as const, t: translator('en') };
  it('Swedish is the protocol’s sentence; English names the mover and the kind, never "moves: " with nothing after it', () => {
    const reject = { by: 'Anna Berg', kind: 'reject' as const, text: '' };
    assert.equal(motionLine(sv, reject), motionSentence(reject));
    assert.equal(motionLine(en, reject), `Anna Berg – ${translator('en')('live.motionKind.reject')}`);
    assert.equal(motionLine(en, { by: 'Anna Berg', kind: 'amend', text: ' Punkt 2 stryks. ' }), `Anna Berg – ${translator('en')('live.motionKind.amend')}: Punkt 2 stryks.`);
    // A motion recorded before motions were typed.
    assert.equal(motionLine(en, { by: 'Anna Berg', text: 'Bifall.' }), translator('en')('protocol.record.motion', { name: 'Anna Berg', text: 'Bifall.' }));
    for (const kind of MOTION_KINDS) assert.ok(!/:\s*$/.test(motionLine(en, { by: 'B', kind, text: '' })), kind);
  });
});
