import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { MAX_EXTRACTED_CHARS, MAX_UNCOMPRESSED_BYTES, extractText } from './text-extraction.js';
import { JPEG_BYTES, PNG_BYTES, buildDocx, buildOdt, buildPdf, buildXlsx, wParagraph } from '../../../../test/support/file-fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('extractText', () => {
  it('refuses a DOCX whose text part unpacks past the limit, without unpacking it', async () => {
    const bomb = zipSync({ 'word/document.xml': strToU8('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(Math.ceil((MAX_UNCOMPRESSED_BYTES + 1) / 34))) });
    const result = await extractText({ kind: 'docx', bytes: bomb });
    assert.equal(result.ok, false);
    assert.equal(result.cut, 'size');
    assert.equal(result.text, '');
  });

  it('reads the Swedish text of every page of a PDF', async () => {
    const bytes = await buildPdf(['Redovisningen av utfallet per sista oktober', 'Nämndens överläggning: åtgärder för ÅÄÖ-projektet']);
    const result = await extractText({ kind: 'pdf', bytes });
    assert.equal(result.ok, true, result.error);
    assert.match(result.text, /Redovisningen av utfallet per sista oktober/);
    assert.match(result.text, /Nämndens överläggning: åtgärder för ÅÄÖ-projektet/);
  });

  it('leaves the caller\'s PDF bytes usable', async () => {
    const bytes = await buildPdf(['Sammanträde']);
    await extractText({ kind: 'pdf', bytes });
    assert.equal(bytes.byteLength > 0, true);
    assert.equal((await extractText({ kind: 'pdf', bytes })).ok, true);
  });

  it('reads a PDF given as a Node Buffer, as uploads arrive', async () => {
    const bytes = Buffer.from(await buildPdf(['Redovisningen av utfallet']));
    const result = await extractText({ kind: 'pdf', bytes });
    assert.equal(result.ok, true, result.error);
    assert.match(result.text, /Redovisningen av utfallet/);
  });

  it('reports a damaged PDF as not ok without throwing', async () => {
    const result = await extractText({ kind: 'pdf', bytes: utf8('%PDF-1.7\n1 0 obj << /Type /Catalog trasig') });
    assert.equal(result.ok, false);
    assert.equal(result.text, '');
    assert.equal(typeof result.error, 'string');
  });

  it('reads a DOCX paragraph by paragraph, joining runs and decoding entities', async () => {
    const bytes = buildDocx(
      wParagraph('Redo', 'visningen av utfallet') +
        wParagraph('Kostnad &amp; intäkt &lt;2024&gt; &#229;&#xE4;ö') +
        '<w:p/>' +
        '<w:p><w:r><w:t>Kolumn</w:t><w:tab/><w:t>värde</w:t><w:br/><w:t>rad två</w:t></w:r></w:p>' +
        '<w:p><w:del><w:r><w:delText>struken text</w:delText></w:r></w:del></w:p>',
    );
    const result = await extractText({ kind: 'docx', bytes });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.text, 'Redovisningen av utfallet\nKostnad & intäkt <2024> åäö\n\nKolumn\tvärde\nrad två\n');
  });

  it('reads shared and inline strings of an XLSX, without phonetic runs', async () => {
    const bytes = buildXlsx({
      sharedStrings: ['<t>Förvaltning</t>', '<r><t>Utfall </t></r><r><rPr><b/></rPr><t>oktober</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>', '<t>Löner &amp; arvoden</t>'],
      sheetRowsXml:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1234.5</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Årsprognos</t></is></c></row>',
    });
    const result = await extractText({ kind: 'xlsx', bytes });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.text, 'Förvaltning\nUtfall oktober\nLöner & arvoden\nÅrsprognos');
  });

  it('reads headings and paragraphs of an ODT, with spaces, tabs and line breaks', async () => {
    const bytes = buildOdt(
      '      <text:h text:outline-level="1">Kallelse till sammanträde</text:h>\n' +
        '      <text:p text:style-name="P1">Ärende 1:<text:s text:c="2"/><text:span text:style-name="T1">Budget</text:span> för\n        året</text:p>\n' +
        '      <text:p>Plats<text:tab/>Rådhuset<text:line-break/>Sal &quot;Ö&quot;</text:p>\n' +
        '      <text:p/>',
    );
    const result = await extractText({ kind: 'odt', bytes });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.text, 'Kallelse till sammanträde\nÄrende 1:  Budget för året\nPlats\tRådhuset\nSal "Ö"\n');
  });

  it('reads a text file as UTF-8 and drops the byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Åtgärdsplan för äldreomsorgen')]);
    assert.deepEqual(await extractText({ kind: 'text', bytes }), { text: 'Åtgärdsplan för äldreomsorgen', ok: true });
  });

  it('gives no text for images', async () => {
    assert.deepEqual(await extractText({ kind: 'png', bytes: PNG_BYTES }), { text: '', ok: true });
    assert.deepEqual(await extractText({ kind: 'jpeg', bytes: JPEG_BYTES }), { text: '', ok: true });
  });

  it('caps the text at one million characters', async () => {
    const result = await extractText({ kind: 'text', bytes: utf8('ä'.repeat(MAX_EXTRACTED_CHARS + 10)) });
    assert.equal(result.text.length, MAX_EXTRACTED_CHARS);
  });

  it('does not split a character outside the BMP at the cap', async () => {
    const text = 'a'.repeat(MAX_EXTRACTED_CHARS - 1) + '😀 mer';
    const result = await extractText({ kind: 'text', bytes: utf8(text) });
    assert.equal(result.text, 'a'.repeat(MAX_EXTRACTED_CHARS - 1));
  });

  const damaged: ReadonlyArray<[string, 'docx' | 'xlsx' | 'odt', Uint8Array]> = [
    ['a truncated DOCX', 'docx', buildDocx(wParagraph('Protokoll')).subarray(0, 60)],
    ['a DOCX without word/document.xml', 'docx', buildOdt('<text:p>x</text:p>')],
    ['an ODT without content.xml', 'odt', buildDocx(wParagraph('x'))],
    ['an XLSX that is not a zip', 'xlsx', utf8('inte en zip')],
  ];
  for (const [label, kind, bytes] of damaged) {
    it(`reports ${label} as not ok without throwing`, async () => {
      const result = await extractText({ kind, bytes });
      assert.equal(result.ok, false);
      assert.equal(result.text, '');
      assert.ok(result.error);
    });
  }
});
