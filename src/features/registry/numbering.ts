import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/**
 * Hand out the next running number of a series for an organisation and year. Call inside the
 * transaction that inserts the numbered row: the counter row stays locked until it commits, so
 * concurrent creations queue, and a rollback gives the number back — no gaps, no repeats.
 */
export async function takeNextNumber(tx: Db, options: { organisationId: string; series: 'case' | 'document'; year: number }): Promise<number> {
  const result = (await tx.execute(sql`
    insert into registry_counters (organisation_id, series, year, last_number)
    values (${options.organisationId}, ${options.series}, ${options.year}, 1)
    on conflict (organisation_id, series, year) do update set last_number = registry_counters.last_number + 1
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  const number = result.rows[0]?.last_number;
  if (number === undefined) throw new Error('numbering returned no row');
  return number;
}

/** For imported history (the demo, a migration from another system): keep the counter ahead of a given number. */
export async function reserveNumber(tx: Db, options: { organisationId: string; series: 'case' | 'document'; year: number; number: number }): Promise<void> {
  await tx.execute(sql`
    insert into registry_counters (organisation_id, series, year, last_number)
    values (${options.organisationId}, ${options.series}, ${options.year}, ${options.number})
    on conflict (organisation_id, series, year) do update set last_number = greatest(registry_counters.last_number, excluded.last_number)`);
}
