/**
 * A small RFC 3161 time-stamping authority on 127.0.0.1 for tests: its own self-signed
 * certificate (extended key usage timeStamping), one policy, and a token per request with the
 * request's imprint and nonce, signed as CMS SignedData over a TSTInfo.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { createSignedData, der, fromDer, OID } from '../../src/features/protocols/cms.js';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const TSA_POLICY = '1.3.6.1.4.1.99999.1.1';

export interface LocalTsa {
  url: string;
  /** The TSA's certificate as PEM, for `openssl ts -verify -CAfile`. */
  certificatePem: string;
  /** How many tokens it has issued. */
  issued: () => number;
  close(): Promise<void>;
}

function tsaCertificate(): { certificate: forge.pki.Certificate; key: ReturnType<typeof createPrivateKey> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000 * 365);
  const subject = [
    { name: 'commonName', value: 'Kansli test TSA' },
    { name: 'countryName', value: 'SE' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', critical: true, timeStamping: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  return { certificate, key: privateKey };
}

/** Start the TSA; close it with `close()`. */
export async function startLocalTsa(): Promise<LocalTsa> {
  const { certificate, key } = tsaCertificate();
  let serial = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      void (async () => {
        try {
          const req = fromDer(Buffer.concat(chunks)).value as Asn1[];
          const imprint = req[1] as Asn1;
          const nonce = req.find((f, i) => i > 1 && f.type === asn1.Type.INTEGER);
          serial += 1;
          const tstInfo = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(TSA_POLICY).getBytes()),
            imprint,
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(serial).getBytes()),
            asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(new Date())),
            ...(nonce ? [nonce] : []),
          ]);
          const token = await createSignedData({ certificate, certificates: [], key, contentType: OID.tstInfo, content: der(tstInfo) });
          const granted = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(0).getBytes())]);
          const reply = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [granted, fromDer(token)]));
          response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
        } catch (error) {
          response.writeHead(400).end(String(error));
        }
      })();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certificatePem: forge.pki.certificateToPem(certificate),
    issued: () => serial,
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}
