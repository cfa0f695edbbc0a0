/**
 * The layers of docs/ARCHITECTURE.md, checked on the source: the platform imports no feature, no
 * module imports itself through others (no import circles, type imports counted), no source
 * file outside tests and the demo's seed data grows past 400 lines, and SQL stays in repositories.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Static imports and re-exports of a file, resolved to the files they name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm)) {
    const spec = match[1] ?? match[2] ?? '';
    const base = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
    const found = ['.ts', '.tsx'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
    if (found) out.push(found);
  }
  return out;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

describe('the architecture', () => {
  it('reads the import graph of the source', () => {
    assert.ok(files.length > 100);
    assert.ok([...graph.values()].some((deps) => deps.length > 0));
  });

  it('the platform imports no feature, its tests included (whole-app tests live in test/)', () => {
    const platformTests = readdirSync(path.join(SRC, 'platform'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.test\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    const up = [...graph, ...platformTests.map((f) => [f, importsOf(f)] as const)].flatMap(([file, deps]) => (rel(file).startsWith('platform/') ? deps.filter((d) => rel(d).startsWith('features/')).map((d) => `${rel(file)} → ${rel(d)}`) : []));
    assert.deepEqual(up, []);
  });

  it('has no import circles', () => {
    // Tarjan's strongly connected components: a component of more than one file is a circle.
    let index = 0;
    const stack: string[] = [];
    const onStack = new Set<string>();
    const indexOf = new Map<string, number>();
    const low = new Map<string, number>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      indexOf.set(v, index);
      low.set(v, index);
      index += 1;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!indexOf.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indexOf.get(w) ?? 0));
      }
      if (low.get(v) === indexOf.get(v)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          component.push(rel(w));
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!indexOf.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });

  it('keeps every source file at 400 lines or fewer (tests and the demo’s seed texts aside)', () => {
    const long = files
      .filter((f) => !/^features\/demo\/seed-/.test(rel(f)))
      .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 400)
      .map((f) => `${f.file}: ${f.lines}`);
    assert.deepEqual(long, []);
  });

  it('features and the command line write SQL only in repositories (and define tables only in *.tables.ts)', () => {
    // Aside: the demo's loaders, which write the demo committee's fixture rows as data, and the
    // GDPR export, which builds its conditions from the schema itself (privacy.repository.ts runs them).
    const aside = /^features\/demo\/|^features\/privacy\/person-export\.ts$/;
    const query = /from ['"]drizzle-orm(?:\/pg-core)?['"]|\b(?:db|tx|trx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(/;
    const outside = files
      .filter((f) => /^(features|cli)\//.test(rel(f)) && !/\.(repository|tables)\.ts$/.test(f) && !aside.test(rel(f)))
      .filter((f) => query.test(readFileSync(f, 'utf8')))
      .map(rel);
    assert.deepEqual(outside, []);
  });
});
