/**
 * What the room's service (live.service.ts) gives its parts (speakers, member actions, votes and
 * elections): the one write, and the checks of who may run the meeting or take part in it.
 */
import type { Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import type { AttendanceModel, CalledPerson } from '../meetings/proceedings/live-meeting.state.js';
import type { WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import type { MeetingRow } from '../meetings/meetings.tables.js';

/** One change in one transaction with the meeting locked, audited, published after the commit; `allowPlanned` also before the meeting opens. */
export type LiveWrite = <T>(actor: Actor, meetingId: string, run: (w: WriteContext) => Promise<T>, options?: { allowPlanned?: boolean }) => Promise<T>;

export interface RoomAccess {
  write: LiveWrite;
  /** The chair or the secretary: meeting.run in the committee that owns the meeting's body. */
  requireRun(principal: Principal | null, meetingId: string): Promise<{ meeting: MeetingRow; principal: Principal | null }>;
  /** A member called to the meeting, signed in with a role of the room. */
  requireMember(principal: Principal | null, meetingId: string): Promise<{ meeting: MeetingRow; person: CalledPerson; model: AttendanceModel }>;
}

/** What the open votes (live-vote.ts) and the elections by closed ballot (live-election.ts) need besides. */
export interface BallotDeps extends RoomAccess {
  db: Db;
  clock: Clock;
  publish(meetingId: string): Promise<void>;
  random: () => number;
}
