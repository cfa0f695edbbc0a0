import type { Config } from '../config/config.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { migrate } from './migrate.js';

/** Open the configured database (PostgreSQL when DATABASE_URL is set, else PGlite) and migrate it. */
export async function openDatabase(config: Config, options: { migrate?: boolean } = {}): Promise<Database> {
  const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    if (options.migrate !== false) await migrate(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
