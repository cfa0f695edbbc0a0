import type { Services } from '../services.js';

/** A command used wrongly: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

export interface CommandInput {
  services: Services;
  args: string[];
  options: Record<string, string | undefined>;
}

export interface Command {
  /** How many words name the command ("user add" = 2). */
  words: number;
  run(input: CommandInput): Promise<number>;
}
