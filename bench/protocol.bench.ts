/**
 * Protocol benchmark: a 17-page protocol (the size of the e-nämnd's protocol of 2022-12-14)
 * rendered as PDF/A-2a with the seal placeholder and sealed, median of 20 runs after warm-up.
 * Target: median under 150 ms. Results go to bench-results/protocol.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSealP12 } from '../src/features/protocols/certificate.js';
import { renderProtocolPdf } from '../src/features/protocols/protocol-pdf.js';
import { sampleProtocol } from '../src/features/protocols/protocol-sample.js';
import { protocolDigest } from '../src/features/protocols/protocol.model.js';
import { sealPdf } from '../src/features/protocols/seal.js';

const RESULTS = path.resolve(import.meta.dirname, '../bench-results');
const RUNS = 20;
const WARM_UP = 5;
const TARGET_PAGES = 17;
const TARGET_MEDIAN_MS = 150;

function pageCount(pdf: Buffer): number {
  const file = path.join(os.tmpdir(), `kansli-bench-${process.pid}.pdf`);
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const round = (x: number) => Number(x.toFixed(1));

export async function runProtocolBench(): Promise<boolean> {
  const passphrase = 'bench';
  const p12 = createSealP12({ name: 'Norrbottens e-nämnd', passphrase });
  // As many paragraphs as make 17 pages.
  let paragraphs = 1;
  let pages = 0;
  for (; paragraphs < 40; paragraphs += 1) {
    pages = pageCount(await renderProtocolPdf(sampleProtocol(paragraphs), { sealReserve: true }));
    if (pages >= TARGET_PAGES) break;
  }
  const doc = sampleProtocol(paragraphs);
  const digest = protocolDigest(doc);

  const render: number[] = [];
  const seal: number[] = [];
  const total: number[] = [];
  let size = 0;
  for (let i = 0; i < WARM_UP + RUNS; i += 1) {
    const t0 = performance.now();
    const pdf = await renderProtocolPdf(doc, { sealReserve: true, digest });
    const t1 = performance.now();
    const sealed = await sealPdf(pdf, { p12, passphrase });
    const t2 = performance.now();
    if (i < WARM_UP) continue;
    render.push(t1 - t0);
    seal.push(t2 - t1);
    total.push(t2 - t0);
    size = sealed.length;
  }
  const result = {
    benchmark: 'protocol',
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    pages,
    paragraphs,
    bytes: size,
    runs: RUNS,
    warmUp: WARM_UP,
    medianMs: { render: round(median(render)), seal: round(median(seal)), total: round(median(total)) },
    maxMs: { total: round(Math.max(...total)) },
    targetMedianMs: TARGET_MEDIAN_MS,
    met: median(total) < TARGET_MEDIAN_MS,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'protocol.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `Protokoll: ${pages} sidor (${paragraphs} §§), ${(size / 1024).toFixed(0)} kB. Median av ${RUNS}: rendering ${result.medianMs.render} ms + försegling ${result.medianMs.seal} ms = ${result.medianMs.total} ms (mål < ${TARGET_MEDIAN_MS} ms${result.met ? ', uppnått' : ', MISSAT'}).`,
  );
  return result.met;
}
