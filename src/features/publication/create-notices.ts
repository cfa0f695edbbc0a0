/**
 * The notices of a protocol that has just become final: one for every member municipality of
 * the committee (KL 9:32 — a joint committee announces the justering on every member's board).
 * Called by the justering service inside the transaction that makes the protocol final.
 */
import type { Db } from '../../platform/db/database.js';
import type { notices } from './publication.tables.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { swedishDate } from '../../platform/clock.js';
import { addDays } from '../../domain/index.js';
import { stockholmToInstant } from '../meetings/calendar.js';
import { publicationSettingsOf, type TPublicationSettings } from './publication.schema.js';
import * as repo from './publication.repository.js';
import { confirmedMunicipalities, insertNotice, municipalitiesWithNotice, paragraphAdjustedAt } from './publication-writes.repository.js';

/** The first moment at `postingTime` (Swedish time) that is not before `at`. */
export function nextPostingTime(at: Date, postingTime: string): Date {
  const today = swedishDate(at);
  const sameDay = stockholmToInstant(today, postingTime);
  if (sameDay && sameDay.getTime() >= at.getTime()) return sameDay;
  return stockholmToInstant(addDays(today, 1), postingTime) ?? new Date(at.getTime() + 86_400_000);
}

/** How one municipality's notice is posted under the committee's settings. */
export function postingPlan(settings: TPublicationSettings, municipalitySlug: string, at: Date): Pick<typeof notices.$inferInsert, 'postingMethod' | 'scheduledAt' | 'postedOn' | 'postedAt'> {
  if (settings.noticePosting === 'manual' || settings.manualMunicipalities.includes(municipalitySlug)) {
    return { postingMethod: 'manual', scheduledAt: null, postedOn: null, postedAt: null };
  }
  if (settings.noticePosting === 'scheduled') {
    return { postingMethod: 'automatic', scheduledAt: nextPostingTime(at, settings.postingTime), postedOn: null, postedAt: null };
  }
  return { postingMethod: 'automatic', scheduledAt: at, postedOn: swedishDate(at), postedAt: at };
}

/**
 * One notice per member municipality of the protocol's committee. Only the committee itself
 * announces its justering; a preparation group's notes are not a nämnd's protocol. Idempotent:
 * a notice that exists is left as it is. Returns the number created.
 */
export async function createNoticesOnFinal(tx: Db, options: { protocolId: string; at: Date; actor: Actor }): Promise<number> {
  const context = await repo.findProtocolContext(tx, options.protocolId);
  if (!context || context.protocol.status !== 'final' || context.body.kind !== 'committee') return 0;
  const settings = publicationSettingsOf(context.committee.settings);
  const members = await repo.listMembers(tx, context.committee.id);
  const existing = await municipalitiesWithNotice(tx, { protocolId: options.protocolId });
  // KL 8:9: only a board the municipality confirmed as its official one is posted on automatically.
  const official = await confirmedMunicipalities(tx, members.map((m) => m.id));
  const created: string[] = [];
  for (const municipality of members) {
    if (existing.has(municipality.id)) continue;
    const plan = official.has(municipality.id) ? postingPlan(settings, municipality.slug, options.at) : postingPlan({ ...settings, noticePosting: 'manual' }, municipality.slug, options.at);
    await insertNotice(tx, { protocolId: options.protocolId, organisationId: municipality.id, ...plan, createdAt: options.at, updatedAt: options.at });
    created.push(municipality.slug);
  }
  if (created.length > 0) {
    await recordAudit(
      tx,
      options.actor,
      { action: 'publication.createNotices', entity: 'protocol', entityId: options.protocolId, after: { municipalities: created, mode: settings.noticePosting }, organisationId: context.committee.id },
      options.at,
    );
  }
  return created.length;
}

/**
 * Omedelbar justering: the paragraph adjusted at the meeting gets its own notice on every member
 * municipality's board, posted by the committee's settings like a protocol's, and its own appeal
 * period from those postings — before the rest of the protocol is final (KL 8:12, 13:5). Called
 * in the transaction that records the paragraph's second signature. Idempotent.
 */
export async function createParagraphNotices(tx: Db, options: { protocolId: string; paragraphId: string; at: Date; actor: Actor }): Promise<number> {
  const context = await repo.findProtocolContext(tx, options.protocolId);
  const adjustedAt = await paragraphAdjustedAt(tx, options.paragraphId);
  if (!context || !adjustedAt || context.body.kind !== 'committee') return 0;
  const settings = publicationSettingsOf(context.committee.settings);
  const members = await repo.listMembers(tx, context.committee.id);
  const existing = await municipalitiesWithNotice(tx, { paragraphId: options.paragraphId });
  const created: string[] = [];
  for (const municipality of members) {
    if (existing.has(municipality.id)) continue;
    const plan = postingPlan(settings, municipality.slug, options.at);
    await insertNotice(tx, { protocolId: options.protocolId, paragraphId: options.paragraphId, organisationId: municipality.id, ...plan, createdAt: options.at, updatedAt: options.at });
    created.push(municipality.slug);
  }
  if (created.length > 0) {
    await recordAudit(
      tx,
      options.actor,
      { action: 'publication.createParagraphNotices', entity: 'protocol_paragraph', entityId: options.paragraphId, after: { protocolId: options.protocolId, municipalities: created, mode: settings.noticePosting }, organisationId: context.committee.id },
      options.at,
    );
  }
  return created.length;
}
