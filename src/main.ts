import { loadConfig, ConfigError } from './platform/config/config.js';
import { openDatabase } from './platform/db/open.js';
import { buildApp } from './platform/http/app.js';
import { KANSLI } from './routes.js';
import { createServices } from './services.js';
import { DirectoryLockedError } from './platform/db/lock.js';
import { MigrationError } from './platform/db/migrate.js';
import { checkOidcIssuers, OidcIssuerUnreachable } from './features/auth/oidc.service.js';
import { REMINDER_SCAN_INTERVAL_MS } from './features/tasks/reminder-scan.js';
import { createPeriodicJob } from './platform/jobs/periodic.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await checkOidcIssuers(config.oidc);
  const database = await openDatabase(config);
  const services = createServices(database, config);
  const app = buildApp(services, KANSLI);
  // Reminders before the justering, posting and cooperation deadlines: each claimed once, so several servers may scan.
  const reminders = createPeriodicJob({ name: 'reminders', intervalMs: REMINDER_SCAN_INTERVAL_MS, run: () => services.reminders.scan() });
  const stop = async (signal: string) => {
    app.log.info(`${signal}: stopping`);
    // Open event streams (members' live pages, the big screen) would hold app.close() for ever:
    // end them first; the browsers reconnect to another server.
    services.eventStreams.closeAll();
    await app.close();
    await services.realtime.close();
    await reminders.stop();
    await services.mailer.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Queued e-mail (a notice to every member, …) is delivered in the background, retried on failure.
  services.mailer.start();
  reminders.start();
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`;
  console.log(`Kansli körs på http://${config.host}:${config.port} (${where})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof OidcIssuerUnreachable) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DirectoryLockedError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
