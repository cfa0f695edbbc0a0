import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createOrganisationService } from './features/organisation/organisation.service.js';
import { createAdminService } from './features/admin/admin.service.js';
import { createRegistryService } from './features/registry/registry.service.js';
import { createMailer } from './platform/mail/mailer.js';

/** Wire every service once; the server, the CLI and the tests all use this. */
export function createServices(database: Database, config: Config, clock: Clock = systemClock) {
  const deps = { database, config, clock };
  const mailer = createMailer(deps);
  return {
    mailer,
    database,
    config,
    clock,
    auth: createAuthService(deps),
    organisation: createOrganisationService(deps),
    admin: createAdminService(deps),
    registry: createRegistryService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
