/**
 * An RFC 3161 time-stamp client: asks the configured time-stamping authority (KANSLI_TSA_URL)
 * for a token over the SHA-256 of a seal's signature value, for PAdES baseline B-T.
 */
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { der, fromDer, OID, sha256 } from './cms.js';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const TIMEOUT_MS = 20_000;

export class TimestampError extends Error {}

/** TimeStampReq (RFC 3161 2.4.1): version 1, SHA-256 message imprint, a nonce, and the TSA's certificate asked for. */
export function timestampRequest(imprint: Buffer, nonce: Buffer): Buffer {
  return der(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.sha256).getBytes()),
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
        ]),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, imprint.toString('binary')),
      ]),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, nonce.toString('binary')),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );
}

/** The TSTInfo inside a token: its message imprint and nonce, to check against the request. */
function tstInfoOf(token: Asn1): { imprint: Buffer; nonce: Buffer | null } {
  const signedData = ((token.value as Asn1[])[1] as Asn1).value[0] as Asn1;
  const encapsulated = (signedData.value as Asn1[])[2] as Asn1;
  const eContentType = asn1.derToOid(forge.util.createBuffer(((encapsulated.value as Asn1[])[0] as Asn1).value as string));
  if (eContentType !== OID.tstInfo) throw new TimestampError('the token holds no TSTInfo');
  const octetString = ((encapsulated.value as Asn1[])[1] as Asn1).value[0] as Asn1;
  // The OCTET STRING may be constructed (BER): join its parts.
  const bytes = Array.isArray(octetString.value) ? (octetString.value as Asn1[]).map((p) => p.value as string).join('') : (octetString.value as string);
  const info = (fromDer(Buffer.from(bytes, 'binary')).value as Asn1[]) ?? [];
  const imprint = ((info[2] as Asn1).value as Asn1[])[1] as Asn1;
  const nonce = info.find((f, i) => i > 4 && f.tagClass === asn1.Class.UNIVERSAL && f.type === asn1.Type.INTEGER);
  return { imprint: Buffer.from(imprint.value as string, 'binary'), nonce: nonce ? Buffer.from(nonce.value as string, 'binary') : null };
}

/**
 * A time-stamp token (a CMS ContentInfo, DER) over `data` from the TSA at `url`. Refused when the
 * TSA does not grant it or answers for another imprint or nonce.
 */
export async function requestTimestamp(url: string, data: Buffer): Promise<Buffer> {
  const imprint = sha256(data);
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] ?? 0) & 0x7f;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampRequest(imprint, nonce)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new TimestampError(`the time-stamping service ${url} did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new TimestampError(`the time-stamping service ${url} answered HTTP ${response.status}`);
  const reply = fromDer(Buffer.from(await response.arrayBuffer()));
  const [statusInfo, token] = reply.value as Asn1[];
  const status = asn1.derToInteger(forge.util.createBuffer(((statusInfo?.value as Asn1[])[0] as Asn1).value as string));
  // PKIStatus granted (0) or grantedWithMods (1).
  if ((status !== 0 && status !== 1) || !token) throw new TimestampError(`the time-stamping service ${url} refused the request (status ${status})`);
  const info = tstInfoOf(token);
  if (!info.imprint.equals(imprint)) throw new TimestampError('the time-stamp token is for another message');
  if (!info.nonce || !stripZeros(info.nonce).equals(stripZeros(nonce))) throw new TimestampError('the time-stamp token has another nonce');
  return der(token);
}

const stripZeros = (bytes: Buffer) => {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i += 1;
  return bytes.subarray(i);
};
