/**
 * The command line in the test's own process (cli/run.ts): its output captured, its environment
 * and standard input given. A database already open (the test's) is used and left open.
 */
import type { Database } from '../../src/platform/db/database.js';
import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runKansli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; database?: Database } = {}): Promise<CliResult> {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = {
    out: (text) => void (output.stdout += `${text}\n`),
    err: (text) => void (output.stderr += `${text}\n`),
    env: { LOG_LEVEL: 'warn', ...options.env },
    readInput: () => options.input ?? null,
  };
  const status = await runCli(args, io, options.database);
  return { status, ...output };
}
