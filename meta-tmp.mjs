import * as esbuild from 'esbuild';
const r = await esbuild.build({ entryPoints: ['dist/main.js'], bundle: true, write: false, splitting: true, outdir: '/tmp/mb', format: 'esm', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, metafile: true, external: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', '@signpdf/*', 'dejavu-fonts-ttf', 'exceljs', 'unpdf', 'node-forge', 'pino', 'thread-stream', 'pg-native', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'], logLevel: 'error' });
const outs = r.metafile.outputs;
// static closure from main + the chunk of server.js
const entry = Object.keys(outs).find(k => outs[k].entryPoint === 'dist/main.js');
const serverChunk = Object.keys(outs).find(k => Object.keys(outs[k].inputs).includes('dist/server.js'));
const seen = new Set(); const q = [entry, serverChunk];
while (q.length) { const k = q.pop(); if (seen.has(k)) continue; seen.add(k); for (const i of outs[k].imports) if (i.kind === 'import-statement' && outs[i.path]) q.push(i.path); }
let total = 0; const pkg = new Map();
for (const k of seen) { total += outs[k].bytes; for (const [inp, v] of Object.entries(outs[k].inputs)) { const key = inp.includes('node_modules/') ? /node_modules\/((@[^/]+\/)?[^/]+)/.exec(inp)[1] : inp.split('/').slice(0, 3).join('/'); pkg.set(key, (pkg.get(key) ?? 0) + v.bytesInOutput); } }
console.log('loaded at start:', Math.round(total / 1024), 'kB in', seen.size, 'files; all outputs', Math.round(Object.values(outs).reduce((a, o) => a + o.bytes, 0) / 1024), 'kB');
for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(Math.round(v / 1024)).padStart(6), 'kB', k);
const z = new Map(); for (const k of seen) for (const [inp, v] of Object.entries(outs[k].inputs)) if (inp.includes('node_modules/zod/')) { const d = inp.replace(/.*node_modules\/zod\//, '').split('/').slice(0, 3).join('/'); z.set(d, (z.get(d) ?? 0) + v.bytesInOutput); }
for (const [k, v] of [...z].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log('zod', String(Math.round(v / 1024)).padStart(6), 'kB', k);
