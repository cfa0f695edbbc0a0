/**
 * Uploads cannot stall the app (issue 15): a zip-bomb DOCX and a 3,000-page PDF are stored, their
 * text is refused or cut short with a message to the registrar, and other requests are answered
 * while the text is being read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import { documentFiles } from './registry.tables.js';
import { buildPdf } from '../../../test/support/file-fixtures.js';
import { sharedTextExtractor } from './files/extract-isolated.js';
import { MAX_PDF_PAGES } from './files/text-extraction.js';

/** A DOCX whose word/document.xml unpacks to `megabytes` MB of paragraphs: a few hundred kB on disk. */
export function buildZipBombDocx(megabytes: number): Uint8Array {
  const paragraph = '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>';
  const body = paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length));
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

describe('uploads that would stall the app', () => {
  let t: TestContext;
  let secretary: TestClient;
  let caseId = '';
  const docFields = { direction: 'incoming', documentDate: '2026-03-02', counterpart: 'Okänd avsändare', description: 'Inkommen bilaga', secrecy: 'public', securityClass: 'Öppen' };

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-03-02T09:00:00Z'), config: { maxFileBytes: 50 * 1024 * 1024 } });
    const org = await buildCommittee(t.services, { name: 'Uppladdningsnämnden' });
    secretary = await signedInAs(t, org.committee.id, ['secretary']);
    await secretary.post(`/klassificering/${org.committee.slug}/import`, { csv: 'kod;rubrik;gallring\n2.4.0.2;Ekonomisk uppföljning;Bevaras\n' });
    const created = await secretary.post('/arenden/nytt', { organisation: org.committee.slug, title: 'Bilagor', classificationCode: '2.4.0.2', responsiblePersonId: '' });
    caseId = String(created.headers.location).split('/').pop() ?? '';
  });
  after(() => t.close());

  async function storedFile(documentPage: string) {
    const fileId = /href="\/filer\/([0-9a-f-]{36})"/.exec(documentPage)?.[1] ?? '';
    const [row] = await t.services.database.db.select().from(documentFiles).where(eq(documentFiles.id, fileId));
    return { fileId, row };
  }

  test('a zip-bomb DOCX is stored as received, its text refused with a message, within the time of a normal upload', async () => {
    const bomb = buildZipBombDocx(120);
    assert.ok(bomb.length < 2 * 1024 * 1024, 'the bomb is small on disk');
    const response = await secretary.postMultipart(`/arenden/${caseId}/ny-handling`, docFields, { file: { name: 'bilaga.docx', bytes: bomb } });
    assert.equal(response.statusCode, 302, response.body.slice(0, 500));
    const page = await secretary.get(`/arenden/${caseId}`);
    assert.match(page.body, /är registrerad/);
    assert.match(page.body, /dess text lästes inte: den packas upp till mer än 32 MB/);
    const { fileId, row } = await storedFile(page.body);
    assert.equal(row?.size, bomb.length, 'the file itself is kept');
    assert.match(row?.textContent ?? '', /^\[Texten lästes inte/, 'the search text says why it is missing');
    const download = await secretary.get(`/filer/${fileId}`);
    assert.equal(download.rawPayload.length, bomb.length);
  });

  test('a 3,000-page PDF is cut short after its first pages, marked, and other requests are answered meanwhile', async () => {
    const pages = Array.from({ length: 3000 }, (_, i) => `Sidan nummer ${i + 1} av bilagan`);
    const pdf = await buildPdf(pages);
    const extractor = sharedTextExtractor();
    let uploadDone = false;
    const upload = secretary.postMultipart(`/arenden/${caseId}/ny-handling`, { ...docFields, description: 'Tjock bilaga' }, { file: { name: 'tjock.pdf', bytes: pdf } }).finally(() => {
      uploadDone = true;
    });
    // Wait until the worker is reading the file, then ask for a page that needs the database.
    while (extractor.running() === 0 && !uploadDone) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(uploadDone, false, 'the upload is still being read');
    const other = await new TestClient(t.app).get('/diarium');
    assert.equal(other.statusCode, 200);
    assert.equal(uploadDone, false, 'another request is answered while the upload is in progress');

    const response = await upload;
    assert.equal(response.statusCode, 302, response.body.slice(0, 500));
    const flash = /<p class="flash" role="status">([^<]*)<\/p>/.exec((await secretary.get(`/arenden/${caseId}`)).body)?.[1] ?? '';
    // Cut at the page limit, or at the time limit on a slow machine: either way stored and said so.
    assert.match(flash, new RegExp(`Filen sparades\\. (Den har fler än ${MAX_PDF_PAGES} sidor; bara de första ${MAX_PDF_PAGES} är sökbara|Att läsa dess text tog för lång tid)`));
    const texts = (await t.services.database.db.select().from(documentFiles)).map((f) => f.textContent).filter((text) => text.includes('Sidan nummer'));
    assert.equal(texts.length, 1);
    const text = texts[0] ?? '';
    assert.ok(text.startsWith('Sidan nummer 1 av bilagan'), 'the first page is searchable');
    assert.ok(!text.includes(`Sidan nummer ${MAX_PDF_PAGES + 1} av bilagan`), 'nothing past the page limit is read');
    assert.match(text, /\n\[Texten är avkortad: [^\]]+\]$/, 'the search text is marked as cut short');
  });
});
