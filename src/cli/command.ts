import type { Database } from '../platform/db/database.js';
import type { Services } from '../services.js';

/** A command used wrongly: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/**
 * What a command reads and writes besides the database: the process's streams and environment
 * when run as `kansli`, captured ones when a test runs the command in its own process.
 */
export interface CliIo {
  /** Writes a line (a newline is added) to standard output. */
  out(text: string): void;
  /** Writes a line to standard error. */
  err(text: string): void;
  /** The settings and KANSLI_PASSWORD. */
  env: NodeJS.ProcessEnv;
  /** Standard input as text, or null when it is a terminal (nothing piped). */
  readInput(): string | null;
}

export interface CommandInput {
  services: Services;
  args: string[];
  options: Record<string, string | undefined>;
  io: CliIo;
}

/** What a command that needs only the database gets: it starts without loading every feature. */
export interface DatabaseCommandInput {
  database: Database;
  args: string[];
  options: Record<string, string | undefined>;
  io: CliIo;
}

/** `words`: how many words name the command ("user add" = 2). */
export type Command =
  | { words: number; needs?: 'services'; run(input: CommandInput): Promise<number> }
  | { words: number; needs: 'database'; run(input: DatabaseCommandInput): Promise<number> };
