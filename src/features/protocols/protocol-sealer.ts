/**
 * The committee's seal as the protocol services use it: one per process (services.sealer). The
 * seal's code (node-forge, @signpdf, the CMS and time-stamp clients in seal.ts, cms.ts,
 * timestamp.ts, certificate.ts) is loaded on the first sealing or warm-up, not at start.
 */
import type { Config } from '../../platform/config/config.js';
import { warmUpPdf } from '../../platform/pdf/pdfa-document.js';
import type { SealKey } from './certificate.js';
import type { ProtocolDocument } from './protocol.model.js';
import type { PdfSignature } from './protocol-pdf.js';

/**
 * The level of the PAdES signature (ETSI EN 319 142-1): B-B is the seal alone, B-T adds an RFC 3161
 * time-stamp over the signature from a time-stamping authority. `adbe.pkcs7.detached` marks a
 * seal made before Kansli wrote PAdES baseline signatures (kept as it was).
 */
export type SealLevel = 'PAdES-B-B' | 'PAdES-B-T' | 'adbe.pkcs7.detached';

export interface SealOptions {
  /** The RFC 3161 time-stamping service (KANSLI_TSA_URL): with it the seal is B-T. */
  tsaUrl?: string | undefined;
}

/** Both files of a final protocol, each sealed: the full original and the public version. */
export interface SealedProtocolFiles {
  full: Buffer;
  public: Buffer;
  level: SealLevel;
}

/** The level a seal made with these options has. */
export const sealLevelOf = (options: SealOptions): SealLevel => (options.tsaUrl ? 'PAdES-B-T' : 'PAdES-B-B');

/** How many times the warm-up seals the sample protocol (both files each time). */
export const WARM_UP_SEALINGS = 2;

/** For the protocol services: seals with the configured key (read or created on first use) and TSA. */
export function createProtocolSealer(config: Pick<Config, 'sealP12Path' | 'sealPassphrase' | 'tsaUrl'>, log?: (message: string) => void) {
  let key: Promise<SealKey> | undefined;
  // A seal that cannot be read or made (a folder without write access) is tried again on the next
  // sealing, once the administrator has fixed it, rather than failing until the server restarts.
  const sealKey = (): Promise<SealKey> =>
    (key ??= import('./certificate.js')
      .then(({ loadSealKey }) => loadSealKey(config, log))
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      }));
  const options: SealOptions = { tsaUrl: config.tsaUrl };
  const seal = () => import('./seal.js');
  return {
    key: sealKey,
    level: sealLevelOf(options),
    /**
     * Read (or create) the seal and parse it, load the seal's code, pdfkit and the fonts, and seal
     * a sample protocol's files WARM_UP_SEALINGS times (never time-stamped): what the first
     * sealings would otherwise do inside the request of the signature that makes a protocol final.
     * The layout code runs three to four times slower until V8 has compiled it (docs/PERFORMANCE.md).
     * Other requests get their turn between the sealings.
     */
    async warmUp(): Promise<void> {
      const [key, { SealSigner, renderSealedProtocolFiles }, { sampleProtocol }] = await Promise.all([sealKey(), seal(), import('./protocol-sample.js')]);
      new SealSigner(key.p12, key.passphrase, options);
      await warmUpPdf();
      for (let turn = 0; turn < WARM_UP_SEALINGS; turn += 1) {
        await new Promise((resolve) => setImmediate(resolve));
        await renderSealedProtocolFiles(sampleProtocol(11), key, {});
      }
    },
    /** Both files of a final protocol. */
    async sealProtocol(doc: ProtocolDocument, at: { signingTime?: Date; digest?: string; signatures?: PdfSignature[] } = {}): Promise<SealedProtocolFiles> {
      return (await seal()).renderSealedProtocolFiles(doc, await sealKey(), { ...options, ...at });
    },
    /** Any PDF made with a seal placeholder (a rättelse). */
    async sealPdf(pdf: Buffer): Promise<Buffer> {
      return (await seal()).sealPdf(pdf, await sealKey(), options);
    },
  };
}

export type ProtocolSealer = ReturnType<typeof createProtocolSealer>;
