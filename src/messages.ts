/**
 * Loads every feature's messages, so that the catalogue is whole before the first page renders.
 * Each messages file registers its group when loaded (platform/i18n/define.ts); the services import
 * this file. A test checks that every *.messages.ts under src/features is listed here.
 */
import './features/admin/admin.messages.js';
import './features/archive/archive.messages.js';
import './features/auth/auth.messages.js';
import './features/auth/oidc.messages.js';
import './features/cooperation/cooperation.messages.js';
import './features/economy/economy.messages.js';
import './features/economy/import.messages.js';
import './features/home/home.messages.js';
import './features/live/live.messages.js';
import './features/meetings/agenda/agenda.messages.js';
import './features/meetings/proceedings/live-meeting.messages.js';
import './features/meetings/proceedings/meeting-opening.messages.js';
import './features/meetings/member-room/member-room.messages.js';
import './features/meetings/schedule/schedule.messages.js';
import './features/organisation/organisation.messages.js';
import './features/planning/planning.messages.js';
import './features/portal/portal.messages.js';
import './features/privacy/privacy.messages.js';
import './features/protocols/correction.messages.js';
import './features/protocols/justering.messages.js';
import './features/protocols/protocol.messages.js';
import './features/protocols/review.messages.js';
import './features/protocols/verify.messages.js';
import './features/publication/publication.messages.js';
import './features/registry/registry.messages.js';
import './features/search/search.messages.js';
import './features/tasks/tasks.messages.js';
