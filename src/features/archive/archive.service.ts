import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { createArchiveExportService } from './archive-export.service.js';
import { createArchiveImportService } from './archive-import.service.js';
import { createDisposalService } from './disposal.service.js';
import { createRetentionService } from './retention.service.js';

/** The archive: document management plan, e-archive deliveries and re-import, legal holds and disposal. */
export function createArchiveService(deps: { database: Database; clock: Clock; config: Config }) {
  return {
    plan: createRetentionService(deps),
    deliveries: createArchiveExportService(deps),
    archived: createArchiveImportService(deps),
    disposal: createDisposalService(deps),
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
