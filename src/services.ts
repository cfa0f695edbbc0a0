import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createOrganisationService } from './features/organisation/organisation.service.js';
import { createAdminService } from './features/admin/admin.service.js';
import { createRegistryService } from './features/registry/registry.service.js';
import { createSearchService } from './features/search/search.service.js';
import { createMailer } from './platform/mail/mailer.js';
import { createLiveMeetingService } from './features/meetings/live-meeting.service.js';
import { createAgendaService } from './features/meetings/agenda.service.js';
import { createNoticeService } from './features/meetings/notice.service.js';
import { createMemberRoomService } from './features/meetings/member-room.service.js';
import { createScheduleService } from './features/meetings/schedule.service.js';
import { createVerifyService } from './features/protocols/verify.service.js';
import { createJusteringService } from './features/protocols/justering.service.js';
import { createExtractService } from './features/protocols/extract.service.js';
import { createProtocolService } from './features/protocols/protocol.service.js';

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
    liveMeeting: createLiveMeetingService(deps),
    agenda: createAgendaService(deps),
    notice: createNoticeService({ ...deps, mailer }),
    memberRoom: createMemberRoomService({ ...deps, mailer }),
    search: createSearchService(deps),
    schedule: createScheduleService(deps),
    verify: createVerifyService(deps),
    justering: createJusteringService(deps),
    extracts: createExtractService({ ...deps, mailer }),
    protocols: createProtocolService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
