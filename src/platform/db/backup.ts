/**
 * Backup and restore of a whole installation, the same on PGlite and PostgreSQL.
 *
 * The file is gzip'd JSON lines: a header, then per table a line `{ table, columns, rows }`
 * followed by exactly `rows` lines of `row_to_json`, and a closing `{ end, tables, rows }` line
 * that tells a complete file from a cut one. Rows pass through as text, never parsed in
 * JavaScript, so jsonb, timestamptz, bytea, numeric and bigint come back exactly as they were.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, pipeline as pipeStreams } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL, type SQLChunk } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, type Actor } from '../audit/audit.js';
import { DomainError } from '../errors.js';
import { queryRows, type Db, type Database } from './database.js';

export const BACKUP_FORMAT = 'kansli-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 500;

export interface BackupSummary {
  rows: number;
  tables: number;
}

export interface BackupTable {
  name: string;
  /** Columns that can be written: generated columns are left for the database to compute. */
  columns: string[];
  primaryKey: string[];
  /** Foreign keys from the table to itself (organisations.committee_id): parents' rows go first. */
  selfReferences: { columns: string[]; foreignColumns: string[] }[];
  parents: string[];
}

interface CatalogTable {
  name: string;
  columns: string[];
  primary_key: string[];
  foreign_keys: { parent: string; columns: string[]; foreign_columns: string[] }[];
}

/**
 * Every table of the database as the catalog describes it: its stored (not generated) columns, its
 * primary key and its foreign keys. Read from the database itself, so that a new table of any
 * feature is included by itself, with its migrations' foreign keys.
 */
async function catalogTables(tx: Db): Promise<BackupTable[]> {
  const rows = await queryRows<CatalogTable>(
    tx,
    sql`select c.relname as name,
      (select coalesce(json_agg(a.attname order by a.attnum), '[]'::json) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select coalesce(json_agg(a.attname order by k.n), '[]'::json) from pg_index i
        cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as primary_key,
      (select coalesce(json_agg(json_build_object(
          'parent', (select p.relname from pg_class p where p.oid = f.confrelid),
          'columns', (select json_agg(a.attname order by k.n) from unnest(f.conkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum),
          'foreign_columns', (select json_agg(a.attname order by k.n) from unnest(f.confkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum)) order by f.conname), '[]'::json)
        from pg_constraint f where f.conrelid = c.oid and f.contype = 'f') as foreign_keys
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.relname <> 'kansli_migrations'
    order by c.relname`,
  );
  return rows.map((row) => {
    const selfReferences: BackupTable['selfReferences'] = [];
    const parents = new Set<string>();
    for (const fk of row.foreign_keys) {
      if (fk.parent === row.name) selfReferences.push({ columns: fk.columns, foreignColumns: fk.foreign_columns });
      else parents.add(fk.parent);
    }
    return { name: row.name, columns: row.columns, primaryKey: row.primary_key, selfReferences, parents: [...parents].sort() };
  });
}

/** Every table of the database (new ones included by themselves), parents before children. */
export async function backupTables(tx: Db): Promise<BackupTable[]> {
  const all = await catalogTables(tx);
  const byName = new Map(all.map((t) => [t.name, t]));
  const ordered: BackupTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: BackupTable): void => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') throw new Error(`Foreign keys form a cycle through ${table.name}: no insert order exists`);
    state.set(table.name, 'visiting');
    for (const parent of table.parents) {
      const found = byName.get(parent);
      if (found) visit(found);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of byName.values()) visit(table);
  return ordered;
}

const list = (items: SQLChunk[], separator = sql`, `) => sql.join(items, separator);
const qualified = (alias: string, columns: string[]) => columns.map((c) => sql`${sql.identifier(alias)}.${sql.identifier(c)}`);
const sameValues = (a: string, aColumns: string[], b: string, bColumns: string[]) =>
  sql`(${list(aColumns.map((c, i) => sql`${sql.identifier(a)}.${sql.identifier(c)} = ${sql.identifier(b)}.${sql.identifier(bColumns[i] ?? c)}`), sql` and `)})`;

/** The rows of a table as JSON text, in primary-key order; for a self-referencing table by depth first. */
function selectRows(table: BackupTable): SQL {
  const t = sql.identifier(table.name);
  if (table.primaryKey.length === 0) return sql`select row_to_json(t)::text as row from ${t} t`;
  const key = table.primaryKey;
  if (table.selfReferences.length === 0) return sql`select row_to_json(t)::text as row from ${t} t order by ${list(qualified('t', key))}`;
  // A row is a root when none of its self-references is set (MATCH SIMPLE: one null column suffices).
  const roots = list(table.selfReferences.map((r) => sql`(${list(qualified('t', r.columns).map((c) => sql`${c} is null`), sql` or `)})`), sql` and `);
  const edges = list(table.selfReferences.map((r) => sameValues('t', r.columns, 'p', r.foreignColumns)), sql` or `);
  return sql`with recursive depth as (
      select ${list(qualified('t', key))}, 0 as d from ${t} t where ${roots}
      union all
      select ${list(qualified('t', key))}, depth.d + 1 from ${t} t join ${t} p on ${edges} join depth on ${sameValues('p', key, 'depth', key)}
      where depth.d < (select count(*) from ${t}))
    select row_to_json(t)::text as row from ${t} t
      left join (select ${list(key.map((c) => sql.identifier(c)))}, max(d) as d from depth group by ${list(key.map((c) => sql.identifier(c)))}) x
      on ${sameValues('t', key, 'x', key)}
    order by x.d nulls last, ${list(qualified('t', key))}`;
}

/** Streams one table through a cursor, a batch at a time, so the database never sits in memory. */
async function* tableRowBatches(tx: Db, table: BackupTable): AsyncGenerator<string[]> {
  await tx.execute(sql`declare kansli_backup no scroll cursor for ${selectRows(table)}`);
  for (;;) {
    const rows = await queryRows<{ row: string }>(tx, sql`fetch forward ${sql.raw(String(BATCH_ROWS))} from kansli_backup`);
    if (rows.length === 0) break;
    yield rows.map((r) => r.row);
  }
  await tx.execute(sql`close kansli_backup`);
}

const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

async function* backupLines(tx: Db, tables: BackupTable[], summary: BackupSummary): AsyncGenerator<string> {
  const migrations = await queryRows<{ tag: string }>(tx, sql`select tag from kansli_migrations order by tag`);
  yield jsonLine({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.tag) });
  for (const table of tables) {
    const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table.name)}`);
    const rows = count?.n ?? 0;
    yield jsonLine({ table: table.name, columns: table.columns, rows });
    let written = 0;
    for await (const batch of tableRowBatches(tx, table)) {
      written += batch.length;
      yield `${batch.join('\n')}\n`;
    }
    if (written !== rows) throw new Error(`Backup of ${table.name} read ${written} rows, expected ${rows}`);
    summary.rows += rows;
  }
  yield jsonLine({ end: true, tables: tables.length, rows: summary.rows });
}

/**
 * Write the whole database to `file` from one consistent snapshot. The file appears only when
 * complete: a failure leaves no half-written backup behind.
 */
export async function backupToFile(database: Database, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { rows: 0, tables: 0 };
  const partial = `${file}.partial`;
  try {
    await database.db.transaction(
      async (tx) => {
        // UTC, so that the file reads the same whatever the server's time zone.
        await tx.execute(sql`set local time zone 'UTC'`);
        const tables = await backupTables(tx);
        summary.tables = tables.length;
        await pipeline(Readable.from(backupLines(tx, tables, summary)), createGzip(), createWriteStream(partial));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return summary;
}

const UNCHANGED = { sv: 'Databasen är oförändrad.', en: 'The database is unchanged.' };

function invalidFile(sv: string, en: string, detail?: string): DomainError {
  const why = detail ? ` (${detail})` : '';
  return new DomainError('INVALID_INPUT', { message: `${en}${why}`, userMessage: { sv: `${sv}${why} ${UNCHANGED.sv}`, en: `${en}${why} ${UNCHANGED.en}` } });
}

const notABackup = (detail?: string) =>
  invalidFile('Filen är inte en säkerhetskopia från Kansli. Välj en fil som skapats med kansli backup.', 'The file is not a Kansli backup. Choose a file made with kansli backup.', detail);
const damaged = (detail?: string) =>
  invalidFile('Säkerhetskopian är skadad eller ofullständig. Använd en annan säkerhetskopia.', 'The backup is damaged or incomplete. Use another backup.', detail);

const ZHeader = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int(), createdAt: z.string(), migrations: z.array(z.string()) });
const ZTableLine = z.object({ table: z.string(), columns: z.array(z.string()).min(1), rows: z.number().int().min(0) });
const ZEndLine = z.object({ end: z.literal(true), tables: z.number().int(), rows: z.number().int() });
const ZSection = z.union([ZEndLine, ZTableLine]);

function parseLine<T>(schemaOf: z.ZodType<T>, line: string, refuse: (detail: string) => DomainError): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw refuse('not JSON');
  }
  const parsed = schemaOf.safeParse(value);
  if (!parsed.success) throw refuse(parsed.error.issues[0]?.message ?? 'unexpected line');
  return parsed.data;
}

interface LineReader {
  /** The next line, or undefined at the end of the file. */
  next(): Promise<string | undefined>;
  close(): void;
}

function readLines(file: string): LineReader {
  const gunzip = createGunzip();
  // pipeline passes a read error on to gunzip, and so to the lines below.
  pipeStreams(createReadStream(file), gunzip, () => {});
  const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async next() {
      try {
        const result = await iterator.next();
        return result.done ? undefined : result.value;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        throw new DomainError('NOT_FOUND', { userMessage: { sv: `Filen ${file} finns inte.`, en: `The file ${file} does not exist.` } });
      }
    },
    close() {
      lines.close();
      gunzip.destroy();
    },
  };
}

/** The next line; an unreadable file (not gzip, cut short) is refused with `refuse`. */
async function requireLine(lines: LineReader, refuse = damaged): Promise<string> {
  let line: string | undefined;
  try {
    line = await lines.next();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  if (line === undefined) throw refuse('the file ends too early');
  return line;
}

/** Restore only into an empty installation; the lock keeps anyone from writing until we commit. */
async function lockEmptyInstallation(tx: Db, tables: BackupTable[]): Promise<void> {
  await tx.execute(sql`lock table ${list(tables.map((t) => sql.identifier(t.name)))} in exclusive mode`);
  const used: string[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ used: boolean }>(tx, sql`select exists (select 1 from ${sql.identifier(table.name)}) as used`);
    if (row?.used) used.push(table.name);
  }
  if (used.length === 0) return;
  const names = used.join(', ');
  throw new DomainError('CONFLICT', {
    userMessage: {
      sv: `Återställning görs bara till en tom installation, men den här databasen har redan innehåll (${names}). Skapa en ny, tom databas (eller en ny datamapp för PGlite), peka Kansli på den och återställ där. ${UNCHANGED.sv}`,
      en: `Restore only goes into an empty installation, but this database already holds data (${names}). Create a new, empty database (or a new data folder for PGlite), point Kansli at it and restore there. ${UNCHANGED.en}`,
    },
  });
}

async function assertMigrationsApplied(tx: Db, migrations: string[]): Promise<void> {
  const applied = new Set((await queryRows<{ tag: string }>(tx, sql`select tag from kansli_migrations`)).map((r) => r.tag));
  const missing = migrations.filter((tag) => !applied.has(tag));
  if (missing.length === 0) return;
  throw invalidFile(
    'Säkerhetskopian kommer från en nyare version av Kansli. Uppdatera Kansli till minst samma version och försök igen.',
    'The backup comes from a newer version of Kansli. Update Kansli to at least the same version and try again.',
    `missing migrations: ${missing.join(', ')}`,
  );
}

async function insertRows(tx: Db, table: string, columns: string[], rows: string[]): Promise<void> {
  const t = sql.identifier(table);
  const names = list(columns.map((c) => sql.identifier(c)));
  try {
    await tx.execute(sql`insert into ${t} (${names}) overriding system value
      select ${names} from json_populate_recordset(null::${t}, ${`[${rows.join(',')}]`}::json)`);
  } catch (error) {
    throw damaged(`${table}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restoreTable(tx: Db, lines: LineReader, target: BackupTable, section: z.infer<typeof ZTableLine>): Promise<void> {
  const unknown = section.columns.filter((c) => !target.columns.includes(c));
  if (unknown.length > 0) throw notABackup(`${section.table} has no column ${unknown.join(', ')} here`);
  let batch: string[] = [];
  for (let i = 0; i < section.rows; i += 1) {
    batch.push(await requireLine(lines));
    if (batch.length === BATCH_ROWS || i === section.rows - 1) {
      await insertRows(tx, section.table, section.columns, batch);
      batch = [];
    }
  }
}

async function restoreTables(tx: Db, lines: LineReader, tables: BackupTable[]): Promise<BackupSummary> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const seen = new Set<string>();
  const summary: BackupSummary = { rows: 0, tables: 0 };
  for (;;) {
    const section = parseLine(ZSection, await requireLine(lines), damaged);
    if ('end' in section) {
      if (section.rows !== summary.rows || section.tables !== summary.tables) throw damaged('the totals do not match');
      const extra = await lines.next().catch((error: unknown) => {
        throw damaged(String(error));
      });
      if (extra !== undefined) throw damaged('lines after the end');
      return summary;
    }
    const target = byName.get(section.table);
    if (!target || seen.has(section.table)) throw notABackup(`table ${section.table}`);
    seen.add(section.table);
    await restoreTable(tx, lines, target, section);
    summary.tables += 1;
    summary.rows += section.rows;
  }
}

/** serial/bigserial/identity columns continue after the restored rows (audit_log.seq, login_attempts.id). */
async function resetSequences(tx: Db, tables: BackupTable[]): Promise<void> {
  const names = new Set(tables.map((t) => t.name));
  const serials = await queryRows<{ table: string; column: string; seq: string }>(
    tx,
    sql`select c.relname as table, a.attname as column, s.seq
      from pg_class c join pg_attribute a on a.attrelid = c.oid,
      lateral (select pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(c.relname), a.attname) as seq) s
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and s.seq is not null`,
  );
  for (const serial of serials.filter((s) => names.has(s.table))) {
    await tx.execute(sql`select setval(${serial.seq}::regclass, coalesce(max(${sql.identifier(serial.column)}), 0) + 1, false) from ${sql.identifier(serial.table)}`);
  }
}

/**
 * Restore a backup into an empty installation, in one transaction: a failure half-way leaves the
 * database empty as before. The audit log is copied verbatim, so its chain still verifies; the
 * restore itself is then appended to it.
 */
export async function restoreFromFile(database: Database, file: string, actor: Actor): Promise<BackupSummary> {
  const lines = readLines(file);
  try {
    const header = parseLine(ZHeader, await requireLine(lines, notABackup), notABackup);
    if (header.version !== BACKUP_VERSION) throw notABackup(`format version ${header.version}; this Kansli reads version ${BACKUP_VERSION}`);
    return await database.db.transaction(async (tx) => {
      const tables = await backupTables(tx);
      await lockEmptyInstallation(tx, tables);
      await assertMigrationsApplied(tx, header.migrations);
      // Final protocols come back with their paragraphs; the immutability trigger allows that only here.
      await tx.execute(sql`set local kansli.restoring = 'on'`);
      const summary = await restoreTables(tx, lines, tables);
      // The installation's own event, of no one organisation: shown to the committees' readers.
      await recordAudit(tx, actor, { action: 'backup.restore', entity: 'installation', after: { file: path.basename(file), backupCreatedAt: header.createdAt, ...summary }, organisationId: null });
      await resetSequences(tx, tables);
      return summary;
    });
  } finally {
    lines.close();
  }
}
