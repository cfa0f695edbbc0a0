/**
 * The tests bundled once per pass (`npm test`): each test process's entry imports its test files
 * (scripts/run-tests.ts groups them), bundled with everything of src/ and test/ they import, shared
 * code split into chunks, packages left to node_modules. Run by plain node, a test process loads a
 * few files instead of compiling some 600 modules through tsx's loader, which took two of the three
 * seconds of CPU a test process cost (docs/PERFORMANCE.md, "Session 12").
 *
 * Every entry imports test/support/preload.ts first, in its own bundle (the fixed fast-check seed,
 * no network, the message catalogue in the same module instance the services use). A module that
 * finds a file beside itself keeps finding it: `import.meta.url`, `.dirname` and `.filename` are
 * replaced by its source file's own, so fixtures, migrations and TypeScript worker entries resolve
 * as they do under tsx. With source maps (`--enable-source-maps`) node's runner names each test's
 * own source file, so failures and the slowest-files list read as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ENTRY = 'kansli-test-entry';

/** One test process: its test files, run one after the other in the order given. */
export interface TestEntry {
  /** The built file's path under the build folder, without `.js`. */
  out: string;
  files: readonly string[];
}

/** Builds each entry into `<outdir>/<out>.js`; returns the milliseconds it took. */
export async function buildTests(root: string, entries: readonly TestEntry[], outdir: string): Promise<number> {
  const started = performance.now();
  const preload = path.join(root, 'test/support/preload.ts');
  const ownPlace: esbuild.Plugin = {
    name: 'own-import-meta',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${ENTRY}:`) }, (args) => ({ path: args.path.slice(ENTRY.length + 1), namespace: ENTRY }));
      build.onLoad({ filter: /.*/, namespace: ENTRY }, (args) => ({
        contents: [preload, ...(entries[Number(args.path)]?.files ?? []).map((file) => path.join(root, file))].map((file) => `import ${JSON.stringify(file)};\n`).join(''),
        resolveDir: root,
        loader: 'js',
      }));
      // Plain JavaScript of ours (scripts/build.js, a worker's bootstrap) is imported where it is.
      build.onResolve({ filter: /^\.{1,2}\/.*\.m?js$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        return existsSync(file) ? { path: file, external: true } : undefined;
      });
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const loader = args.path.endsWith('.tsx') ? 'tsx' : 'ts';
        if (!text.includes('import.meta.')) return { contents: text, loader };
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader };
      });
    },
  };
  await esbuild.build({
    entryPoints: entries.map((entry, i) => ({ in: `${ENTRY}:${i}`, out: entry.out })),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    plugins: [ownPlace],
    logLevel: 'error',
  });
  return performance.now() - started;
}
