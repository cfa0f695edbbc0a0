import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { Config } from '../../platform/config/config.js';

/** The committee's electronic seal: a PKCS#12 file with an RSA key and its certificate. */
export interface SealKey {
  p12: Buffer;
  passphrase: string;
}

export const DEFAULT_SEAL_NAME = 'Kansli e-sigill';

/**
 * A self-signed RSA-2048 seal certificate, valid for `years` years, as PKCS#12 (3DES, SHA-256
 * certificate signature). The key is made by Node (fast, native); forge writes the certificate.
 */
export function createSealP12(options: { name: string; passphrase: string; years?: number; now?: Date }): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const pub = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  // A positive serial: 16 random bytes with the high bit cleared.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = options.now ?? new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setFullYear(now.getFullYear() + (options.years ?? 10));
  // UTF8String, so that å, ä and ö survive (forge encodes the value itself).
  const utf8 = { value: options.name, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
  const subject = [
    { name: 'commonName', ...utf8 },
    { name: 'organizationName', ...utf8 },
    { name: 'countryName', value: 'SE' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.passphrase, { algorithm: '3des', friendlyName: options.name });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** The subject's common name and validity of a seal, for messages and the verification page. */
export function describeSealP12(key: SealKey): { name: string; notBefore: Date; notAfter: Date } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(key.p12.toString('binary')), false, key.passphrase);
  const certBag = forge.pki.oids.certBag ?? '';
  const bag = p12.getBags({ bagType: certBag })[certBag]?.[0];
  const cert = bag?.cert;
  if (!cert) throw new Error('Sigillfilen saknar certifikat. / The seal file has no certificate.');
  const cn = cert.subject.getField('CN') as { value?: string; valueTagClass?: number } | null;
  // forge keeps a parsed UTF8String as its UTF-8 bytes.
  const raw = String(cn?.value ?? '');
  return { name: cn?.valueTagClass === (forge.asn1.Type.UTF8 as number) ? forge.util.decodeUtf8(raw) : raw, notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter };
}

/** Write a new seal file (refuses to overwrite one). */
export function writeSealP12(file: string, options: { name: string; passphrase: string; years?: number }): void {
  if (existsSync(file)) throw new Error(`Filen ${file} finns redan. / ${file} already exists.`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, createSealP12(options), { mode: 0o600 });
}

/**
 * The configured seal (KANSLI_SEAL_P12, KANSLI_SEAL_PASSPHRASE). When the file is missing it is
 * created, self-signed, on first use, and a line says so: replace it with the committee's own
 * seal certificate in production.
 */
export function loadSealKey(config: Pick<Config, 'sealP12Path' | 'sealPassphrase'>, log: (message: string) => void = (m) => console.warn(m)): SealKey {
  const file = config.sealP12Path;
  if (!existsSync(file)) {
    writeSealP12(file, { name: DEFAULT_SEAL_NAME, passphrase: config.sealPassphrase });
    log(`Inget e-sigill fanns; ett självsignerat skapades i ${file}. / No seal found; a self-signed one was created at ${file}.`);
  }
  return { p12: readFileSync(file), passphrase: config.sealPassphrase };
}
