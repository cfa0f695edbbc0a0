import type { RegisterRoutes } from './platform/http/app.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { registerAccountRoutes } from './features/auth/account.routes.js';
import { registerHomeRoutes } from './features/home/home.routes.js';
import { registerOrganisationRoutes } from './features/organisation/organisation.routes.js';
import { registerAdminRoutes } from './features/admin/admin.routes.js';
import { registerRegistryRoutes } from './features/registry/registry.routes.js';
import { registerLiveMeetingRoutes } from './features/meetings/live-meeting.routes.js';
import { registerSearchRoutes } from './features/search/search.routes.js';
import { registerRegistryApi } from './features/registry/registry.api.js';
import { registerAgendaRoutes } from './features/meetings/agenda.routes.js';
import { registerNoticeRoutes } from './features/meetings/notice.routes.js';
import { registerMemberRoomRoutes } from './features/meetings/member-room.routes.js';
import { registerScheduleRoutes } from './features/meetings/schedule.routes.js';
import { registerVerifyRoutes } from './features/protocols/verify.routes.js';
import { registerJusteringRoutes } from './features/protocols/justering.routes.js';
import { registerProtocolRoutes } from './features/protocols/protocol.routes.js';
import { registerProtocolFileRoutes } from './features/protocols/protocol-files.routes.js';
import { registerPlanningRoutes } from './features/planning/planning.routes.js';
import { registerCooperationRoutes } from './features/cooperation/cooperation.routes.js';
import { registerOparlRoutes } from './features/oparl/oparl.routes.js';
import { registerImportRoutes } from './features/economy/import.routes.js';
import { registerEconomyRoutes } from './features/economy/economy.routes.js';
import { registerPublicationRoutes } from './features/publication/publication.routes.js';
import { registerPortalRoutes } from './features/portal/portal.routes.js';
import { registerArchiveRoutes } from './features/archive/archive.routes.js';
import { registerPrivacyRoutes } from './features/privacy/privacy.routes.js';
import { registerOidcRoutes } from './features/auth/oidc.routes.js';
import { registerOidcAdminRoutes } from './features/auth/oidc-admin.routes.js';

/** Every feature's routes, in one list for buildApp. */
export const ALL_ROUTES: readonly RegisterRoutes[] = [
  registerHomeRoutes,
  registerAuthRoutes,
  registerAccountRoutes,
  registerOrganisationRoutes,
  registerAdminRoutes,
  registerRegistryRoutes,
  registerRegistryApi,
  registerSearchRoutes,
  registerScheduleRoutes,
  registerAgendaRoutes,
  registerNoticeRoutes,
  registerMemberRoomRoutes,
  registerLiveMeetingRoutes,
  registerVerifyRoutes,
  registerJusteringRoutes,
  registerProtocolRoutes,
  registerProtocolFileRoutes,
  registerPlanningRoutes,
  registerCooperationRoutes,
  registerOparlRoutes,
  registerImportRoutes,
  registerEconomyRoutes,
  registerPublicationRoutes,
  registerPortalRoutes,
  registerArchiveRoutes,
  registerPrivacyRoutes,
  registerOidcRoutes,
  registerOidcAdminRoutes,
];
