/**
 * `npm run generate:national -- [--scale S] [--members N]`: fill an EMPTY database with the
 * national dataset (see generate-national.ts). PostgreSQL via DATABASE_URL, else PGlite in
 * KANSLI_DATA_DIR (keep the scale small there: 0.01 is about 10,000 paragraphs).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/open.js';
import { generateNational } from './generate-national.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, members: { type: 'string' } } });
const scale = Number(values.scale ?? 1);
const members = Number(values.members ?? 200);
if (!(scale > 0 && scale <= 1) || !Number.isInteger(members) || members < 0) {
  console.error('--scale ska vara > 0 och ≤ 1, --members ett heltal ≥ 0. / --scale must be in (0, 1], --members a whole number.');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config);
try {
  const started = performance.now();
  const counts = await generateNational(database, { scale, members, passwordHash: 'not-for-sign-in' });
  console.log(`${JSON.stringify(counts)} — ${((performance.now() - started) / 1000).toFixed(0)} s (${database.kind})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
