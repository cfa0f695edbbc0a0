/**
 * The server process behind `npm start` (main.ts): the configured OpenID providers checked, the
 * services and routes built on the database main.ts began opening, the server listening, and a
 * clean stop on SIGINT/SIGTERM.
 */
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { buildApp } from './platform/http/app.js';
import { KANSLI } from './routes.js';
import { createServices } from './services.js';
import { checkOidcIssuers, OidcIssuerUnreachable } from './features/auth/oidc.service.js';
import { REMINDER_SCAN_INTERVAL_MS } from './features/tasks/reminder-scan.js';
import { createPeriodicJob } from './platform/jobs/periodic.js';

/** A problem of the installation, told in a sentence without a stack trace (exit code 2). */
export function isSettingProblem(error: unknown): error is OidcIssuerUnreachable {
  return error instanceof OidcIssuerUnreachable;
}

export async function serve(config: Config, opening: Promise<Database>): Promise<void> {
  try {
    await checkOidcIssuers(config.oidc);
  } catch (error) {
    await opening.then((database) => database.close(), () => undefined);
    throw error;
  }
  const database = await opening;
  const services = createServices(database, config);
  // Reminders before the justering, posting and cooperation deadlines: each claimed once, so several servers may scan.
  const reminders = createPeriodicJob({ name: 'reminders', intervalMs: REMINDER_SCAN_INTERVAL_MS, run: () => services.reminders.scan() });
  // The background work starts after the first answer (AppServices.warmUp): its first queries and
  // the PDF code would otherwise hold the first request. Queued e-mail (a notice to every member,
  // …) is then delivered in the background and retried on failure.
  const app = buildApp(
    {
      ...services,
      warmUp: async () => {
        services.mailer.start();
        reminders.start();
        await services.warmUp();
      },
    },
    KANSLI,
  );
  const stop = async (signal: string) => {
    app.log.info(`${signal}: stopping`);
    // Open event streams (members' live pages, the big screen) would hold app.close() for ever:
    // end them first; the browsers reconnect to another server.
    services.eventStreams.closeAll();
    await app.close();
    // A package started from the web is written after its answer: let it finish, or it stays "running".
    await services.archive.deliveries.settled();
    await services.realtime.close();
    await reminders.stop();
    await services.mailer.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`;
  console.log(`Kansli körs på http://${config.host}:${config.port} (${where})`);
}
