import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSealP12, describeSealP12, loadSealKey } from './certificate.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { sampleProtocol } from '../../../test/support/protocol-pdf-sample.js';
import { protocolDigest } from './protocol.model.js';
import { renderSealedProtocolPdf, sealPdf } from './seal.js';

function run(tool: string, pdf: Buffer, ...args: string[]): { out: string; status: number | null } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-seal-'));
  try {
    const file = path.join(dir, 's.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync(tool, [...args, file], { encoding: 'utf8' });
    return { out: `${r.stdout}${r.stderr}`, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the electronic seal', () => {
  const passphrase = 'sigill-lösen';
  let p12: Buffer;
  before(() => {
    p12 = createSealP12({ name: 'Norrbottens e-nämnd', passphrase });
  });

  test('a self-signed RSA-2048 seal certificate, valid for ten years, with the name in UTF-8', () => {
    const seal = describeSealP12({ p12, passphrase });
    assert.equal(seal.name, 'Norrbottens e-nämnd');
    const years = (seal.notAfter.getTime() - seal.notBefore.getTime()) / (365.25 * 86400_000);
    assert.ok(years > 9.99 && years < 10.01, String(years));
  });

  test('pdfsig finds one valid signature over the whole sealed protocol; pdfinfo sees PDF/A-2a', async () => {
    const doc = sampleProtocol(3);
    const sealed = await renderSealedProtocolPdf(doc, { p12, passphrase }, new Date('2022-12-19T10:00:00Z'));
    const sig = run('pdfsig', sealed);
    assert.match(sig.out, /Signature #1/);
    assert.match(sig.out, /Signature Validation: Signature is Valid/);
    assert.match(sig.out, /Total document signed/);
    assert.match(sig.out, /Common Name: Norrbottens e-nämnd/);
    assert.match(sig.out, /Signature Type: adbe\.pkcs7\.detached/);
    const info = run('pdfinfo', sealed);
    assert.equal(info.status, 0);
    assert.match(info.out, /PDF version:\s+1\.7/);
    const meta = run('pdfinfo', sealed, '-meta');
    assert.match(meta.out, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(meta.out, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    assert.match(spawnSync('pdftotext', ['-', '-'], { input: sealed, encoding: 'utf8' }).stdout, new RegExp(`Signerat, SHA-256 ${protocolDigest(doc)}`));
  });

  test('a changed byte breaks the seal', async () => {
    const sealed = await renderSealedProtocolPdf(sampleProtocol(2), { p12, passphrase });
    const tampered = Buffer.from(sealed);
    // One letter of the document information (inside the signed byte range) is changed.
    const at = tampered.indexOf('/Producer');
    assert.ok(at > 0);
    tampered[at + 1] = 'p'.charCodeAt(0);
    const sig = run('pdfsig', tampered);
    assert.doesNotMatch(sig.out, /Signature is Valid/);
  });

  test('a PDF without a placeholder, or a wrong passphrase, is refused', async () => {
    const plain = await renderProtocolPdf(sampleProtocol(1), {});
    await assert.rejects(sealPdf(plain, p12, passphrase));
    const reserved = await renderProtocolPdf(sampleProtocol(1), { sealReserve: true });
    await assert.rejects(sealPdf(reserved, p12, 'fel'));
  });

  test('the configured seal is created on first use, with a log line, and reused after', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-seal-'));
    try {
      const config = { sealP12Path: path.join(dir, 'data', 'seal.p12'), sealPassphrase: 'x' };
      const lines: string[] = [];
      const first = loadSealKey(config, (m) => lines.push(m));
      assert.ok(existsSync(config.sealP12Path));
      assert.equal(lines.length, 1);
      assert.match(lines[0] ?? '', /självsignerat/);
      const again = loadSealKey(config, (m) => lines.push(m));
      assert.equal(lines.length, 1);
      assert.deepEqual(again.p12, first.p12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
