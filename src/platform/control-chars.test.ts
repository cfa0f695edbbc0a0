import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripControlCharsInJson, stripXmlControlChars } from './control-chars.js';

describe('stripXmlControlChars', () => {
  const cases: [string, string, string][] = [
    ['NUL and BEL', 'Protokoll\u0000 §\u0007 19', 'Protokoll § 19'],
    ['every C0 control but tab, LF and CR', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''), '\t\n\r'],
    ['vertical tab and form feed', 'a\u000Bb\u000Cc', 'abc'],
    ['non-characters U+FFFE and U+FFFF', 'x\uFFFEy\uFFFFz', 'xyz'],
    ['a lone high surrogate', 'före\uD83Defter', 'föreefter'],
    ['a lone low surrogate', 'före\uDE00efter', 'föreefter'],
    ['a surrogate pair is kept', 'Nämnd 😀 möte', 'Nämnd 😀 möte'],
    ['Swedish text, DEL and C1 are kept', 'Åsa Öberg\u007F\u0085', 'Åsa Öberg\u007F\u0085'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(stripXmlControlChars(input), expected));

  it('strips every string value of a JSON document, keys and numbers untouched', () => {
    const json = JSON.stringify({ name: 'E-nämnd\u0000', list: ['a\u0008b', 3], nested: { n: 1 } }, stripControlCharsInJson);
    assert.equal(json, '{"name":"E-nämnd","list":["ab",3],"nested":{"n":1}}');
  });
});
