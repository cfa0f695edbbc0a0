/** SQL of the public notice boards (board-reader.ts): what a board needs beyond its own notices. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import { swedishDate } from '../../platform/clock.js';
import { noticeCorrections, notices, officialBoardConfirmations } from './publication.tables.js';
import { organisations } from '../organisation/organisation.tables.js';

/** A posting on one board, as far as the appeal period of its justering is concerned. */
export interface PostingState {
  protocolId: string;
  paragraphId: string | null;
  postingMethod: 'automatic' | 'manual';
  scheduledAt: Date | null;
  postedOn: string | null;
  takenDownOn: null;
}

/**
 * The distinct posting states of the given protocols' notices, on every board: whether each is
 * up and since when is all the appeal period needs (it starts when the last board has posted),
 * and 290 boards with the same state are one row.
 */
export async function listPostingStates(db: Db, protocolIds: readonly string[]): Promise<PostingState[]> {
  if (protocolIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ protocolId: notices.protocolId, paragraphId: notices.paragraphId, postingMethod: notices.postingMethod, scheduledAt: notices.scheduledAt, postedOn: notices.postedOn })
    .from(notices)
    .where(inArray(notices.protocolId, [...protocolIds]));
  return rows.map((row) => ({ ...row, takenDownOn: null }));
}

/** The committee's name and settings, with the name of its host municipality (where the protocol is kept). */
export async function findCommitteeWithHost(db: Db, committeeId: string) {
  const host = alias(organisations, 'host');
  const [row] = await db
    .select({ name: organisations.name, settings: organisations.settings, hostName: host.name })
    .from(organisations)
    .leftJoin(host, and(eq(host.committeeId, organisations.id), eq(host.kind, 'municipality'), eq(host.isHost, true)))
    .where(eq(organisations.id, committeeId))
    .orderBy(asc(host.name))
    .limit(1);
  return row;
}

/** The corrections of the given notices, oldest first, by notice. */
export async function listCorrections(db: Db, noticeIds: readonly string[]) {
  const out = new Map<string, { previousPostedOn: string; correctedPostedOn: string; reason: string; correctedBy: string; correctedOn: string }[]>();
  if (noticeIds.length === 0) return out;
  const rows = await db.select().from(noticeCorrections).where(inArray(noticeCorrections.noticeId, [...noticeIds])).orderBy(asc(noticeCorrections.correctedAt));
  for (const r of rows) {
    const entry = { previousPostedOn: r.previousPostedOn, correctedPostedOn: r.correctedPostedOn, reason: r.reason, correctedBy: r.correctedByName, correctedOn: swedishDate(r.correctedAt) };
    out.set(r.noticeId, [...(out.get(r.noticeId) ?? []), entry]);
  }
  return out;
}

/** Every board: each municipality with its confirmation of the official board (KL 8:9), if any, by slug. */
export async function listBoardDirectory(db: Db) {
  const rows = await db
    .select({ municipality: { id: organisations.id, slug: organisations.slug, name: organisations.name, committeeId: organisations.committeeId }, confirmation: officialBoardConfirmations })
    .from(organisations)
    .leftJoin(officialBoardConfirmations, eq(officialBoardConfirmations.municipalityId, organisations.id))
    .where(eq(organisations.kind, 'municipality'));
  return new Map(rows.map((row) => [row.municipality.slug, row]));
}
