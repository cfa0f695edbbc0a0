import type { AppParts, RegisterRoutes } from './platform/http/app.js';
import type { NavigationItem } from './platform/http/navigation.js';
import type { Services } from './services.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { registerAccountRoutes } from './features/auth/account.routes.js';
import { registerHomeRoutes } from './features/home/home.routes.js';
import { registerOrganisationRoutes } from './features/organisation/organisation.routes.js';
import { registerAdminRoutes } from './features/admin/admin.routes.js';
import { registerRegistryRoutes } from './features/registry/registry.routes.js';
import { registerLiveMeetingRoutes } from './features/meetings/proceedings/live-meeting.routes.js';
import { registerLiveRoomRoutes } from './features/live/live.routes.js';
import { registerLiveElectionRoutes } from './features/live/live-election.routes.js';
import { registerSearchRoutes } from './features/search/search.routes.js';
import { registerRegistryApi } from './features/registry/registry.api.js';
import { registerAgendaRoutes } from './features/meetings/agenda/agenda.routes.js';
import { registerNoticeRoutes } from './features/meetings/agenda/notice.routes.js';
import { registerMemberRoomRoutes } from './features/meetings/member-room/member-room.routes.js';
import { registerScheduleRoutes } from './features/meetings/schedule/schedule.routes.js';
import { registerVerifyRoutes } from './features/protocols/verify.routes.js';
import { registerJusteringRoutes } from './features/protocols/justering.routes.js';
import { registerProtocolRoutes } from './features/protocols/protocol.routes.js';
import { registerReviewRoutes } from './features/protocols/review.routes.js';
import { registerSecretPaperRoutes } from './features/meetings/member-room/secret-paper.routes.js';
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
export const ALL_ROUTES: readonly RegisterRoutes<Services>[] = [
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
  registerSecretPaperRoutes,
  registerLiveMeetingRoutes,
  registerLiveRoomRoutes,
  registerLiveElectionRoutes,
  registerVerifyRoutes,
  registerJusteringRoutes,
  registerProtocolRoutes,
  registerReviewRoutes,
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

/** The main menu, in order; an entry shows only to those its action allows. */
export const MAIN_MENU: readonly NavigationItem[] = [
  { href: '/mina-moten', label: 'nav.myMeetings', action: 'meetingRoom.use' },
  { href: '/organisation', label: 'nav.organisation', action: 'organisation.read' },
  { href: '/personer', label: 'nav.people', action: 'organisation.read' },
  { href: '/arenden', label: 'nav.registry', action: 'registry.read' },
  { href: '/sok', label: 'nav.search', action: 'public' },
  { href: '/moten', label: 'nav.meetings', action: 'meeting.read' },
  { href: '/anslag', label: 'home.registrarNotices', action: 'publication.recordPosting' },
  { href: '/planering', label: 'nav.planning', action: 'planning.read' },
  { href: '/ekonomi', label: 'nav.economy', action: 'economy.read' },
  { href: '/samverkan', label: 'nav.cooperation', action: 'cooperation.read' },
  { href: '/arkiv', label: 'nav.archive', action: 'archive.read' },
  { href: '/admin/anvandare', label: 'nav.users', action: 'user.manage' },
  { href: '/admin/granskningslogg', label: 'nav.audit', action: 'audit.read' },
];

/** What the features hand the platform's app: their routes and the menu. */
export const KANSLI: AppParts<Services> = { routes: ALL_ROUTES, navigation: MAIN_MENU };
