import type { RegisterRoutes } from './platform/http/app.js';
import { registerAuthRoutes } from './features/auth/auth.routes.js';
import { registerHomeRoutes } from './features/home/home.routes.js';
import { registerOrganisationRoutes } from './features/organisation/organisation.routes.js';
import { registerAdminRoutes } from './features/admin/admin.routes.js';
import { registerRegistryRoutes } from './features/registry/registry.routes.js';

/** Every feature's routes, in one list for buildApp. */
export const ALL_ROUTES: readonly RegisterRoutes[] = [registerHomeRoutes, registerAuthRoutes, registerOrganisationRoutes, registerAdminRoutes, registerRegistryRoutes];
