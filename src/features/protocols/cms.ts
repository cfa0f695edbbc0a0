/**
 * CMS SignedData (RFC 5652) as PAdES and RFC 3161 want it, written with node-forge's ASN.1 and
 * signed by Node: SHA-256, RSA PKCS#1 v1.5, the signed attributes content-type, message-digest
 * and ESS signing-certificate-v2 (RFC 5035; ETSI EN 319 122-1 5.2.2.3), and no signing-time
 * (ETSI EN 319 142-1 5.2.3: in PAdES the time is the signature dictionary's /M). Unsigned
 * attributes carry a signature time-stamp (B-T).
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

const seq = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, sortedDer(items));
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (value: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nullValue = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const context = (tag: number, items: Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);

/** DER bytes of an ASN.1 value. */
export const der = (value: Asn1): Buffer => Buffer.from(asn1.toDer(value).getBytes(), 'binary');
export const fromDer = (bytes: Buffer): Asn1 => asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
export const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** DER's SET OF: elements in the order of their encodings (X.690 11.6). */
function sortedDer(items: Asn1[]): Asn1[] {
  return items.map((item) => ({ item, bytes: der(item) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map((x) => x.item);
}

const sha256Algorithm = () => seq([oid(OID.sha256), nullValue()]);
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

/** The certificate as DER, as it is embedded (forge writes it from its fields). */
export const certificateDer = (certificate: forge.pki.Certificate): Buffer => der(forge.pki.certificateToAsn1(certificate));

function issuerAndSerial(certificate: forge.pki.Certificate): Asn1[] {
  const tbs = fromDer(certificateDer(certificate)).value[0] as Asn1;
  const fields = tbs.value as Asn1[];
  // TBSCertificate: [0] version, serialNumber, signature, issuer, …
  const offset = (fields[0] as Asn1).tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return [fields[offset + 2] as Asn1, fields[offset] as Asn1];
}

/** ESS signing-certificate-v2: the signer's certificate by its SHA-256 and issuer/serial (RFC 5035). */
function signingCertificateV2(certificate: forge.pki.Certificate): Asn1 {
  const [issuer, serial] = issuerAndSerial(certificate) as [Asn1, Asn1];
  const generalNames = seq([context(4, [issuer])]);
  const essCertIdV2 = seq([octets(sha256(certificateDer(certificate))), seq([generalNames, serial])]);
  return seq([seq([essCertIdV2])]);
}

export interface SignedDataInput {
  /** The signer's certificate and the others to embed (chain). */
  certificate: forge.pki.Certificate;
  certificates: forge.pki.Certificate[];
  key: KeyObject;
  /** The content type of what is signed (id-data for a PDF, id-ct-TSTInfo for a time-stamp token). */
  contentType: string;
  /** The signed content, embedded (RFC 3161) … */
  content?: Buffer;
  /** … or, detached (PAdES), its SHA-256. */
  contentDigest?: Buffer;
  /** A function that time-stamps the signature value (B-T); the token becomes an unsigned attribute. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

/** A CMS ContentInfo holding SignedData with one signer. */
export async function createSignedData(input: SignedDataInput): Promise<Buffer> {
  const digest = input.contentDigest ?? sha256(input.content ?? Buffer.alloc(0));
  const signedAttributes = [
    attribute(OID.contentType, oid(input.contentType)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.certificate)),
  ];
  // The signature is over the DER of the attributes as a SET OF (RFC 5652 5.4), sent as [0] IMPLICIT.
  const signature = sign('sha256', der(set(signedAttributes)), input.key);
  const signerFields: Asn1[] = [
    integer(1),
    seq(issuerAndSerial(input.certificate)),
    sha256Algorithm(),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, sortedDer(signedAttributes)),
    seq([oid(OID.rsaEncryption), nullValue()]),
    octets(signature),
  ];
  if (input.timestamp) {
    const token = fromDer(await input.timestamp(signature));
    signerFields.push(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [attribute(OID.signatureTimeStampToken, token)]));
  }
  const encapsulated = input.content ? seq([oid(input.contentType), context(0, [octets(input.content)])]) : seq([oid(input.contentType)]);
  // Version 3 when the encapsulated content is not id-data (RFC 5652 5.1).
  const version = input.contentType === OID.data ? 1 : 3;
  const chain = [input.certificate, ...input.certificates.filter((c) => c !== input.certificate)];
  const signedData = seq([
    integer(version),
    set([sha256Algorithm()]),
    encapsulated,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, chain.map((c) => forge.pki.certificateToAsn1(c))),
    set([seq(signerFields)]),
  ]);
  return der(seq([oid(OID.signedData), context(0, [signedData])]));
}

/** The SignerInfo's signature value and unsigned attributes of a CMS SignedData (for checks and tests). */
export function readSignerInfo(cms: Buffer): { signature: Buffer; signedAttributeTypes: string[]; unsignedAttributes: Map<string, Buffer> } {
  const signedData = ((fromDer(cms).value[1] as Asn1).value as Asn1[])[0] as Asn1;
  const parts = signedData.value as Asn1[];
  const signerInfos = parts[parts.length - 1] as Asn1;
  const signer = (signerInfos.value as Asn1[])[0] as Asn1;
  const fields = signer.value as Asn1[];
  const typeOf = (attr: Asn1) => asn1.derToOid(forge.util.createBuffer(((attr.value as Asn1[])[0] as Asn1).value as string));
  const signed = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
  const unsigned = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 1);
  const signatureField = fields.find((f) => f.tagClass === asn1.Class.UNIVERSAL && f.type === asn1.Type.OCTETSTRING);
  const unsignedAttributes = new Map<string, Buffer>();
  for (const attr of (unsigned?.value as Asn1[] | undefined) ?? []) {
    unsignedAttributes.set(typeOf(attr), der(((attr.value as Asn1[])[1] as Asn1).value[0] as Asn1));
  }
  return {
    signature: Buffer.from((signatureField?.value as string | undefined) ?? '', 'binary'),
    signedAttributeTypes: ((signed?.value as Asn1[] | undefined) ?? []).map(typeOf),
    unsignedAttributes,
  };
}
