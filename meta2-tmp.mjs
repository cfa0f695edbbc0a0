import * as esbuild from 'esbuild';
const r = await esbuild.build({ entryPoints: ['dist/main.js'], bundle: true, write: false, splitting: true, outdir: '/tmp/mb', format: 'esm', platform: 'node', target: 'node20', metafile: true, external: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', '@signpdf/*', 'dejavu-fonts-ttf', 'exceljs', 'unpdf', 'node-forge', 'pino', 'thread-stream', 'pg-native', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'], logLevel: 'error' });
const inputs = r.metafile.inputs;
const target = process.argv[2];
// who imports target?
for (const [k, v] of Object.entries(inputs)) for (const i of v.imports) if (i.path.includes(target) && !k.includes(target)) console.log(k, '->', i.path, i.kind);
