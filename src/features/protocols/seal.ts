import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SignPdf, Signer } from '@signpdf/signpdf';
import type { SealKey } from './certificate.js';
import { sealLevelOf, type SealedProtocolFiles, type SealOptions } from './protocol-sealer.js';
import { createSignedData, OID, sha256 } from './cms.js';
import { protocolDigest, publicVersion, type ProtocolDocument } from './protocol.model.js';
import { renderProtocolPdf, type PdfSignature } from './protocol-pdf.js';
import { requestTimestamp } from './timestamp.js';

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

interface ParsedSeal {
  certificates: forge.pki.Certificate[];
  certificate: forge.pki.Certificate;
  key: KeyObject;
}

/**
 * The committee's seal as a @signpdf Signer: a detached CAdES signature (cms.ts) over the PDF's
 * byte ranges, time-stamped when a TSA is configured. Names in UTF-8 (a seal "Norrbottens
 * e-nämnd") survive: forge reads a UTF8String raw and would encode it again on writing the
 * certificate. The PKCS#12 file is read once per key.
 */
export class SealSigner extends Signer {
  private static cache = new WeakMap<Buffer, Map<string, ParsedSeal>>();
  private readonly seal: ParsedSeal;

  constructor(
    p12: Buffer,
    passphrase: string,
    private readonly options: SealOptions = {},
  ) {
    super();
    let byPass = SealSigner.cache.get(p12);
    if (!byPass) SealSigner.cache.set(p12, (byPass = new Map()));
    let parsed = byPass.get(passphrase);
    if (!parsed) byPass.set(passphrase, (parsed = parseP12(p12, passphrase)));
    this.seal = parsed;
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const { tsaUrl } = this.options;
    return createSignedData({
      certificate: this.seal.certificate,
      certificates: this.seal.certificates,
      key: this.seal.key,
      contentType: OID.data,
      contentDigest: sha256(pdf),
      ...(tsaUrl ? { timestamp: (signature: Buffer) => requestTimestamp(tsaUrl, signature) } : {}),
    });
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
 * Seal a PDF made with a signature placeholder (renderProtocolPdf with sealReserve): PAdES
 * baseline B-B (SubFilter ETSI.CAdES.detached, signing-certificate-v2), B-T with a TSA.
 */
export async function sealPdf(pdf: Buffer, key: SealKey, options: SealOptions = {}): Promise<Buffer> {
  return new SignPdf().sign(pdf, new SealSigner(key.p12, key.passphrase, options));
}

/** Render a final protocol with its digest on every page and seal it. */
export async function renderSealedProtocolPdf(doc: ProtocolDocument, key: SealKey, options: SealOptions & { signingTime?: Date; signatures?: PdfSignature[] } = {}): Promise<Buffer> {
  const pdf = await renderProtocolPdf(doc, { sealReserve: true, digest: protocolDigest(doc), ...(options.signingTime ? { signingTime: options.signingTime } : {}), ...(options.signatures ? { signatures: options.signatures } : {}) });
  return sealPdf(pdf, key, options);
}


/**
 * Render and seal both files of a final protocol once. The public version prints the digest of
 * the full protocol (what the signers signed), so a reader of either can check it at /verifiera.
 */
export async function renderSealedProtocolFiles(
  doc: ProtocolDocument,
  key: SealKey,
  options: SealOptions & { signingTime?: Date; digest?: string; signatures?: PdfSignature[] } = {},
): Promise<SealedProtocolFiles> {
  const digest = options.digest ?? protocolDigest(doc);
  const time = { ...(options.signingTime ? { signingTime: options.signingTime } : {}), ...(options.signatures ? { signatures: options.signatures } : {}) };
  const fullPdf = await renderProtocolPdf(doc, { sealReserve: true, digest, ...time });
  const publicPdf = await renderProtocolPdf(publicVersion(doc), {
    sealReserve: true,
    digest,
    sealReason: `Fastställt protokoll ${doc.bodyName} ${doc.meetingDate}, offentlig version`,
    ...time,
  });
  return { full: await sealPdf(fullPdf, key, options), public: await sealPdf(publicPdf, key, options), level: sealLevelOf(options) };
}
