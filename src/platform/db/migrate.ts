import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { ADVISORY_LOCK } from './advisory-locks.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle/', import.meta.url));

interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly tag: string,
    cause: unknown,
  ) {
    super(
      `Migreringen ${tag} misslyckades; databasen är oförändrad. / Migration ${tag} failed; the database is unchanged: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(`${dir}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(`${dir}/${tag}.sql`, 'utf8');
    return {
      tag,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });
}

/**
 * Apply the pending migrations in one transaction. An advisory lock keeps two app servers
 * starting at once from both migrating; a failure rolls everything back.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  const applied: string[] = [];
  let current = '';
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK.migrate})`);
      await tx.execute(sql`create table if not exists kansli_migrations (
        tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
      const done = (await tx.execute(sql`select tag from kansli_migrations`)) as unknown as { rows: { tag: string }[] };
      const doneTags = new Set(done.rows.map((r) => r.tag));
      for (const migration of migrations) {
        if (doneTags.has(migration.tag)) continue;
        current = migration.tag;
        for (const statement of migration.statements) await tx.execute(sql.raw(statement));
        await tx.execute(sql`insert into kansli_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`);
        applied.push(migration.tag);
      }
    });
  } catch (error) {
    throw new MigrationError(current || '(setup)', error);
  }
  return applied;
}
