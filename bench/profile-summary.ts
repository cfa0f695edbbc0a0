/**
 * `tsx bench/profile-summary.ts FILE.cpuprofile [N]`: the N functions with the most self time in a
 * V8 CPU profile (`node --cpu-prof`), and the time per package or source folder — what
 * docs/PERFORMANCE.md quotes for the profile findings.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|dist)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    const place = !url ? functionName : url.includes('/node_modules/') ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url) : url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : (/\/(src|dist)\/((?:[^/]+\/){0,2})/.exec(url)?.slice(1).join('/') ?? url);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  });
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
  const lines = [`${(total / 1000).toFixed(1)} s sampled`, '', 'Self time by function:'];
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(ms)}  ${name}`);
  lines.push('', 'By package or folder:');
  for (const [name, ms] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(ms)}  ${name}`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [N]');
    process.exit(2);
  }
  console.log(summariseProfile(file, Number(process.argv[3] ?? 15)));
}
