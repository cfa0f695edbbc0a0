import './messages.js';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createAccountService } from './features/auth/account.service.js';
import { createOrganisationService } from './features/organisation/organisation.service.js';
import { createAdminService } from './features/admin/admin.service.js';
import { createPersonLinkService } from './features/admin/person-link.service.js';
import { createRegistryService } from './features/registry/registry.service.js';
import { createRegistryEditService } from './features/registry/registry-edit.service.js';
import { createSearchService } from './features/search/search.service.js';
import { createMailer } from './platform/mail/mailer.js';
import { createLiveMeetingService } from './features/meetings/proceedings/live-meeting.service.js';
import { createAgendaService } from './features/meetings/agenda/agenda.service.js';
import { createNoticeService } from './features/meetings/agenda/notice.service.js';
import { createMemberRoomService } from './features/meetings/member-room/member-room.service.js';
import { createScheduleService } from './features/meetings/schedule/schedule.service.js';
import { createVerifyService } from './features/protocols/verify.service.js';
import { createJusteringService } from './features/protocols/justering.service.js';
import { createReviewService } from './features/protocols/review.service.js';
import { createExtractService } from './features/protocols/extract.service.js';
import { createProtocolService } from './features/protocols/protocol.service.js';
import { createCorrectionService } from './features/protocols/correction.service.js';
import { createProtocolFileService } from './features/protocols/protocol-files.service.js';
import { createCooperationService } from './features/cooperation/cooperation.service.js';
import { createOparlService } from './features/oparl/oparl.service.js';
import { createImportService } from './features/economy/import.service.js';
import { createPublicationService } from './features/publication/publication.service.js';
import { createPortalService } from './features/portal/portal.service.js';
import { createAccessibilityService } from './features/home/accessibility.service.js';
import { createPlanningService } from './features/planning/planning.service.js';
import { createEconomyService } from './features/economy/economy.service.js';
import { createArchiveService } from './features/archive/archive.service.js';
import { createPrivacyService } from './features/privacy/privacy.service.js';
import { createOidcService } from './features/auth/oidc.service.js';
import { createOidcAdminService } from './features/auth/oidc-admin.service.js';
import { createTaskService } from './features/tasks/tasks.service.js';
import { createTaskNotifier } from './features/tasks/task-notifier.js';
import { createRealtime } from './platform/realtime/realtime.js';
import { createLiveRoomService, topicOf } from './features/live/live.service.js';
import { cryptoRandom } from './features/meetings/proceedings/live-meeting.write.js';
import { createEventStreams } from './platform/realtime/sse.js';
import { createReminderScan } from './features/tasks/reminder-scan.js';
import { createProtocolSealer } from './features/protocols/protocol-sealer.js';
import { loadWebauthnLibrary } from './features/protocols/webauthn.js';

/** Wire every service once; the server, the CLI and the tests all use this. */
export function createServices(database: Database, config: Config, clock: Clock = systemClock) {
  // One seal per process: read (or made) and parsed once, warmed up when the server listens.
  const sealer = createProtocolSealer(config);
  const deps = { database, config, clock, sealer };
  const mailer = createMailer(deps);
  const auth = createAuthService(deps);
  const publication = createPublicationService(deps);
  const notifier = createTaskNotifier({ ...deps, mailer });
  // Live meeting notices: PostgreSQL LISTEN/NOTIFY shared by every app server, or in-process on PGlite.
  const realtime = createRealtime({ databaseUrl: config.databaseUrl });
  const cooperation = createCooperationService({ ...deps, mailer, agenda: createAgendaService(deps) });
  return {
    realtime,
    eventStreams: createEventStreams(realtime),
    liveRoom: createLiveRoomService({ database, clock, realtime, random: cryptoRandom }),
    mailer,
    database,
    config,
    clock,
    sealer,
    /** Once the server has answered: what the first passkey and the first sealing signature would otherwise wait for. */
    warmUp: async () => {
      await loadWebauthnLibrary();
      await sealer.warmUp();
    },
    auth,
    account: createAccountService({ ...deps, mailer }),
    oidc: createOidcService({ ...deps, openSession: auth.openSession }),
    oidcAdmin: createOidcAdminService(deps),
    organisation: createOrganisationService(deps),
    admin: createAdminService(deps),
    personLinks: createPersonLinkService(deps),
    registry: createRegistryService(deps),
    registryEdit: createRegistryEditService(deps),
    // The secretary's changes reach the members' pages and the big screen too.
    liveMeeting: createLiveMeetingService({ ...deps, onChange: (meetingId) => realtime.publish(topicOf(meetingId)).catch(() => {}) }),
    agenda: createAgendaService(deps),
    notice: createNoticeService({ ...deps, mailer }),
    memberRoom: createMemberRoomService({ ...deps, mailer, notifier }),
    search: createSearchService(deps),
    schedule: createScheduleService(deps),
    verify: createVerifyService(deps),
    justering: createJusteringService({ ...deps, notifier }),
    review: createReviewService({ ...deps, notifier }),
    extracts: createExtractService({ ...deps, mailer }),
    protocols: createProtocolService({ ...deps, notifier }),
    corrections: createCorrectionService(deps),
    protocolFiles: createProtocolFileService({ ...deps, mailer }),
    cooperation,
    archive: createArchiveService(deps),
    privacy: createPrivacyService(deps),
    oparl: createOparlService(deps),
    outcomeImport: createImportService(deps),
    publication,
    tasks: createTaskService({ ...deps, publication, cooperation }),
    notifier,
    reminders: createReminderScan({ clock, notifier, cooperation }),
    portal: createPortalService(deps),
    accessibility: createAccessibilityService(deps),
    planning: createPlanningService(deps),
    economy: createEconomyService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
