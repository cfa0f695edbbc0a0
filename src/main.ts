/**
 * `npm start`. The database begins to open at once — PGlite spends a third of a second waiting
 * for its WebAssembly to compile — while the rest of the server's code loads (server.ts).
 */
import { loadConfig, ConfigError } from './platform/config/config.js';
import { openDatabase } from './platform/db/open.js';
import { DirectoryLockedError } from './platform/db/lock.js';
import { MigrationError } from './platform/db/migrate.js';

let server: typeof import('./server.js') | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  const opening = openDatabase(config);
  // Awaited in serve(); until then a failure must not count as unhandled.
  opening.catch(() => undefined);
  server = await import('./server.js');
  await server.serve(config, opening);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || server?.isSettingProblem(error)) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DirectoryLockedError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
