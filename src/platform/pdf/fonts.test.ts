/**
 * Every PDF's text reads back as written, whatever the process made before it: a letter met first
 * inside a composed one ("A" in "Å") in one document must still read as itself in the next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPdfaDocument } from './pdfa-document.js';
import { pdfText } from '../../../test/support/pdf-text.js';

async function pdfWith(text: string): Promise<Buffer> {
  const { doc, main, finish } = await createPdfaDocument({ title: 'Test', author: 'Kansli', margins: 56 });
  for (const font of ['regular', 'bold', 'italic']) main.add(doc.struct('P', {}, () => void doc.font(font).fontSize(11).text(text)));
  return finish();
}

test('a document after one with only Å, Ä and Ö reads its A, O, a and o back', async () => {
  const composed = await pdfWith('ÅÄÖ åäö');
  assert.match(pdfText(composed), /ÅÄÖ åäö/);
  const plain = 'PROTOKOLL Sammanträdesprotokoll SHA-256 Ordförande';
  const text = pdfText(await pdfWith(plain));
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) assert.equal(line.trim(), plain);
});
