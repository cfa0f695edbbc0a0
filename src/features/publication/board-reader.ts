/**
 * The public notice boards, answered from memory. A board depends on the data and on the time
 * (a scheduled posting goes up when its time comes; "today" decides what is current and what was
 * taken down), so a board built once is kept while the data version (platform/db/data-version.ts)
 * is the same and until the first moment its answer could change: the next Swedish midnight or
 * the next scheduled posting of a notice it shows or waits for, whichever comes first. Readers of
 * a board that is being built share that build.
 */
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { nextSwedishMidnight } from '../../platform/time-format.js';
import { notFound } from '../../platform/errors.js';
import { publicHeadingOf } from '../../domain/index.js';
import { createDataVersionReader } from '../../platform/db/data-version.js';
import { publicationSettingsOf, type TPublicationSettings } from './publication.schema.js';
import { boardPlacement, effectivePostedOn, protocolNoticeStatus, type NoticeLike } from './notice-state.js';
import * as repo from './publication.repository.js';
import * as boardRepo from './board.repository.js';

export const BOARD_NOT_FOUND = { sv: 'Det finns ingen anslagstavla med den adressen.', en: 'There is no notice board at that address.' };

/** The justering day: the day the second signature made the protocol final. */
export const justeredOnOf = (protocol: { finalAt: Date | null; justeringDate: string | null }) =>
  protocol.finalAt ? swedishDate(protocol.finalAt) : (protocol.justeringDate ?? '');

/** The justering a notice announces: the paragraph's own when adjusted at the meeting (KL 8:12), else the protocol's. */
export const justeredOnOfRow = (row: { protocol: Parameters<typeof justeredOnOf>[0]; paragraph: { adjustedAt: Date | null } | null }) =>
  row.paragraph?.adjustedAt ? swedishDate(row.paragraph.adjustedAt) : justeredOnOf(row.protocol);

/** The notices announcing the same justering: a protocol's, or one paragraph's (omedelbar justering). */
export const groupOf = (notice: { protocolId: string; paragraphId: string | null }) => `${notice.protocolId}|${notice.paragraphId ?? ''}`;

/** KL 8:12: where the protocol is kept; the committee's setting or the host's office. */
export function keptAtOf(settings: TPublicationSettings, host: { name: string } | undefined): string {
  return settings.protocolKeptAt.trim() || `Kommunledningsförvaltningen, ${host?.name ?? ''}`.replace(/, $/, '');
}

/** One notice as the public sees it on a board, in the feeds and in the JSON list. */
export interface PublicNotice {
  id: string;
  protocolId: string;
  meetingId: string;
  committeeName: string;
  bodyName: string;
  municipalityName: string;
  meetingDate: string;
  justeredOn: string;
  postedOn: string;
  /** For the notice of one paragraph adjusted at the meeting: its § and public heading. */
  paragraph: { number: number | null; heading: string } | null;
  /** Null until every member municipality has posted (KL 13:5). */
  appealStartsOn: string | null;
  lastDayToAppeal: string | null;
  /** The first day the notice may come down; null until the appeal period is known. */
  takeDownOn: string | null;
  keptAt: string;
  /** Corrections of the posting date, oldest first: shown publicly with the recomputed appeal period. */
  corrections: PostingCorrection[];
  protocolPath: string;
  pdfPath: string;
  updatedAt: Date;
}

/** A posting date corrected after it was recorded: from, to, why and by whom. */
export interface PostingCorrection {
  previousPostedOn: string;
  correctedPostedOn: string;
  reason: string;
  correctedBy: string;
  correctedOn: string;
}

/** One municipality's board as the public sees it. */
export interface BoardView {
  municipality: { slug: string; name: string };
  /** KL 8:9: the municipality's confirmation that this board (or its embedding) is its official one; null: not confirmed. */
  official: { kind: 'kansli' | 'embedded'; embedUrl: string | null; confirmedBy: string; confirmedOn: string; origin: string | null } | null;
  today: string;
  current: PublicNotice[];
  earlier: PublicNotice[];
  /** KL 13:5–6: the court an appeal is sent to, as the committee has set it; empty name: not set. */
  appealCourt: { name: string; address: string };
}

interface Kept {
  version: string;
  /** The answer holds for clock times in [from, until). */
  from: number;
  until: number;
  value: BoardView;
}

export function createBoardReader(deps: { database: Database; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;
  const boards = new Map<string, Kept>();
  /** Boards being built, by slug and version: concurrent readers share one build. */
  const builds = new Map<string, Promise<Kept>>();
  const currentVersion = createDataVersionReader(db);

  /** What a board shows of its committee, read once per committee while the data is unchanged. */
  const committees = new Map<string, { version: string; facts: Promise<{ name: string; keptAt: string; settings: TPublicationSettings }> }>();
  function committeeFacts(committeeId: string, version: string) {
    const known = committees.get(committeeId);
    if (known?.version === version) return known.facts;
    const facts = boardRepo.findCommitteeWithHost(db, committeeId).then((row) => {
      const settings = publicationSettingsOf(row?.settings ?? {});
      return { name: row?.name ?? '', settings, keptAt: keptAtOf(settings, row?.hostName ? { name: row.hostName } : undefined) };
    });
    facts.catch(() => committees.delete(committeeId));
    committees.set(committeeId, { version, facts });
    return facts;
  }

  /** Every board's municipality and confirmation, read in one statement per data version (not one per board). */
  let directory: { version: string; boards: ReturnType<typeof boardRepo.listBoardDirectory> } | undefined;
  function boardOf(slug: string, version: string) {
    if (directory?.version !== version) {
      const boards = boardRepo.listBoardDirectory(db);
      boards.catch(() => (directory = undefined));
      directory = { version, boards };
    }
    return directory.boards.then((all) => all.get(slug));
  }

  async function build(slug: string, version: string, at: Date): Promise<Kept> {
    const entry = await boardOf(slug, version);
    if (!entry) throw notFound(BOARD_NOT_FOUND);
    const { municipality, confirmation } = entry;
    const now = at.getTime();
    const today = swedishDate(at);
    const rows = await repo.listNoticesOfMunicipality(db, municipality.id);
    // Every other board's posting of the same justering: the appeal period starts when all are up (KL 13:5).
    const [states, corrections] = await Promise.all([
      boardRepo.listPostingStates(db, [...new Set(rows.map((r) => r.protocol.id))]),
      boardRepo.listCorrections(db, rows.map((r) => r.notice.id)),
    ]);
    const byGroup = new Map<string, NoticeLike[]>();
    let until = nextSwedishMidnight(at).getTime();
    for (const state of states) {
      const group = groupOf(state);
      byGroup.set(group, [...(byGroup.get(group) ?? []), state]);
      // A scheduled posting still to come changes the board (this one's, or the appeal period of all) when its time comes.
      if (state.postedOn === null && state.postingMethod === 'automatic' && state.scheduledAt && state.scheduledAt.getTime() > now) until = Math.min(until, state.scheduledAt.getTime());
    }
    const current: PublicNotice[] = [];
    const earlier: PublicNotice[] = [];
    for (const r of rows) {
      if (r.notice.postedOn === null && r.notice.postingMethod === 'automatic' && r.notice.scheduledAt && r.notice.scheduledAt.getTime() > now) until = Math.min(until, r.notice.scheduledAt.getTime());
      const justeredOn = justeredOnOfRow(r);
      const status = protocolNoticeStatus({ justeredOn, notices: byGroup.get(groupOf(r.notice)) ?? [], now: at });
      const postedOn = effectivePostedOn(r.notice, at);
      const placement = boardPlacement({ postedOn, takenDownOn: r.notice.takenDownOn, status, today });
      if (placement === 'pending' || postedOn === null) continue;
      const committee = await committeeFacts(r.committee.id, version);
      const view: PublicNotice = {
        id: r.notice.id,
        protocolId: r.protocol.id,
        meetingId: r.meeting.id,
        committeeName: r.committee.name,
        bodyName: r.body.name,
        municipalityName: municipality.name,
        meetingDate: swedishDate(r.meeting.startsAt),
        justeredOn,
        postedOn,
        paragraph: r.paragraph ? { number: r.paragraph.number, heading: r.paragraph.secrecyProvision ? publicHeadingOf({ publicHeading: r.paragraph.publicHeading, caseNumber: r.paragraph.caseNumber }) : r.paragraph.heading } : null,
        appealStartsOn: status.appeal?.startsOn ?? null,
        lastDayToAppeal: status.appeal?.lastDay ?? null,
        takeDownOn: status.appeal?.takeDownOn ?? null,
        keptAt: committee.keptAt,
        corrections: corrections.get(r.notice.id) ?? [],
        protocolPath: `/sammantraden/${r.meeting.id}/protokoll${r.paragraph ? `#p-${r.paragraph.id}` : ''}`,
        // A paragraph adjusted at the meeting has no PDF of its own until the protocol is final: its page is the record.
        pdfPath: r.paragraph ? `/sammantraden/${r.meeting.id}/protokoll#p-${r.paragraph.id}` : `/moten/${r.meeting.id}/protokoll.pdf`,
        updatedAt: r.notice.updatedAt,
      };
      (placement === 'current' ? current : earlier).push(view);
    }
    const official = confirmation ? { kind: confirmation.kind, embedUrl: confirmation.embedUrl, confirmedBy: confirmation.confirmedBy, confirmedOn: confirmation.confirmedOn, origin: confirmation.origin } : null;
    const owner = municipality.committeeId ? await committeeFacts(municipality.committeeId, version) : undefined;
    const appealCourt = { name: owner?.settings.appealCourt.trim() ?? '', address: owner?.settings.appealCourtAddress.trim() ?? '' };
    const value = { municipality: { slug: municipality.slug, name: municipality.name }, official, today, current, earlier, appealCourt };
    return { version, from: now, until, value };
  }

  return {
    /** One municipality's board: the notices up now, and earlier ones taken down after the appeal period. */
    async board(slug: string): Promise<BoardView> {
      const version = await currentVersion();
      const at = clock();
      const now = at.getTime();
      const kept = boards.get(slug);
      if (kept?.version === version && kept.from <= now && now < kept.until) return kept.value;
      const key = `${slug}|${version}`;
      let pending = builds.get(key);
      if (!pending) {
        pending = build(slug, version, at)
          .then((fresh) => {
            boards.set(slug, fresh);
            return fresh;
          })
          .finally(() => builds.delete(key));
        builds.set(key, pending);
      }
      const fresh = await pending;
      // A shared build that does not hold at this reader's time (a test moved the clock meanwhile) is built again.
      if (fresh.from <= now && now < fresh.until) return fresh.value;
      return (await build(slug, version, at)).value;
    },
  };
}
