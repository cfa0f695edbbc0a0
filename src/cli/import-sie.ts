/**
 * `kansli import sie FILE [--dry-run] [--json] [--year YYYY] [--period-to YYYY-MM-DD] --email E`
 * Reads a SIE 4 file. With --dry-run nothing is opened or saved: it prints what the file holds
 * (one JSON object with --json). Without it, the outcome of the year is imported as the user
 * given by --email (who must be an economist of the committee), using the mappings remembered
 * from earlier imports; unmapped accounts refuse the import whole (map them once on the web page).
 * Exit codes: 0 read (and imported), 1 refused, 2 wrong usage or a file that cannot be read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/open.js';
import { DomainError } from '../platform/errors.js';
import { createServices } from '../services.js';
import { findUserByEmail, listGrants } from '../features/auth/auth.repository.js';
import { parseSie, type SieFile } from '../features/economy/sie/parse-sie.js';
import type { Database } from '../platform/db/database.js';
import type { CliIo } from './command.js';

const USAGE = `Användning / usage: kansli import sie FIL [--dry-run] [--json] [--year ÅÅÅÅ] [--period-to ÅÅÅÅ-MM-DD] [--email E]

  --dry-run     läs filen utan att spara något / read the file without saving anything
  --json        skriv ett JSON-objekt / print one JSON object
  --year        året utfallet gäller (krävs vid import) / the year of the outcome (needed to import)
  --period-to   utfall till och med datum (standard: sista verifikatet) / outcome up to (default: last voucher)
  --email       ekonom som importerar (krävs vid import) / the economist importing (needed to import)
`;

/** What `--dry-run --json` prints: counts over the whole file. */
export function describeSie(file: SieFile, fileName: string) {
  return {
    file: fileName,
    readable: file.errors.length === 0,
    encoding: file.encoding,
    format: file.format,
    sieType: file.sieType,
    program: file.program,
    company: file.companyName,
    fiscalYears: file.fiscalYears,
    vouchers: file.vouchers.length,
    transactions: file.transactionCount,
    accounts: file.accounts.size,
    unbalancedVouchers: file.unbalancedVouchers.map((v) => ({ series: v.series, number: v.number, line: v.line, differenceOre: v.differenceOre })),
    errors: file.errors.map((e) => ({ line: e.line, reason: e.reason.en, reasonSv: e.reason.sv })),
  };
}

async function importIntoDatabase(io: CliIo, opened: Database | undefined, options: { bytes: Buffer; fileName: string; year: string; periodTo: string | undefined; email: string }) {
  const config = loadConfig(io.env);
  const database = opened ?? (await openDatabase(config));
  try {
    const services = createServices(database, config);
    const user = await findUserByEmail(database.db, options.email);
    if (!user) throw new UsageFailure(`Ingen användare med e-postadressen ${options.email}. / No user with e-mail ${options.email}.`);
    const principal = { userId: user.id, email: user.email, name: user.name, grants: await listGrants(database.db, user.id) };
    const committee = await services.outcomeImport.committeeFor(principal, 'economy.manage');
    const fields = { year: options.year, periodTo: options.periodTo ?? '' };
    const { sha256 } = await services.outcomeImport.storeUpload(principal, committee, { fields, bytes: options.bytes });
    return await services.outcomeImport.confirm(principal, committee, { sha256, fileName: options.fileName, ...fields }, []);
  } finally {
    if (!opened) await database.close();
  }
}

class UsageFailure extends Error {}

/** Runs `kansli import …`; returns the exit code. `opened`: as for runCli (cli/run.ts). */
export async function runImportCommand(argv: string[], io: CliIo, opened?: Database): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, year: { type: 'string' }, 'period-to': { type: 'string' }, email: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE.trimEnd()}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const file = positionals[2];
  if (values.help) {
    io.out(USAGE.trimEnd());
    return 0;
  }
  if (positionals[1] !== 'sie' || !file || positionals.length > 3) {
    io.err(USAGE.trimEnd());
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    io.err(`Filen ${file} kan inte läsas / cannot read the file: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const sie = parseSie(bytes);
  const report = describeSie(sie, path.basename(file));
  if (values.json) io.out(JSON.stringify(report));
  else io.out(`${report.file}: ${report.encoding}, ${report.vouchers} verifikat / vouchers, ${report.transactions} transaktioner / transactions, ${report.accounts} konton / accounts, ${report.unbalancedVouchers.length} obalanserade / unbalanced`);
  for (const e of sie.errors) io.err(`rad ${e.line}: ${e.reason.sv} / line ${e.line}: ${e.reason.en}`);
  for (const v of sie.unbalancedVouchers) io.err(`verifikat ${v.series} ${v.number} (rad ${v.line}) balanserar inte / voucher does not balance`);
  if (sie.errors.length > 0) return 2;
  if (values['dry-run']) return 0;
  if (!values.year || !values.email) {
    io.err(`Ange --year och --email för att importera, eller --dry-run. / Give --year and --email to import, or --dry-run.`);
    return 2;
  }
  try {
    const id = await importIntoDatabase(io, opened, { bytes, fileName: path.basename(file), year: values.year, periodTo: values['period-to'], email: values.email });
    io.err(`Utfallet är importerat (${id}). / The outcome is imported.`);
    return 0;
  } catch (error) {
    if (error instanceof UsageFailure) {
      io.err(error.message);
      return 2;
    }
    if (!(error instanceof DomainError)) throw error;
    io.err(`${error.userMessage.sv} / ${error.userMessage.en}`);
    for (const f of error.fieldErrors) io.err(`  ${f.message.sv} / ${f.message.en}`);
    return 1;
  }
}
