/**
 * Real files of each accepted kind, built in memory for the tests of this folder.
 * Test-only: imports pdfkit and the DejaVu font, which are devDependencies.
 */
import { createRequire } from 'node:module';
import { strToU8, zipSync, type Zippable } from 'fflate';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// A Unicode TrueType font, so å/ä/ö are embedded with a ToUnicode map and extract as written.
const DEJAVU_SANS = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A PDF with one page per string, set in DejaVu Sans. */
export async function buildPdf(pages: readonly string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'Testfil' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const text of pages) doc.addPage().font(DEJAVU_SANS).fontSize(12).text(text);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX whose body is the given `w:p` elements (inner XML of `w:body`). */
export function buildDocx(bodyXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      contentTypes('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
    ),
    '_rels/.rels': strToU8(rootRels('word/document.xml')),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${bodyXml}</w:body></w:document>`,
    ),
  });
}

/** A DOCX paragraph of plain runs. */
export function wParagraph(...runs: readonly string[]): string {
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs
    .map((run) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${run}</w:t></w:r>`)
    .join('')}</w:p>`;
}

const S_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** An XLSX with the given shared strings (inner XML of each `si`) and one sheet of cells. */
export function buildXlsx(options: { sharedStrings: readonly string[]; sheetRowsXml: string }): Uint8Array {
  const sst = options.sharedStrings.map((si) => `<si>${si}</si>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      contentTypes(
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
      ),
    ),
    '_rels/.rels': strToU8(rootRels('xl/workbook.xml')),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${S_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${S_NS}" count="${options.sharedStrings.length}">${sst}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${S_NS}"><sheetData>${options.sheetRowsXml}</sheetData></worksheet>`,
    ),
  });
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** An ODT whose body is the given inner XML of `office:text`; `mimetype` first and stored. */
export function buildOdt(textXml: string, options: { mimetypeFirst?: boolean } = {}): Uint8Array {
  const mimetype: Zippable = { mimetype: [strToU8(ODT_MIMETYPE), { level: 0 }] };
  const rest: Zippable = {
    'META-INF/manifest.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
    'content.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">\n' +
        `  <office:body>\n    <office:text>\n${textXml}\n    </office:text>\n  </office:body>\n</office:document-content>`,
    ),
  };
  return zipSync(options.mimetypeFirst === false ? { ...rest, ...mimetype } : { ...mimetype, ...rest });
}

/** A zip that is no Office file at all. */
export function buildPlainZip(): Uint8Array {
  return zipSync({ 'readme.txt': strToU8('Bara en vanlig zip-fil.') });
}

/** The PNG signature and an IHDR chunk header: enough for detection. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** SOI and the start of a JFIF APP0 segment. */
export const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

/** Windows PE executable header ("MZ"). */
export const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

function contentTypes(overrides: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides}</Types>`
  );
}

function rootRels(target: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`
  );
}
