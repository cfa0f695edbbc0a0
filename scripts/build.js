#!/usr/bin/env node
/**
 * The build: TypeScript in src/ compiled by TypeScript's compiler to plain JavaScript in dist/ (same folder layout,
 * so paths such as ../../../drizzle stay right), and the files beside the code that are not
 * TypeScript (stylesheet, browser scripts, XML schemas) copied over. Then the server and the
 * command line are bundled by esbuild into dist/bundle/ (SERVER_ENTRY, CLI_ENTRY): a file each and
 * their shared and lazily loaded chunks instead of some 1,100 modules, which took a third of the
 * start (docs/PERFORMANCE.md, "Start and memory"). Worker threads run modules of the dist/ tree.
 * `npm ci` runs it (prepare); `npm start` and `npx kansli` run the bundle.
 * Plain JavaScript, so it runs before anything is built.
 *
 *   node scripts/build.js             build
 *   node scripts/build.js --if-stale  build only when a file in src/ (or tsconfig) is newer than the last build
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Written last: a build that stopped half-way is not taken for a finished one. */
export const STAMP = path.join(DIST, '.built');
const CONFIGS = ['tsconfig.json', 'package.json'].map((f) => path.join(ROOT, f));
const BUNDLE_DIR = path.join(DIST, 'bundle');
/** What `npm start` runs: the bundled server. */
export const SERVER_ENTRY = path.join(BUNDLE_DIR, 'main.js');
/** What `npx kansli` runs: the bundled command line. */
export const CLI_ENTRY = path.join(BUNDLE_DIR, 'cli.js');
/**
 * Packages the bundle imports from node_modules instead of containing: each finds files beside
 * its own code (PGlite its WebAssembly and data, pdfkit its font metrics, the DejaVu fonts; fontkit is pdfkit's), is
 * native (argon2), starts workers by file name (unpdf; pino's transports, which Kansli does not use, start thread-stream), or is large and loaded only for
 * one task (exceljs, node-forge and the PDF signing, loaded when a protocol is sealed). Fastify's
 * JSON-schema compilers are never loaded (platform/http/app.ts: no route has a Fastify schema).
 */
const UNBUNDLED = ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'fontkit', '@signpdf/*', 'dejavu-fonts-ttf', 'exceljs', 'unpdf', 'node-forge', 'thread-stream', 'pg-native', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];
const COMPILED = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** True when dist/ is missing or older than a source file or a configuration it was built from. */
export function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  for (const file of CONFIGS) if (existsSync(file) && statSync(file).mtimeMs > built) return true;
  for (const file of walk(SRC)) if (!TEST.test(file) && statSync(file).mtimeMs > built) return true;
  return false;
}

/**
 * Each file is transpiled on its own (tsconfig has isolatedModules), which takes seconds where a
 * whole-program tsc takes minutes on a small machine; type errors are `npm run typecheck`'s job.
 */
export async function build() {
  const started = performance.now();
  rmSync(STAMP, { force: true });
  let ts;
  try {
    ts = createRequire(import.meta.url)('typescript');
  } catch {
    console.error('TypeScript saknas (installera med npm ci utan --omit=dev) / TypeScript is missing: install with npm ci (dev dependencies included).');
    return false;
  }
  const { config } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, noEmit: false, sourceMap: true }, ROOT);
  // package.json says "type": "module": every file is an ES module (one file alone cannot tell).
  options.module = ts.ModuleKind.ESNext; // ESNext: import attributes (`with { type: 'json' }`) kept as written
  options.moduleResolution = ts.ModuleResolutionKind.Bundler;
  rmSync(DIST, { recursive: true, force: true });
  let files = 0;
  for (const file of walk(SRC)) {
    // Declarations (src/types) describe untyped packages for the type check; nothing to run.
    if (TEST.test(file) || file.endsWith('.d.ts')) continue;
    const relative = path.relative(SRC, file);
    const target = path.join(DIST, COMPILED.test(file) ? relative.replace(COMPILED, '.js') : relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!COMPILED.test(file)) {
      copyFileSync(file, target);
      continue;
    }
    const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
    const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      console.error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
      return false;
    }
    const map = `${path.basename(target)}.map`;
    writeFileSync(target, output.outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${map}`));
    if (output.sourceMapText) writeFileSync(`${target}.map`, output.sourceMapText);
    files += 1;
  }
  if (!(await bundle())) return false;
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  console.log(`Byggt: ${files} filer till dist/ och buntat på ${((performance.now() - started) / 1000).toFixed(1)} s / built to dist/ and bundled.`);
  return true;
}

/**
 * dist/main.js and dist/cli/index.js and everything they import, bundled into dist/bundle/ with
 * their dynamic imports as chunks (what is loaded lazily stays so). A module that finds a file beside itself
 * (`new URL('./assets/app.css', import.meta.url)`) keeps finding it: its `import.meta.url` is
 * rewritten to its own place in dist/, relative to the bundle's.
 */
async function bundle() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.error('esbuild saknas (installera med npm ci utan --omit=dev) / esbuild is missing: install with npm ci (dev dependencies included).');
    return false;
  }
  const ownPlace = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(DIST + path.sep)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
        const place = JSON.stringify(path.relative(BUNDLE_DIR, args.path).split(path.sep).join('/'));
        return { contents: text.replaceAll('import.meta.url', `new URL(${place}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
  try {
    await esbuild.build({
      entryPoints: { main: path.join(DIST, 'main.js'), cli: path.join(DIST, 'cli/index.js') },
      outdir: BUNDLE_DIR,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: UNBUNDLED,
      // Bundled CommonJS packages require Node's own modules.
      banner: { js: "import { createRequire as kansliCreateRequire } from 'node:module'; const require = kansliCreateRequire(import.meta.url);" },
      chunkNames: 'chunk-[hash]',
      // Fewer bytes to read and parse at every start; names stay, so stack traces stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      sourcemap: true,
      plugins: [ownPlace],
      logLevel: 'error',
    });
    return true;
  } catch (error) {
    console.error(`Buntningen misslyckades / bundling failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) process.exit((await build()) ? 0 : 1);
}
