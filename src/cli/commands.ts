import type { Services } from '../services.js';
import { SYSTEM_ACTOR, verifyAuditChain } from '../platform/audit/audit.js';
import { findFirstCommitteeId, findOrganisationById, findOrganisationBySlug } from '../features/organisation/organisation.repository.js';
import { findUserByEmail } from '../features/auth/auth.repository.js';
import { isRole, ROLES } from '../platform/auth/policy.js';
import { remindersSendCommand } from './reminders.js';
import { ARCHIVE_COMMANDS } from './archive.js';
import { UsageError, type CliIo, type Command } from './command.js';

const CLI_ACTOR = { userId: null, label: 'cli' };

function required(options: Record<string, string | undefined>, name: string): string {
  const value = options[name];
  if (!value) throw new UsageError(`Ange --${name}. / Give --${name}.`);
  return value;
}

function readPassword(io: CliIo): string {
  const fromEnv = io.env.KANSLI_PASSWORD;
  if (fromEnv) return fromEnv;
  const input = io.readInput();
  if (input === null) throw new UsageError('Ange lösenordet i KANSLI_PASSWORD eller på standard in. / Give the password in KANSLI_PASSWORD or on standard input.');
  return input.replace(/\r?\n$/, '');
}

async function userByEmail(services: Services, email: string) {
  const user = await findUserByEmail(services.database.db, email);
  if (!user) throw new UsageError(`Ingen användare med e-postadressen ${email}. / No user with e-mail ${email}.`);
  return user;
}

export const COMMANDS: Record<string, Command> = {
  demo: {
    words: 1,
    async run({ services, io }) {
      const { loadDemo } = await import('../features/demo/demo.js');
      const result = await loadDemo(services);
      // No background dispatcher runs in the CLI: deliver the demo's queued e-mail (the chair's and the adjuster's) now.
      await services.mailer.drain();
      io.out(result.created ? 'Demonämnden är inläst. / The demo committee is loaded.' : 'Demonämnden fanns redan; inget dubblerades. / The demo committee was already there; nothing was duplicated.');
      io.out('\nDemoinloggningar / demo sign-ins (lösenord / password: ' + result.password + '):');
      for (const login of result.logins) io.out(`  ${login.role.padEnd(22)} ${login.email}`);
      return 0;
    },
  },

  'user add': {
    words: 2,
    async run({ services, options, io }) {
      const email = required(options, 'email');
      const name = required(options, 'name');
      const role = required(options, 'role');
      if (!isRole(role)) throw new UsageError(`Okänd roll ${role}. Tillåtna / allowed: ${ROLES.join(', ')}`);
      const db = services.database.db;
      const committeeId = options.org ? null : await findFirstCommitteeId(db);
      const org = options.org ? await findOrganisationBySlug(db, options.org) : committeeId ? await findOrganisationById(db, committeeId) : undefined;
      if (!org) throw new UsageError(options.org ? `Organisationen ${options.org} finns inte. / No organisation ${options.org}.` : 'Det finns ingen nämnd ännu; kör kansli demo eller installera först. / No committee yet.');
      const id = await services.auth.createUser({ email, name, password: readPassword(io), grants: [{ organisationId: org.id, role }] }, CLI_ACTOR);
      io.out(`Användaren ${email} är skapad (${id}) med rollen ${role} i ${org.name}.`);
      return 0;
    },
  },

  'user link': {
    words: 2,
    async run({ services, options, io }) {
      const user = await userByEmail(services, required(options, 'email'));
      const personId = required(options, 'person');
      if (!/^[0-9a-f-]{36}$/i.test(personId)) throw new UsageError('--person ska vara personens id (uuid). / --person must be the person’s id (uuid).');
      await services.personLinks.linkPersonAsOperator(CLI_ACTOR, user.id, personId.toLowerCase());
      io.out(`Kontot ${user.email} är kopplat till personen ${personId}. / The account is linked to the person.`);
      return 0;
    },
  },

  'user unlink': {
    words: 2,
    async run({ services, options, io }) {
      const user = await userByEmail(services, required(options, 'email'));
      await services.personLinks.linkPersonAsOperator(CLI_ACTOR, user.id, null);
      io.out(`Kontot ${user.email} är inte längre kopplat till någon person. / The account is no longer linked to a person.`);
      return 0;
    },
  },

  'token create': {
    words: 2,
    async run({ services, options, io }) {
      const email = required(options, 'email');
      const user = await findUserByEmail(services.database.db, email);
      if (!user) throw new UsageError(`Ingen användare med e-postadressen ${email}. / No user with e-mail ${email}.`);
      const principal = { userId: user.id, email: user.email, name: user.name, grants: [] };
      io.out(await services.auth.createApiToken(principal, options.label ?? 'CLI'));
      return 0;
    },
  },

  'audit verify': {
    words: 2,
    needs: 'database',
    async run({ database, io }) {
      const result = await verifyAuditChain(database.db);
      if (result.ok) {
        io.out(`Granskningsloggen är hel: ${result.count} poster. / The audit log is intact: ${result.count} entries.`);
        return 0;
      }
      io.err(`Granskningsloggen är bruten vid post ${result.firstBrokenSeq}: ${result.reason}. / The audit log is broken at entry ${result.firstBrokenSeq}: ${result.reason}.`);
      return 1;
    },
  },

  backup: {
    words: 1,
    needs: 'database',
    async run({ database, args, io }) {
      const file = args[0];
      if (!file) throw new UsageError('Ange filen: kansli backup FIL / Give the file: kansli backup FILE');
      const { backupToFile } = await import('../platform/db/backup.js');
      const summary = await backupToFile(database, file);
      io.out(`Säkerhetskopian är skriven till ${file}: ${summary.rows} rader i ${summary.tables} tabeller. / Backup written.`);
      return 0;
    },
  },

  restore: {
    words: 1,
    needs: 'database',
    async run({ database, args, io }) {
      const file = args[0];
      if (!file) throw new UsageError('Ange filen: kansli restore FIL / Give the file: kansli restore FILE');
      const { restoreFromFile } = await import('../platform/db/backup.js');
      const summary = await restoreFromFile(database, file, SYSTEM_ACTOR);
      io.out(`Återställt från ${file}: ${summary.rows} rader i ${summary.tables} tabeller. / Restored.`);
      return 0;
    },
  },

  'cert create': {
    words: 2,
    async run({ services, options, io }) {
      // The seal's code (node-forge) only for this command: every other command starts without it.
      const { DEFAULT_SEAL_NAME, writeSealP12 } = await import('../features/protocols/certificate.js');
      const file = options.out ?? services.config.sealP12Path;
      const name = options.name ?? DEFAULT_SEAL_NAME;
      try {
        writeSealP12(file, { name, passphrase: services.config.sealPassphrase, years: 10 });
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      io.out(`E-sigillet ”${name}” (självsignerat, RSA-2048, giltigt i 10 år) är skrivet till ${file}. / The self-signed seal is written to ${file}.`);
      return 0;
    },
  },

  'reminders send': remindersSendCommand,
  ...ARCHIVE_COMMANDS,
  migrate: {
    words: 1,
    needs: 'database',
    async run({ io }) {
      io.out('Databasen är migrerad. / The database is migrated.');
      return 0;
    },
  },
};
