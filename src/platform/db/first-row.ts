/** The first row a query gives back, or undefined when it finds none (a lookup by key finds one or none). */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  const [row] = await query;
  return row;
}
