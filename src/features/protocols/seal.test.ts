import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSealP12, describeSealP12, loadSealKey } from './certificate.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { sampleProtocol } from './protocol-sample.js';
import { protocolDigest } from './protocol.model.js';
import { renderSealedProtocolPdf, sealPdf } from './seal.js';
import { createProtocolSealer } from './protocol-sealer.js';
import { OID, readSignerInfo, sha256 } from './cms.js';
import { startLocalTsa, type LocalTsa } from '../../../test/support/local-tsa.js';

const HAS_PDFSIG = spawnSync('pdfsig', ['-v']).status === 0;
const NO_PDFSIG = HAS_PDFSIG ? false : 'pdfsig (poppler-utils) is not installed: apt-get install -y poppler-utils';
const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

/** The CMS signature in a sealed PDF: the /Contents between the two byte ranges, without the zero padding. */
function embeddedCms(pdf: Buffer): Buffer {
  const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/.exec(pdf.toString('latin1'));
  assert.ok(range, 'a ByteRange');
  const bytes = Buffer.from(pdf.subarray(Number(range[2]) + 1, Number(range[3]) - 1).toString('latin1'), 'hex');
  // DER: a SEQUENCE with a long-form length.
  const lengthBytes = (bytes[1] ?? 0) & 0x7f;
  const length = bytes.subarray(2, 2 + lengthBytes).reduce((n, b) => n * 256 + b, 0);
  return bytes.subarray(0, 2 + lengthBytes + length);
}

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

  test('PAdES B-B: pdfsig finds one valid ETSI.CAdES.detached signature over the whole protocol; pdfinfo sees PDF/A-2a', { skip: NO_PDFSIG }, async () => {
    const doc = sampleProtocol(3);
    const sealed = await renderSealedProtocolPdf(doc, { p12, passphrase }, { signingTime: new Date('2022-12-19T10:00:00Z') });
    const sig = run('pdfsig', sealed);
    assert.match(sig.out, /Signature #1/);
    assert.match(sig.out, /Signature Validation: Signature is Valid/);
    assert.match(sig.out, /Total document signed/);
    assert.match(sig.out, /Common Name: Norrbottens e-nämnd/);
    assert.match(sig.out, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(sig.out, /Signing Time: Dec 19 2022/);
    const signer = readSignerInfo(embeddedCms(sealed));
    // Baseline B-B: signing-certificate-v2 signed, no signing-time in the CMS, no time-stamp.
    assert.deepEqual(new Set(signer.signedAttributeTypes), new Set([OID.contentType, OID.messageDigest, OID.signingCertificateV2]));
    assert.equal(signer.unsignedAttributes.size, 0);
    const info = run('pdfinfo', sealed);
    assert.equal(info.status, 0);
    assert.match(info.out, /PDF version:\s+1\.7/);
    const meta = run('pdfinfo', sealed, '-meta');
    assert.match(meta.out, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(meta.out, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    assert.match(spawnSync('pdftotext', ['-', '-'], { input: sealed, encoding: 'utf8' }).stdout, new RegExp(`Signerat, SHA-256 ${protocolDigest(doc)}`));
  });

  test('a changed byte breaks the seal', { skip: NO_PDFSIG }, async () => {
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
    await assert.rejects(sealPdf(plain, { p12, passphrase }));
    const reserved = await renderProtocolPdf(sampleProtocol(1), { sealReserve: true });
    await assert.rejects(sealPdf(reserved, { p12, passphrase: 'fel' }));
    await assert.rejects(sealPdf(reserved, { p12, passphrase }, { tsaUrl: 'http://127.0.0.1:9/ingen-tsa' }), /did not answer/);
  });

  describe('PAdES B-T against a local time-stamping authority', () => {
    let tsa: LocalTsa;
    before(async () => {
      tsa = await startLocalTsa();
    });
    after(() => tsa.close());

    test('the seal carries an RFC 3161 token over its signature value; pdfsig validates the signature and openssl the token', { skip: NO_PDFSIG }, async () => {
      const sealed = await renderSealedProtocolPdf(sampleProtocol(2), { p12, passphrase }, { tsaUrl: tsa.url });
      assert.equal(tsa.issued(), 1);
      const sig = run('pdfsig', sealed);
      assert.match(sig.out, /Signature Validation: Signature is Valid/);
      assert.match(sig.out, /Signature Type: ETSI\.CAdES\.detached/);
      assert.match(sig.out, /Total document signed/);
      const signer = readSignerInfo(embeddedCms(sealed));
      const token = signer.unsignedAttributes.get(OID.signatureTimeStampToken);
      assert.ok(token, 'a signature-time-stamp unsigned attribute');
      if (!HAS_OPENSSL) return;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-tsa-'));
      try {
        writeFileSync(path.join(dir, 'token.der'), token);
        writeFileSync(path.join(dir, 'tsa.pem'), tsa.certificatePem);
        const digest = sha256(signer.signature).toString('hex');
        const ok = spawnSync('openssl', ['ts', '-verify', '-digest', digest, '-token_in', '-in', path.join(dir, 'token.der'), '-CAfile', path.join(dir, 'tsa.pem')], { encoding: 'utf8' });
        assert.match(`${ok.stdout}${ok.stderr}`, /Verification: OK/);
        const other = sha256(Buffer.from('något annat')).toString('hex');
        const bad = spawnSync('openssl', ['ts', '-verify', '-digest', other, '-token_in', '-in', path.join(dir, 'token.der'), '-CAfile', path.join(dir, 'tsa.pem')], { encoding: 'utf8' });
        assert.doesNotMatch(`${bad.stdout}${bad.stderr}`, /Verification: OK/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
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

  test('warming up makes the seal that is missing, and the sealer then seals with it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-seal-'));
    try {
      const config = { sealP12Path: path.join(dir, 'data', 'seal.p12'), sealPassphrase: 'x', tsaUrl: undefined };
      const lines: string[] = [];
      const sealer = createProtocolSealer(config, (m) => lines.push(m));
      await sealer.warmUp();
      assert.ok(existsSync(config.sealP12Path), 'the seal exists before any signature');
      assert.equal(lines.length, 1);
      const files = await sealer.sealProtocol(sampleProtocol(1));
      assert.equal(files.level, 'PAdES-B-B');
      for (const pdf of [files.full, files.public]) assert.match(pdf.toString('latin1'), /\/SubFilter \/ETSI\.CAdES\.detached/);
      assert.equal(lines.length, 1, 'the seal is read once');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a seal that cannot be made is tried again on the next sealing, not remembered as failed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-seal-'));
    try {
      // The seal's folder is a file at first: the seal cannot be written.
      const blocked = path.join(dir, 'data');
      writeFileSync(blocked, 'not a folder');
      const config = { sealP12Path: path.join(blocked, 'seal.p12'), sealPassphrase: 'x', tsaUrl: undefined };
      const sealer = createProtocolSealer(config, () => {});
      await assert.rejects(sealer.key());
      rmSync(blocked);
      assert.ok((await sealer.key()).p12.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
