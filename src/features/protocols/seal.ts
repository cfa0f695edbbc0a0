import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SignPdf, Signer } from '@signpdf/signpdf';
import type { Config } from '../../platform/config/config.js';
import { loadSealKey, type SealKey } from './certificate.js';
import { protocolDigest, type ProtocolDocument } from './protocol.model.js';
import { renderProtocolPdf, type PdfSignature } from './protocol-pdf.js';

// DigestInfo prefix for SHA-256 (RFC 8017 9.2): the RSASSA-PKCS1-v1_5 signature is over prefix ‖ digest.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

interface ParsedSeal {
  certificates: forge.pki.Certificate[];
  certificate: forge.pki.Certificate;
  key: KeyObject;
}

/**
 * Like @signpdf/signer-p12's P12Signer (the same CMS: adbe.pkcs7.detached, SHA-256, with
 * contentType, signingTime and messageDigest signed), with two differences: names in UTF-8
 * (a seal "Norrbottens e-nämnd") survive — forge reads a UTF8String raw and encodes it again
 * when it writes the certificate, which breaks the signature — and the RSA operation is Node's,
 * which is some ten times faster than forge's. The PKCS#12 file is read once per key.
 */
export class SealSigner extends Signer {
  private static cache = new WeakMap<Buffer, Map<string, ParsedSeal>>();
  private readonly seal: ParsedSeal;

  constructor(p12: Buffer, passphrase: string) {
    super();
    let byPass = SealSigner.cache.get(p12);
    if (!byPass) SealSigner.cache.set(p12, (byPass = new Map()));
    let parsed = byPass.get(passphrase);
    if (!parsed) byPass.set(passphrase, (parsed = parseP12(p12, passphrase)));
    this.seal = parsed;
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const cert of this.seal.certificates) p7.addCertificate(cert);
    const nodeKey = this.seal.key;
    const key = {
      sign(md: forge.md.MessageDigest): string {
        const digest = Buffer.from(md.digest().getBytes(), 'binary');
        return privateEncrypt({ key: nodeKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest])).toString('binary');
      },
    };
    p7.addSigner({
      key: key as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.seal.certificate,
      digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime ?? '', value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest ?? '' },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

function parseP12(p12: Buffer, passphrase: string): ParsedSeal {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag ?? '' })[forge.pki.oids.certBag ?? ''] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const keyBag =
    parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag ?? '' })[forge.pki.oids.pkcs8ShroudedKeyBag ?? '']?.[0] ??
    parsed.getBags({ bagType: forge.pki.oids.keyBag ?? '' })[forge.pki.oids.keyBag ?? '']?.[0];
  const privateKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Error('Sigillfilen saknar nyckel. / The seal file has no private key.');
  for (const cert of certificates) for (const attr of [...cert.subject.attributes, ...cert.issuer.attributes]) fixUtf8(attr);
  const certificate = certificates.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(privateKey.n) === 0 && pub.e.compareTo(privateKey.e) === 0;
  });
  if (!certificate) throw new Error('Sigillfilen saknar certifikat för nyckeln. / The seal file has no certificate for its key.');
  return { certificates, certificate, key: createPrivateKey(forge.pki.privateKeyToPem(privateKey)) };
}

/** forge keeps a parsed UTF8String as its UTF-8 bytes but encodes it again on writing: decode it once. */
function fixUtf8(attr: forge.pki.CertificateField): void {
  if (attr.valueTagClass === UTF8 && typeof attr.value === 'string') attr.value = forge.util.decodeUtf8(attr.value);
}

/**
 * Seal a PDF made with a signature placeholder (renderProtocolPdf with sealReserve): a detached
 * CMS signature (PAdES baseline form adbe.pkcs7.detached) over the whole file with the seal.
 */
export async function sealPdf(pdf: Buffer, p12: Buffer, passphrase: string, signingTime?: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new SealSigner(p12, passphrase), signingTime);
}

/** Render a final protocol with its digest on every page and seal it. */
export async function renderSealedProtocolPdf(doc: ProtocolDocument, key: SealKey, signingTime?: Date, signatures?: PdfSignature[]): Promise<Buffer> {
  const pdf = await renderProtocolPdf(doc, { sealReserve: true, digest: protocolDigest(doc), ...(signatures ? { signatures } : {}) });
  return sealPdf(pdf, key.p12, key.passphrase, signingTime);
}

/** For the protocol service: seals with the configured key, read (or created) on first use. */
export function createProtocolSealer(config: Pick<Config, 'sealP12Path' | 'sealPassphrase'>, log?: (message: string) => void) {
  let key: SealKey | undefined;
  const sealKey = (): SealKey => (key ??= loadSealKey(config, log));
  return {
    key: sealKey,
    seal: (doc: ProtocolDocument, signingTime?: Date, signatures?: PdfSignature[]): Promise<Buffer> => renderSealedProtocolPdf(doc, sealKey(), signingTime, signatures),
  };
}
