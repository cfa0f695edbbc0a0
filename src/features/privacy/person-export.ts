/**
 * Everything Kansli holds about one person (GDPR art. 15): every row of every table with a column
 * that names a person or a user, found by reading the schema itself so that a new table is
 * covered without anyone remembering to add it.
 */
import { getTableColumns, inArray, is, or, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../tables.js';
import type { Db } from '../../platform/db/database.js';
import { listAccountsOfPerson } from '../auth/users.repository.js';
import { findPerson } from '../organisation/organisation.repository.js';
import { selectRowsWhere } from './privacy.repository.js';

export interface PersonColumn {
  table: string;
  column: string;
  /** A person id (people.id), a user id (users.id), or a text label holding the user's e-mail or the person's name. */
  by: 'person' | 'user' | 'label';
  ref: { table: PgTable; column: PgColumn };
}

/** Text columns that record who did something by name or e-mail (the audit label, "registered by" and so on). */
const LABEL_COLUMNS = new Set(['actor_label', 'registered_by', 'created_by', 'secrecy_marked_by', 'certified_by', 'secretary_name', 'approved_by_name']);
/** Never exported as they are: secrets, and binary content. */
const SECRET_COLUMNS = new Set(['password_hash', 'totp_secret', 'token_hash', 'public_key', 'challenge']);

export const ALL_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/** Every column that names a person or user: by name (`person_id`, `…_user_id`), by foreign key, or a label column. */
export function personColumns(): PersonColumn[] {
  const out: PersonColumn[] = [];
  for (const table of ALL_TABLES) {
    const config = getTableConfig(table);
    const fkTarget = new Map<string, string>();
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      for (const c of ref.columns) fkTarget.set(c.name, target);
    }
    for (const column of config.columns) {
      const name = column.name;
      const by: PersonColumn['by'] | undefined =
        fkTarget.get(name) === 'people' || /(^|_)person_id$/.test(name)
          ? 'person'
          : fkTarget.get(name) === 'users' || /(^|_)user_id$/.test(name)
            ? 'user'
            : LABEL_COLUMNS.has(name)
              ? 'label'
              : undefined;
      if (by) out.push({ table: config.name, column: name, by, ref: { table, column } });
    }
  }
  return out;
}

export interface PersonExport {
  generatedAt: string;
  personId: string;
  /** The people row itself and every row naming the person or one of the person's users. */
  tables: { table: string; column: string; rows: Record<string, unknown>[] }[];
}

function present(row: Record<string, unknown>, table: PgTable): Record<string, unknown> {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = columns[key]?.name ?? key;
    if (name === 'tsv') continue;
    out[name] = SECRET_COLUMNS.has(name) ? (value === null ? null : '[dold / hidden]') : Buffer.isBuffer(value) ? `[${value.length} byte]` : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** Collect every row naming the person: by person id, by the ids of the person's users, and by their e-mail or name in label columns. */
export async function collectPersonData(db: Db, personId: string, now: Date): Promise<PersonExport> {
  const person = await findPerson(db, personId);
  const userRows = await listAccountsOfPerson(db, personId);
  const userIds = userRows.map((u) => u.id);
  const labels = [...userRows.flatMap((u) => [u.email, u.name]), ...(person ? [person.name, person.email ?? ''] : [])].filter((l) => l !== '');
  const tables: PersonExport['tables'] = [];
  if (person) tables.push({ table: 'people', column: 'id', rows: [present(person as unknown as Record<string, unknown>, schema.people)] });
  for (const c of personColumns()) {
    const ids = c.by === 'person' ? [personId] : c.by === 'user' ? userIds : labels;
    if (ids.length === 0) continue;
    const where: SQL | undefined = c.by === 'label' ? or(...ids.map((l) => sql`lower(${c.ref.column}) = lower(${l})`)) : inArray(c.ref.column, ids);
    const rows = await selectRowsWhere(db, c.ref.table, where);
    if (rows.length) tables.push({ table: c.table, column: c.column, rows: rows.map((r) => present(r, c.ref.table)) });
  }
  return { generatedAt: now.toISOString(), personId, tables };
}
