/**
 * `npx kansli archive export --year 2022 --out DIR [--namnd SLUG]` and
 * `npx kansli archive import DIR [--namnd SLUG]`: deliver a committee's year to the e-archive as a
 * SIP (FGS Paketstruktur 2.0), and read a package back into a committee's archive.
 */
import path from 'node:path';
import type { Services } from '../services.js';
import { UsageError, type Command } from './command.js';
import { listCommittees } from '../features/archive/archive-scope.js';
import type { OrganisationRow } from '../features/organisation/organisation.tables.js';

const CLI_ACTOR = { userId: null, label: 'cli' };

/** `--year 2022` arrives as a flag and a positional (the CLI parses loosely); `--year=2022` as a value. */
function yearOf(options: Record<string, unknown>, args: string[]): number {
  const raw = typeof options.year === 'string' ? options.year : args.find((a) => /^\d{4}$/.test(a));
  if (!raw || !/^\d{4}$/.test(raw)) throw new UsageError('Ange året: kansli archive export --year 2022 --out KATALOG / Give the year: --year 2022');
  return Number(raw);
}

/**
 * The committee whose archive a command acts on: `--namnd SLUG` (`--org` as before), else the
 * installation's only committee; with several and none named, the user is told to name one.
 */
export async function committeeOfCommand(services: Services, options: Record<string, unknown>): Promise<OrganisationRow> {
  const raw = options.namnd ?? options.org;
  if (raw === true) throw new UsageError('Ange nämndens kortnamn: --namnd SLUG / Give the committee’s slug: --namnd SLUG');
  const slug = typeof raw === 'string' ? raw : undefined;
  const committees = await listCommittees(services.database.db);
  const names = committees.map((c) => c.slug).join(', ');
  if (slug) {
    const named = committees.find((c) => c.slug === slug);
    if (!named) throw new UsageError(`Det finns ingen nämnd ${slug}. Nämnder: ${names || '–'} / There is no committee ${slug}. Committees: ${names || '–'}`);
    return named;
  }
  const [only] = committees;
  if (committees.length === 1 && only) return only;
  if (!only) throw new UsageError('Det finns ingen nämnd ännu; installera Kansli eller kör kansli demo först. / There is no committee yet; set Kansli up or run kansli demo first.');
  throw new UsageError(`Det finns flera nämnder (${names}); ange vilken med --namnd SLUG. / There are several committees (${names}); name one with --namnd SLUG.`);
}

export const ARCHIVE_COMMANDS: Record<string, Command> = {
  'archive export': {
    words: 2,
    async run({ services, args, options, io }) {
      const year = yearOf(options, args);
      const out = options.out;
      if (!out || typeof out !== 'string') throw new UsageError('Ange katalogen: --out KATALOG / Give the folder: --out DIR');
      const committee = await committeeOfCommand(services, options);
      const delivery = await services.archive.deliveries.exportYearToFolder(CLI_ACTOR, { year, dir: path.resolve(out), committee });
      const d = delivery.details as Record<string, unknown>;
      io.out(
        `Leveransen ${delivery.packageId} är skriven till ${String(d.folder ?? out)}: ${String(d.cases)} ärenden, ${String(d.documents)} handlingar, ${String(d.protocols)} protokoll, ${String(d.packageFiles)} filer.\n` +
          `The delivery ${delivery.packageId} is written to ${String(d.folder ?? out)}.`,
      );
      return 0;
    },
  },

  'archive import': {
    words: 2,
    async run({ services, args, options, io }) {
      const location = args[0];
      if (!location) throw new UsageError('Ange paketet: kansli archive import KATALOG [--namnd SLUG] / Give the package: kansli archive import DIR [--namnd SLUG]');
      const committee = await committeeOfCommand(services, options);
      const pkg = await services.archive.archived.importPackage(CLI_ACTOR, committee, await (await import('../features/archive/archive-import.service.js')).readPackage(path.resolve(location)));
      io.out(`Paketet ${pkg.packageId} är inläst som arkiverat material (skrivskyddat) i ${committee.name}. / The package ${pkg.packageId} is imported as read-only archive content of ${committee.name}.`);
      return 0;
    },
  },
};
