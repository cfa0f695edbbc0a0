/**
 * What an open vote (live-vote.ts) and an election by closed ballot (live-election.ts) share: a
 * ballot is one transaction with the vote's row locked, refused once the row is closed or the
 * meeting no longer open; the last ballot closes the vote after the commit; closing locks the row
 * and ends without a record when the item was decided another way meanwhile.
 */
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { findMeeting } from '../meetings/meetings.repository.js';
import { requireItem, requireQuorum, type WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import type { AgendaItemRow, MeetingRow } from '../meetings/meetings.tables.js';

interface BallotRow {
  id: string;
  itemId: string;
  closedAt: Date | null;
}

interface Refusals {
  refuseMissing(): never;
  refuseClosed(): never;
}

/** One ballot in one transaction: the row locked by `lock`, the meeting open, then `cast`. */
export async function castInTransaction<R extends BallotRow, T>(
  db: Db,
  meetingId: string,
  options: Refusals & { lock(tx: Db): Promise<R | undefined> },
  cast: (tx: Db, row: R, meeting: MeetingRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const row = await options.lock(tx);
    if (!row) return options.refuseMissing();
    if (row.closedAt) return options.refuseClosed();
    const meeting = await findMeeting(tx, meetingId);
    if (meeting?.status !== 'open') return options.refuseClosed();
    return cast(tx, row, meeting);
  });
}

/** After the last ballot's commit: closes the vote, unless it cannot close now (the chair then closes it by hand). */
export async function closeAfterLastBallot(isLast: boolean, close: () => Promise<void>): Promise<void> {
  if (!isLast) return;
  try {
    await close();
  } catch (error) {
    // No quorum any more, a tie the chair has not voted in, or closed by the chair meanwhile.
    if (!(error instanceof DomainError)) throw error;
  }
}

/**
 * The start of closing inside the meeting's write: the row locked, refused when gone or closed.
 * An item decided another way meanwhile ends the vote without a record of its own (null).
 */
export async function beginClosing<R extends BallotRow>(
  w: WriteContext,
  options: Refusals & { lock(): Promise<R | undefined>; cancel(row: R): Promise<void>; audit: { action: string; entity: string } },
): Promise<{ row: R; item: AgendaItemRow; index: number } | null> {
  const row = await options.lock();
  if (!row) return options.refuseMissing();
  if (row.closedAt) return options.refuseClosed();
  const { item, index } = requireItem(w, row.itemId);
  if (item.status !== 'pending') {
    await options.cancel(row);
    await w.audit(options.audit.action, options.audit.entity, row.id, { after: { reason: `item ${item.status}` } });
    return null;
  }
  requireQuorum(w, index);
  return { row, item, index };
}
