/**
 * `npx kansli archive export --year 2022 --out DIR` and `npx kansli archive import DIR`:
 * deliver a year to the e-archive as a SIP (FGS Paketstruktur 2.0), and read a package back.
 */
import path from 'node:path';
import { UsageError, type Command } from './command.js';
import { readPackage } from '../features/archive/archive-import.service.js';

const CLI_ACTOR = { userId: null, label: 'cli' };

/** `--year 2022` arrives as a flag and a positional (the CLI parses loosely); `--year=2022` as a value. */
function yearOf(options: Record<string, unknown>, args: string[]): number {
  const raw = typeof options.year === 'string' ? options.year : args.find((a) => /^\d{4}$/.test(a));
  if (!raw || !/^\d{4}$/.test(raw)) throw new UsageError('Ange året: kansli archive export --year 2022 --out KATALOG / Give the year: --year 2022');
  return Number(raw);
}

export const ARCHIVE_COMMANDS: Record<string, Command> = {
  'archive export': {
    words: 2,
    async run({ services, args, options }) {
      const year = yearOf(options, args);
      const out = options.out;
      if (!out || typeof out !== 'string') throw new UsageError('Ange katalogen: --out KATALOG / Give the folder: --out DIR');
      const slug = typeof options.org === 'string' ? options.org : undefined;
      const delivery = await services.archive.deliveries.exportYearToFolder(CLI_ACTOR, { year, dir: path.resolve(out), ...(slug ? { committeeSlug: slug } : {}) });
      const d = delivery.details as Record<string, unknown>;
      console.log(
        `Leveransen ${delivery.packageId} är skriven till ${String(d.folder ?? out)}: ${String(d.cases)} ärenden, ${String(d.documents)} handlingar, ${String(d.protocols)} protokoll, ${String(d.packageFiles)} filer.\n` +
          `The delivery ${delivery.packageId} is written to ${String(d.folder ?? out)}.`,
      );
      return 0;
    },
  },

  'archive import': {
    words: 2,
    async run({ services, args }) {
      const location = args[0];
      if (!location) throw new UsageError('Ange paketet: kansli archive import KATALOG / Give the package: kansli archive import DIR');
      const pkg = await services.archive.archived.importPackage(CLI_ACTOR, await readPackage(path.resolve(location)));
      console.log(`Paketet ${pkg.packageId} är inläst som arkiverat material (skrivskyddat). / The package ${pkg.packageId} is imported as read-only archive content.`);
      return 0;
    },
  },
};
