import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderProtocolPdf, genitive, paragraphRange } from './protocol-pdf.js';
import { sampleProtocol } from './protocol-sample.js';
import { protocolDigest, publicVersion, servedLine } from './protocol.model.js';

function poppler(pdf: Buffer, run: (file: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-pdf-'));
  try {
    const file = path.join(dir, 'p.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const info = (pdf: Buffer, ...args: string[]) => poppler(pdf, (f) => execFileSync('pdfinfo', [...args, f], { encoding: 'utf8' }));
const pagesText = (pdf: Buffer) => poppler(pdf, (f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' })).split('\f').filter((p) => p.trim());

describe('the protocol as PDF/A', () => {
  test('a final protocol: PDF/A-2a, tagged, Swedish, with the header facts, every paragraph and a footer with digest and page numbers on every page', async () => {
    const doc = sampleProtocol(7);
    const digest = protocolDigest(doc);
    const pdf = await renderProtocolPdf(doc, { digest });
    assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
    const meta = info(pdf);
    assert.match(meta, /Title:\s+Protokoll sammanträde e-nämnden 2022-12-14/);
    assert.match(meta, /Tagged:\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(meta)?.[1]);
    assert.ok(pages >= 8, `pages: ${pages}`);
    const xmp = info(pdf, '-meta');
    assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(xmp, /<pdfaid:conformance>A<\/pdfaid:conformance>/);

    const text = pagesText(pdf);
    assert.equal(text.length, pages);
    text.forEach((page, i) => {
      assert.match(page, /Justerandes signatur\/Beslutandes underskrift/, `page ${i + 1}`);
      assert.match(page, /Utdragsbestyrkande/, `page ${i + 1}`);
      assert.match(page, new RegExp(`Sida ${i + 1} av ${pages}`), `page ${i + 1}`);
      assert.ok(page.includes(`Signerat, SHA-256 ${digest}`), `page ${i + 1}: digest`);
    });
    const first = text[0] ?? '';
    for (const s of ['Sammanträdesprotokoll', 'Beslutande', 'Övriga närvarande', 'Justerare', 'Justeringens plats och tid', 'Paragrafer', '§§ 19–25', 'tjänstgörande ersättare för Ledamot Kalix', 'Åsa Öberg (Kalix kommun)']) {
      assert.ok(first.includes(s), `first page: ${s}`);
    }
    const all = text.join('\n').replace(/\s+/g, ' ');
    for (const s of ['§ 19', '§ 25', 'Ärendenr 2022/20-2.4.0.2', 'E-nämndens beslut', '1. godkänna förslaget', 'Sammanfattning av ärendet', 'Sammanträdet', 'Yrkanden', 'Omröstning', 'Resultat: 9 ja, 4 nej, 1 avstår.', 'Reservationer', 'Beslutsunderlag', 'E-NAMND, Hid: 2022.10', 'Beslutet skickas till', 'Beslutsgång', 'Ordföranden ställer Ledamot Piteås yrkande under proposition och finner att e-nämnden bifaller yrkandet.', 'Ordföranden föreslår att återremittera ärendet och finner att e-nämnden avslår förslaget.']) {
      assert.ok(all.includes(s), s);
    }
    // Each paragraph starts on a new page, as in the seed protocol.
    assert.ok(text.some((p) => /^\s*LULEÅ KOMMUN\s+SAMMANTRÄDESPROTOKOLL\s*\n\s*E-nämnden\s+2022-12-14\s*\n\s*§ 20\b/m.test(p)));
  });

  test('a draft carries no digest; the public version names the secrecy provision instead of the content', async () => {
    const doc = sampleProtocol(3, 'draft');
    const secret = doc.paragraphs[1];
    assert.ok(secret);
    secret.secrecyProvision = 'OSL 18 kap. 8 §';
    secret.summary = 'HEMLIG-MARKÖR i sammanfattningen';
    const pdf = await renderProtocolPdf(publicVersion(doc), {});
    const all = pagesText(pdf).join('\n');
    assert.doesNotMatch(all, /Signerat, SHA-256/);
    assert.doesNotMatch(all, /HEMLIG-MARK/);
    assert.match(all, /Utkast – inte justerat/);
    assert.match(all, /omfattas av sekretess enligt OSL 18 kap\. 8 §/);
  });

  test('labels', () => {
    assert.equal(genitive('E-nämnden'), 'E-nämndens');
    assert.equal(genitive('Beredningsgruppens'), 'Beredningsgruppens');
    assert.equal(paragraphRange(sampleProtocol(7)), '§§ 19–25');
    const doc = sampleProtocol(4);
    const ids = doc.paragraphs.map((p) => p.id);
    assert.equal(servedLine(doc, { name: 'A', municipality: 'Boden', role: 'substitute', position: null, servingFor: 'B', paragraphIds: ids }), 'A (Boden), tjänstgörande ersättare för B');
    assert.equal(servedLine(doc, { name: 'A', municipality: 'Boden', role: 'substitute', position: null, servingFor: 'B', paragraphIds: ids.slice(2) }), 'Ersättare A (Boden) tjänstgör för B fr.o.m. § 21');
    assert.equal(servedLine(doc, { name: 'A', municipality: 'Boden', role: 'substitute', position: null, servingFor: 'B', paragraphIds: [ids[1] ?? ''] }), 'Ersättare A (Boden) tjänstgör för B § 20');
    assert.equal(servedLine(doc, { name: 'C', municipality: 'Luleå', role: 'member', position: 'chair', servingFor: null, paragraphIds: ids.slice(1) }), 'C (Luleå), ordförande, § 20–22');
    assert.equal(servedLine(doc, { name: 'C', municipality: 'Luleå', role: 'member', position: null, servingFor: null, paragraphIds: [ids[0] ?? '', ids[1] ?? '', ids[3] ?? ''] }), 'C (Luleå), § 19–20, 22');
  });
});
