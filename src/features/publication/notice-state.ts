/**
 * The state of a protocol's notices at a moment: which boards carry it, whether the posting came
 * in time, and the appeal period once every member municipality has posted. Pure: the caller
 * passes the time; the rules themselves are the domain's (KL 8:12, 13:5).
 */
import { addDays, appealPeriod, compareDates, isPostingLate, noticePostingDeadline } from '../../domain/index.js';
import { swedishDate } from '../../platform/clock.js';

export interface NoticeLike {
  postingMethod: 'automatic' | 'manual';
  scheduledAt: Date | null;
  postedOn: string | null;
  takenDownOn: string | null;
}

/**
 * The day the notice went up on the board: the recorded date, or for an automatic posting the
 * day its scheduled time came (a scheduled notice counts as posted once its time has passed, so
 * no background job is needed).
 */
export function effectivePostedOn(row: NoticeLike, now: Date): string | null {
  if (row.postedOn) return row.postedOn;
  if (row.postingMethod === 'automatic' && row.scheduledAt && row.scheduledAt.getTime() <= now.getTime()) return swedishDate(row.scheduledAt);
  return null;
}

export interface ProtocolNoticeStatus {
  justeredOn: string;
  /** The last day to post (KL 8:12). */
  deadline: string;
  allPosted: boolean;
  /** Once posted on every board: the appeal period (KL 13:5) and the first day the notice may come down. */
  appeal: { startsOn: string; lastDay: string; takeDownOn: string } | null;
}

/** The dates that follow the postings of one protocol's notices, all of them. */
export function protocolNoticeStatus(options: { justeredOn: string; notices: readonly NoticeLike[]; now: Date }): ProtocolNoticeStatus {
  const posted = options.notices.map((n) => effectivePostedOn(n, options.now));
  const dates = posted.filter((d): d is string => d !== null);
  const allPosted = options.notices.length > 0 && dates.length === options.notices.length;
  const period = allPosted ? appealPeriod({ postedOn: dates }) : null;
  return {
    justeredOn: options.justeredOn,
    deadline: noticePostingDeadline({ justeredOn: options.justeredOn }),
    allPosted,
    appeal: period ? { ...period, takeDownOn: addDays(period.lastDay, 1) } : null,
  };
}

/** True when this board's posting came after the second day after justering (KL 8:12). */
export function isLatePosting(options: { justeredOn: string; postedOn: string | null; today: string }): boolean {
  const { justeredOn, postedOn, today } = options;
  if (postedOn === null) return compareDates(today, noticePostingDeadline({ justeredOn })) > 0;
  if (compareDates(postedOn, justeredOn) < 0) return false;
  return isPostingLate({ justeringDate: justeredOn, postedOn });
}

/** Where a notice stands on one board today: not up yet, up (current), or taken down (earlier). */
export function boardPlacement(options: { postedOn: string | null; takenDownOn: string | null; status: ProtocolNoticeStatus; today: string }): 'pending' | 'current' | 'earlier' {
  const { postedOn, takenDownOn, status, today } = options;
  if (postedOn === null || compareDates(postedOn, today) > 0) return 'pending';
  if (takenDownOn && compareDates(takenDownOn, today) <= 0) return 'earlier';
  // KL 8:12: it may not come down before the appeal period has ended.
  if (status.appeal && compareDates(status.appeal.takeDownOn, today) <= 0) return 'earlier';
  return 'current';
}
