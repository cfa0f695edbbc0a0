import { readFileSync } from 'node:fs';
import type { CliIo } from './command.js';

/** The real process: its streams and environment (what `npx kansli` uses). */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  env: process.env,
  readInput: () => (process.stdin.isTTY ? null : readFileSync(0, 'utf8')),
};
