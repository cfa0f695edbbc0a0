import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { createArchiveExportService } from './archive-export.service.js';
import { createArchiveImportService } from './archive-import.service.js';
import { archiveScope } from './archive-scope.js';
import { createDisposalService } from './disposal.service.js';
import { createRetentionService } from './retention.service.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/** The archive: document management plan, e-archive deliveries and re-import, legal holds and disposal. */
export function createArchiveService(deps: { database: Database; clock: Clock; config: Config }) {
  return {
    /** The committee's archive start page: what the principal may do there. */
    home(principal: Principal | null, committee: OrganisationRow) {
      assertCan(principal, 'archive.read', archiveScope(committee.id));
      return { canManagePersonalData: can(principal, 'personalData.manage', archiveScope(committee.id)) };
    },
    plan: createRetentionService(deps),
    deliveries: createArchiveExportService(deps),
    archived: createArchiveImportService(deps),
    disposal: createDisposalService(deps),
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
