/** `npx kansli <command>` (bin/kansli.js): the command line on the real process (cli/run.ts). */
import { runCli } from './run.js';
import { processIo } from './process-io.js';

process.exit(await runCli(process.argv.slice(2), processIo));
