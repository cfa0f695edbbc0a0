/**
 * Every table of Kansli, for what needs them all: the person export (GDPR art. 15) reads the
 * columns of each, and drizzle-kit reads this file. Each feature owns its tables in its own
 * `*.tables.ts`; src/tables.test.ts checks that every such file is listed here.
 */
export * from './platform/audit/audit.tables.js';
export { RECORD_ORIGINS, type RecordOrigin } from './platform/db/columns.js';
export * from './platform/db/file-blobs.tables.js';
export * from './platform/mail/mail.tables.js';
export * from './features/archive/archive.tables.js';
export * from './features/auth/auth.tables.js';
export * from './features/cooperation/cooperation.tables.js';
export * from './features/economy/economy.tables.js';
export * from './features/home/home.tables.js';
export * from './features/live/live.tables.js';
export * from './features/live/live-election.tables.js';
export * from './features/meetings/meetings.tables.js';
export * from './features/oparl/oparl.tables.js';
export * from './features/organisation/organisation.tables.js';
export * from './features/planning/planning.tables.js';
export * from './features/privacy/privacy.tables.js';
export * from './features/protocols/protocols.tables.js';
export * from './features/publication/publication.tables.js';
export * from './features/registry/registry.tables.js';
export * from './features/search/search.tables.js';
export * from './features/tasks/tasks.tables.js';
