/**
 * The command line, `npx kansli <command>`: demo, user add, token create, audit verify, backup,
 * restore, migrate, … Run by bin/kansli.js through cli/index.ts, and in process by the tests.
 * Exit codes: 0 done, 1 failed, 2 wrong usage or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/open.js';
import { DomainError } from '../platform/errors.js';
import { DirectoryLockedError } from '../platform/db/lock.js';
import { MigrationError } from '../platform/db/migrate.js';
import { UsageError, type CliIo } from './command.js';
import type { Database } from '../platform/db/database.js';

const HELP = `Användning / usage: kansli <kommando>

  demo                                   läs in demonämnden (idempotent) / load the demo committee
  user add --email E --name N --role R [--org SLUG]
                                         skapa användare; lösenord från KANSLI_PASSWORD eller stdin
  user link --email E --person ID        koppla kontot till en person (loggas) / link the account to a person (audited)
  user unlink --email E                  ta bort kontots koppling till person / unlink the account from its person
  token create --email E [--label L]     skapa en personlig API-nyckel / create an API token
  audit verify                           kontrollera granskningsloggens kedja / verify the audit chain
  archive export --year ÅR --out KATALOG [--namnd SLUG]
                                         leverera nämndens avslutade ärenden och slutliga protokoll för året (SIP) / deliver a year to the e-archive
  archive import KATALOG [--namnd SLUG]  läs in ett arkivpaket som nämndens skrivskyddade arkiv / import a package as a committee's read-only archive
                                         (--namnd behövs bara när installationen har flera nämnder / needed only with several committees)
  import sie FIL [--dry-run] [--json] [--year ÅR --email E]
                                         läs en SIE 4-fil; utan --dry-run importeras utfallet / read (and import) a SIE 4 ledger
  backup FILE                            säkerhetskopiera hela databasen / back up the whole database
  restore FILE                           återställ till en tom installation / restore into an empty installation
  migrate                                kör databasmigreringar / run database migrations
  reminders send                         skicka påminnelser om beslut som ska fattas / send decision reminders
  cert create [--out FILE] [--name N]    skapa ett självsignerat e-sigill (KANSLI_SEAL_P12) / create a self-signed seal
`;

/**
 * Runs one command and returns its exit code; every expected failure is written to `io.err` in
 * Swedish and English. `opened`: a database already open (a test's), used instead of opening the
 * configured one, and left open.
 */
export async function runCli(argv: string[], io: CliIo, opened?: Database): Promise<number> {
  try {
    return await dispatch(argv, io, opened);
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof DomainError) {
      io.err(`${error.userMessage.sv} / ${error.userMessage.en}`);
      for (const f of error.fieldErrors) io.err(`  ${f.field}: ${f.message.sv} / ${f.message.en}`);
      return 1;
    }
    if (error instanceof DirectoryLockedError || error instanceof MigrationError) {
      io.err(error.message);
      return 1;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo, opened: Database | undefined): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, namnd: { type: 'string' }, person: { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (positionals[0] === 'import') return (await import('./import-sie.js')).runImportCommand(argv, io, opened);
  const { COMMANDS } = await import('./commands.js');
  const key = positionals.slice(0, 2).join(' ');
  const command = COMMANDS[key] ?? COMMANDS[positionals[0] ?? ''];
  if (!command || values.help) {
    io.out(HELP.trimEnd());
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(io.env);
  const database = opened ?? (await openDatabase(config));
  try {
    const input = { args: positionals.slice(command.words), options: values as Record<string, string | undefined>, io };
    if (command.needs === 'database') return await command.run({ database, ...input });
    // Every feature's services, loaded only for the commands that use them.
    const { createServices } = await import('../services.js');
    return await command.run({ services: createServices(database, config), ...input });
  } finally {
    if (!opened) await database.close();
  }
}
