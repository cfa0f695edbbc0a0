/**
 * `npx kansli <command>`: demo, user add, token create, audit verify, backup, restore, migrate.
 * Exit codes: 0 done, 1 failed, 2 wrong usage or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/open.js';
import { createServices, type Services } from '../services.js';
import { DomainError } from '../platform/errors.js';
import { DirectoryLockedError } from '../platform/db/lock.js';
import { MigrationError } from '../platform/db/migrate.js';
import { COMMANDS } from './commands.js';
import { UsageError } from './command.js';

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

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, namnd: { type: 'string' }, person: { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (positionals[0] === 'import') return (await import('./import-sie.js')).runImportCommand(argv);
  const key = positionals.slice(0, 2).join(' ');
  const command = COMMANDS[key] ?? COMMANDS[positionals[0] ?? ''];
  if (!command || values.help) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const services: Services = createServices(database, config);
    const args = positionals.slice(command.words);
    return await command.run({ services, args, options: values as Record<string, string | undefined> });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DomainError) {
      console.error(`${error.userMessage.sv} / ${error.userMessage.en}`);
      for (const f of error.fieldErrors) console.error(`  ${f.field}: ${f.message.sv} / ${f.message.en}`);
      process.exit(1);
    }
    if (error instanceof DirectoryLockedError || error instanceof MigrationError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
