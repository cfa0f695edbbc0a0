import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../../platform/errors.js';
import { detectFileType, type FileKind } from './file-types.js';
import { assertFileSize } from '../../../platform/http/file-size.js';
import { EXE_BYTES, JPEG_BYTES, PNG_BYTES, buildDocx, buildOdt, buildPdf, buildPlainZip, buildXlsx, wParagraph } from '../../../../test/support/file-fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;

const pdf = await buildPdf(['Redovisningen av utfallet per sista oktober']);
const docx = buildDocx(wParagraph('Protokoll'));
const xlsx = buildXlsx({ sharedStrings: ['<t>Budget</t>'], sheetRowsXml: '' });
const odt = buildOdt('<text:p>Kallelse</text:p>');

/** The refusal thrown by `fn`, so a test can read both languages. */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, 'INVALID_INPUT');
    return error;
  }
  assert.fail('expected the file to be refused');
}

function assertNamesAllowedTypes(error: DomainError): void {
  assert.match(error.userMessage.sv, /Tillåtna är PDF, Word \(DOCX\), Excel \(XLSX\), OpenDocument-text \(ODT\), PNG, JPEG och vanlig text/);
  assert.match(error.userMessage.en, /Allowed types are PDF, Word \(DOCX\), Excel \(XLSX\), OpenDocument text \(ODT\), PNG, JPEG and plain text/);
}

describe('detectFileType accepts each allowed kind when name and content agree', () => {
  const cases: ReadonlyArray<[string, Uint8Array, FileKind, string]> = [
    ['protokoll.pdf', pdf, 'pdf', 'application/pdf'],
    ['tjänsteskrivelse.docx', docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', xlsx, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['kallelse.odt', odt, 'odt', 'application/vnd.oasis.opendocument.text'],
    ['karta.png', PNG_BYTES, 'png', 'image/png'],
    ['foto.jpg', JPEG_BYTES, 'jpeg', 'image/jpeg'],
    ['foto.jpeg', JPEG_BYTES, 'jpeg', 'image/jpeg'],
    ['anteckning.txt', utf8('Överläggning om ärendet, å ä ö'), 'text', 'text/plain; charset=utf-8'],
    ['PROTOKOLL.PDF', pdf, 'pdf', 'application/pdf'],
    ['C:\\fakepath\\Bilaga 1.Docx', docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ];
  for (const [filename, bytes, kind, mimeType] of cases) {
    it(`${filename} is ${kind}`, () => {
      assert.deepEqual(detectFileType({ filename, bytes }), { kind, mimeType });
    });
  }
});

describe('detectFileType refuses what is not allowed', () => {
  it('refuses an .exe and names the allowed types', () => {
    const error = refusal(() => detectFileType({ filename: 'setup.exe', bytes: EXE_BYTES }));
    assert.match(error.userMessage.sv, /^Filtypen för ”setup.exe” stöds inte\./);
    assert.match(error.userMessage.en, /^The file type of "setup.exe" is not supported\./);
    assertNamesAllowedTypes(error);
  });

  it('refuses a file without an extension even when its content is a PDF', () => {
    assertNamesAllowedTypes(refusal(() => detectFileType({ filename: 'protokoll', bytes: pdf })));
  });

  it('refuses a .docx that is really a PNG and says what it looks like', () => {
    const error = refusal(() => detectFileType({ filename: 'bilaga.docx', bytes: PNG_BYTES }));
    assert.match(error.userMessage.sv, /innehållet är inte Word \(DOCX\) \(det ser ut att vara PNG\)/);
    assert.match(error.userMessage.en, /content is not Word \(DOCX\) \(it looks like PNG\)/);
    assertNamesAllowedTypes(error);
  });

  const mismatches: ReadonlyArray<[string, string, Uint8Array]> = [
    ['a .pdf that is text', 'protokoll.pdf', utf8('Detta är ingen PDF')],
    ['a .pdf that is a JPEG', 'protokoll.pdf', JPEG_BYTES],
    ['a .docx that is a zip but no Office file', 'bilaga.docx', buildPlainZip()],
    ['a .xlsx that is a Word file', 'budget.xlsx', docx],
    ['a .docx that is a spreadsheet', 'bilaga.docx', xlsx],
    ['an .odt that is a Word file', 'kallelse.odt', docx],
    ['an .odt whose mimetype entry is not first', 'kallelse.odt', buildOdt('<text:p>x</text:p>', { mimetypeFirst: false })],
    ['a .png that is a JPEG', 'karta.png', JPEG_BYTES],
    ['a .jpg that is a PDF', 'foto.jpg', pdf],
    ['a .txt that is a PDF', 'anteckning.txt', pdf],
    ['a .docx cut off after the zip signature', 'bilaga.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
  ];
  for (const [label, filename, bytes] of mismatches) {
    it(`refuses ${label}`, () => {
      const error = refusal(() => detectFileType({ filename, bytes }));
      assert.match(error.userMessage.sv, /har filändelsen/);
      assertNamesAllowedTypes(error);
    });
  }

  it('refuses text containing a NUL byte', () => {
    const error = refusal(() => detectFileType({ filename: 'anteckning.txt', bytes: new Uint8Array([0x48, 0x65, 0x00, 0x6a]) }));
    assert.match(error.userMessage.sv, /inte vanlig text i UTF-8/);
    assert.match(error.userMessage.en, /not plain UTF-8 text/);
  });

  it('refuses text that is not valid UTF-8 (Latin-1 "å")', () => {
    const error = refusal(() => detectFileType({ filename: 'anteckning.txt', bytes: new Uint8Array([0x70, 0xe5, 0x20, 0x61]) }));
    assert.match(error.userMessage.sv, /Spara den som UTF-8/);
  });

  it('refuses an empty file', () => {
    const error = refusal(() => detectFileType({ filename: 'tom.pdf', bytes: new Uint8Array() }));
    assert.equal(error.userMessage.sv, 'Filen ”tom.pdf” är tom. Välj en fil med innehåll.');
  });
});

describe('assertFileSize', () => {
  it('allows a file at the limit', () => {
    assert.doesNotThrow(() => assertFileSize({ size: 50 * MB, maxBytes: 50 * MB }));
  });

  it('states both sizes in MB, Swedish with a decimal comma', () => {
    const error = refusal(() => assertFileSize({ size: Math.round(61.2 * MB), maxBytes: 50 * MB }));
    assert.match(error.userMessage.sv, /^Filen är 61,2 MB\. Största tillåtna storlek är 50 MB\./);
    assert.match(error.userMessage.en, /^The file is 61.2 MB\. The largest allowed size is 50 MB\./);
  });

  it('never reports a file one byte over the limit as the same size as the limit', () => {
    const error = refusal(() => assertFileSize({ size: 50 * MB + 1, maxBytes: 50 * MB }));
    assert.match(error.userMessage.sv, /^Filen är 50,1 MB\. Största tillåtna storlek är 50 MB\./);
  });

  it('shows a fractional limit', () => {
    const error = refusal(() => assertFileSize({ size: 3 * MB, maxBytes: 2.5 * MB }));
    assert.match(error.userMessage.sv, /^Filen är 3 MB\. Största tillåtna storlek är 2,5 MB\./);
  });
});
