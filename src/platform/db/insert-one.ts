/**
 * The one row an `INSERT … RETURNING` gives back. PostgreSQL returns exactly one row per inserted
 * row, so an empty result is a bug (or a trigger that swallowed the row), never a user's mistake.
 */
export async function insertOne<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}
