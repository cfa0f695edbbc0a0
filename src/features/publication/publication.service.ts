/**
 * Publication: the justering notice (anslag) on every member municipality's notice board, the
 * posting status per municipality for the committee, and the registrar's own posting record.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { compareDates } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, PolicyDenied, requirePrincipal, type Principal } from '../../platform/auth/policy.js';
import { ZCorrectPosting, ZRecordPosting, ZSettingsInput, publicationSettingsOf } from './publication.schema.js';
import { boardPlacement, effectivePostedOn, isLatePosting, protocolNoticeStatus, type ProtocolNoticeStatus } from './notice-state.js';
import * as repo from './publication.repository.js';
import { ZOfficialBoardInput } from './official-board.js';
import * as writes from './publication-writes.repository.js';
import { BOARD_NOT_FOUND, createBoardReader, groupOf, justeredOnOf, justeredOnOfRow, keptAtOf } from './board-reader.js';

const PROTOCOL_NOT_FOUND = { sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' };
const NOTICE_NOT_FOUND = { sv: 'Anslaget finns inte.', en: 'The notice does not exist.' };

export type { BoardView, PostingCorrection, PublicNotice } from './board-reader.js';

export function createPublicationService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  /** A registrar records only for the municipality the role is held in; the committee's secretary for any. */
  const mayRecordFor = (principal: Principal | null, municipalityId: string, committeeId: string) =>
    principal !== null &&
    principal.grants.some((g) => (g.role === 'registrar' && g.organisationId === municipalityId) || (g.role === 'secretary' && g.organisationId === committeeId));

  /** A notice locked for recording its posting date, with its protocol; refused to those who may not record for it. */
  async function lockNoticeToRecord(tx: Db, principal: Principal, noticeId: string) {
    const notice = await writes.lockNotice(tx, noticeId);
    if (!notice) throw notFound(NOTICE_NOT_FOUND);
    const context = await repo.findProtocolContext(tx, notice.protocolId);
    if (!context) throw notFound(PROTOCOL_NOT_FOUND);
    if (!mayRecordFor(principal, notice.organisationId, context.committee.id)) throw new PolicyDenied('publication.recordPosting');
    return { notice, context };
  }

  async function noticesByProtocol(protocolIds: string[]) {
    const rows = await repo.listNoticesOfProtocols(db, protocolIds);
    const byProtocol = new Map<string, typeof rows>();
    for (const row of rows) byProtocol.set(groupOf(row.notice), [...(byProtocol.get(groupOf(row.notice)) ?? []), row]);
    return byProtocol;
  }

  async function committeeFacts(committeeId: string) {
    const committee = await repo.findOrganisation(db, committeeId);
    const members = await repo.listMembers(db, committeeId);
    const settings = publicationSettingsOf(committee?.settings ?? {});
    return { committee, members, settings, keptAt: keptAtOf(settings, members.find((m) => m.isHost)) };
  }

  const boards = createBoardReader(deps);

  const service = {
    /** The committee's view of one protocol's notices: a row per member municipality. */
    async protocolStatus(principal: Principal | null, protocolId: string) {
      requirePrincipal(principal, 'publication.manage');
      const context = await repo.findProtocolContext(db, protocolId);
      if (!context) throw notFound(PROTOCOL_NOT_FOUND);
      assertCan(principal, 'publication.manage', [context.committee.id]);
      const now = clock();
      const today = swedishDate(now);
      const rows = (await repo.listNoticesOfProtocols(db, [protocolId])).filter((r) => r.notice.paragraphId === null).sort((a, b) => collator.compare(a.municipality.name, b.municipality.name));
      const justeredOn = justeredOnOf(context.protocol);
      const final = context.protocol.status === 'final';
      const status: ProtocolNoticeStatus | null = final ? protocolNoticeStatus({ justeredOn, notices: rows.map((r) => r.notice), now }) : null;
      return {
        protocolId,
        meetingId: context.meeting.id,
        committeeName: context.committee.name,
        bodyName: context.body.name,
        meetingDate: swedishDate(context.meeting.startsAt),
        final,
        today,
        status,
        rows: rows.map((r) => {
          const postedOn = effectivePostedOn(r.notice, now);
          return {
            noticeId: r.notice.id,
            municipality: r.municipality,
            method: r.notice.postingMethod,
            scheduledAt: r.notice.scheduledAt,
            postedOn,
            postedBy: r.postedBy,
            externalUrl: r.notice.externalUrl,
            late: final && isLatePosting({ justeredOn, postedOn, today }),
            mayRecord: mayRecordFor(principal, r.municipality.id, context.committee.id),
          };
        }),
      };
    },

    /** The notices a registrar (own municipality) or secretary (the committee's) may record, not yet taken down. */
    async registrarQueue(principal: Principal | null) {
      requirePrincipal(principal, 'publication.recordPosting');
      const municipalityIds = principal.grants.filter((g) => g.role === 'registrar').map((g) => g.organisationId);
      const committeeIds = principal.grants.filter((g) => g.role === 'secretary').map((g) => g.organisationId);
      const rows = await repo.listNoticesForOrganisations(db, municipalityIds, committeeIds);
      const now = clock();
      const today = swedishDate(now);
      const all = await noticesByProtocol([...new Set(rows.map((r) => r.protocol.id))]);
      return rows.flatMap((r) => {
        const justeredOn = justeredOnOfRow(r);
        const status = protocolNoticeStatus({ justeredOn, notices: (all.get(groupOf(r.notice)) ?? []).map((x) => x.notice), now });
        const postedOn = effectivePostedOn(r.notice, now);
        if (boardPlacement({ postedOn, takenDownOn: r.notice.takenDownOn, status, today }) === 'earlier') return [];
        return [{
          noticeId: r.notice.id,
          protocolId: r.protocol.id,
          bodyName: r.body.name,
          meetingDate: swedishDate(r.meeting.startsAt),
          municipality: { name: r.municipality.name, slug: r.municipality.slug },
          justeredOn,
          deadline: status.deadline,
          method: r.notice.postingMethod,
          postedOn,
          externalUrl: r.notice.externalUrl,
          late: isLatePosting({ justeredOn, postedOn, today }),
          mayRecord: mayRecordFor(principal, r.municipality.id, r.body.organisationId),
        }];
      });
    },

    /** The municipality's own posting: its date, and the address where it posted the notice. */
    async recordPosting(principal: Principal | null, noticeId: string, raw: unknown): Promise<{ protocolId: string }> {
      requirePrincipal(principal, 'publication.recordPosting');
      const input = parseInput(ZRecordPosting, raw);
      const now = clock();
      return db.transaction(async (tx) => {
        const { notice, context } = await lockNoticeToRecord(tx, principal, noticeId);
        const justeredOn = await justeredOnOfNotice(tx, notice, context.protocol);
        if (compareDates(input.postedOn, justeredOn) < 0) throw dateError(`Anslaget kan inte ha satts upp före justeringen ${justeredOn}.`, `The notice cannot have been posted before the justering on ${justeredOn}.`);
        if (compareDates(input.postedOn, swedishDate(now)) > 0) throw dateError('Ange dagen då anslaget sattes upp; den kan inte ligga i framtiden.', 'Give the day the notice was posted; it cannot be in the future.');
        // KL 13:5: the appeal period counts from the recorded date; once there, it changes only by a correction.
        const recorded = effectivePostedOn(notice, now);
        if (recorded !== null && recorded !== input.postedOn) throw postingRecorded(recorded);
        const after = { postedOn: input.postedOn, externalUrl: input.externalUrl ?? null };
        await writes.updateNotice(tx, noticeId, { ...after, postedAt: now, postedByUserId: principal.userId, updatedAt: now });
        await recordAudit(tx, actorOf(principal), { action: 'publication.recordPosting', entity: 'notice', entityId: noticeId, before: { postedOn: notice.postedOn, externalUrl: notice.externalUrl }, after, organisationId: notice.organisationId }, now);
        return { protocolId: notice.protocolId };
      });
    },

    /**
     * A correction of a recorded posting date, with a reason and the name of the person making it.
     * The correction is kept (never changed), shown on the public board, and the appeal period is
     * recomputed from the corrected date (KL 13:5; FL 36 § for the correction itself).
     */
    async correctPosting(principal: Principal | null, noticeId: string, raw: unknown): Promise<{ protocolId: string }> {
      requirePrincipal(principal, 'publication.recordPosting');
      const input = parseInput(ZCorrectPosting, raw);
      const now = clock();
      return db.transaction(async (tx) => {
        const { notice, context } = await lockNoticeToRecord(tx, principal, noticeId);
        const recorded = effectivePostedOn(notice, now);
        if (recorded === null) throw conflict({ sv: 'Anslaget har inget registrerat datum att rätta. Registrera datumet i stället.', en: 'The notice has no recorded date to correct. Record the date instead.' });
        if (recorded === input.postedOn) throw dateError(`Anslagsdatumet är redan ${recorded}. Ange det rättade datumet.`, `The posting date already is ${recorded}. Give the corrected date.`);
        const justeredOn = await justeredOnOfNotice(tx, notice, context.protocol);
        if (compareDates(input.postedOn, justeredOn) < 0) throw dateError(`Anslaget kan inte ha satts upp före justeringen ${justeredOn}.`, `The notice cannot have been posted before the justering on ${justeredOn}.`);
        if (compareDates(input.postedOn, swedishDate(now)) > 0) throw dateError('Det rättade datumet kan inte ligga i framtiden.', 'The corrected date cannot be in the future.');
        const correction = { noticeId, previousPostedOn: recorded, correctedPostedOn: input.postedOn, reason: input.reason, correctedByUserId: principal.userId, correctedByName: principal.name, correctedAt: now };
        await writes.insertNoticeCorrection(tx, correction);
        await writes.updateNotice(tx, noticeId, { postedOn: input.postedOn, updatedAt: now });
        await recordAudit(tx, actorOf(principal), { action: 'publication.correctPosting', entity: 'notice', entityId: noticeId, before: { postedOn: recorded }, after: { postedOn: input.postedOn, reason: input.reason }, organisationId: notice.organisationId }, now);
        return { protocolId: notice.protocolId };
      });
    },

    /**
     * KL 8:9: records that the municipality confirmed Kansli's board (or its embedding at a stated
     * address) as its official notice board, with who confirmed and when. Recorded by the
     * municipality's registrar or the committee's secretary; replaces an earlier confirmation.
     */
    async confirmOfficialBoard(principal: Principal | null, municipalitySlug: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'publication.recordPosting');
      const municipality = await repo.findMunicipalityBySlug(db, municipalitySlug);
      if (!municipality) throw notFound(BOARD_NOT_FOUND);
      if (!mayRecordFor(principal, municipality.id, municipality.committeeId ?? '')) throw new PolicyDenied('publication.recordPosting');
      const input = parseInput(ZOfficialBoardInput, raw);
      const now = clock();
      // origin null: a confirmation recorded by hand is real, also where the demo had invented one.
      const values = { kind: input.kind, embedUrl: input.embedUrl ?? null, confirmedBy: input.confirmedBy, confirmedOn: input.confirmedOn, recordedByUserId: principal.userId, recordedAt: now, origin: null };
      await db.transaction(async (tx) => {
        const before = await writes.findOfficialBoard(tx, municipality.id);
        await writes.upsertOfficialBoard(tx, municipality.id, values);
        await recordAudit(tx, actorOf(principal), { action: 'publication.confirmOfficialBoard', entity: 'organisation', entityId: municipality.id, before: before ?? null, after: values, organisationId: municipality.id }, now);
      });
    },

    /** All notice boards: one per member municipality. */
    async boards() {
      const rows = await repo.listBoardOrganisations(db);
      const committees = new Map<string, string>();
      for (const row of rows) {
        const id = row.municipality.committeeId;
        if (id && !committees.has(id)) committees.set(id, (await repo.findOrganisation(db, id))?.name ?? '');
      }
      return rows
        .map((r) => ({ slug: r.municipality.slug, name: r.municipality.name, committeeName: committees.get(r.municipality.committeeId ?? '') ?? '' }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },

    /** One municipality's board, answered from memory while nothing it shows has changed (board-reader.ts). */
    board: boards.board,
  };

  return {
    ...service,

    /** The committee's publication settings, for the secretary's form. */
    async settings(principal: Principal | null, committeeSlug: string) {
      requirePrincipal(principal, 'publication.manage');
      const committee = await writes.findCommitteeBySlug(db, committeeSlug);
      if (!committee) throw notFound();
      assertCan(principal, 'publication.manage', [committee.id]);
      const facts = await committeeFacts(committee.id);
      return { committee: { slug: committee.slug, name: committee.name }, settings: facts.settings, members: facts.members.map((m) => ({ slug: m.slug, name: m.name })), defaultKeptAt: keptAtOf({ ...facts.settings, protocolKeptAt: '' }, facts.members.find((m) => m.isHost)) };
    },

    async updateSettings(principal: Principal | null, committeeSlug: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'publication.manage');
      const input = parseInput(ZSettingsInput, raw);
      const now = clock();
      await db.transaction(async (tx) => {
        const committee = await writes.findCommitteeBySlug(tx, committeeSlug, { forUpdate: true });
        if (!committee) throw notFound();
        assertCan(principal, 'publication.manage', [committee.id]);
        const members = new Set((await repo.listMembers(tx, committee.id)).map((m) => m.slug));
        const publication = { ...input, manualMunicipalities: input.manualMunicipalities.filter((s) => members.has(s)) };
        await writes.updateOrganisationSettings(tx, committee.id, { ...committee.settings, publication }, now);
        await recordAudit(tx, actorOf(principal), { action: 'publication.updateSettings', entity: 'organisation', entityId: committee.id, before: { publication: committee.settings.publication ?? null }, after: { publication }, organisationId: committee.id }, now);
      });
    },
  };
}

const collator = new Intl.Collator('sv');

/** A plain overwrite of a recorded posting date is refused (409): it changes only by a correction. */
function postingRecorded(recorded: string): DomainError {
  const message = {
    sv: `Anslagsdatumet ${recorded} är redan registrerat och kan inte skrivas över. Gör en rättelse med skäl i stället.`,
    en: `The posting date ${recorded} is already recorded and cannot be overwritten. Make a correction with a reason instead.`,
  };
  return new DomainError('CONFLICT', { userMessage: message, fieldErrors: [{ field: 'postedOn', message }] });
}

/** The justering day of what the notice announces; refused (409) while it is not adjusted. */
async function justeredOnOfNotice(tx: Database['db'], notice: { paragraphId: string | null }, protocol: { status: string; finalAt: Date | null; justeringDate: string | null }): Promise<string> {
  if (notice.paragraphId) {
    const adjustedAt = await writes.paragraphAdjustedAt(tx, notice.paragraphId);
    if (adjustedAt) return swedishDate(adjustedAt);
  } else if (protocol.status === 'final') {
    return justeredOnOf(protocol);
  }
  throw conflict({ sv: 'Protokollet är inte justerat.', en: 'The protocol is not adjusted.' });
}

function dateError(sv: string, en: string): DomainError {
  return new DomainError('INVALID_INPUT', { userMessage: { sv, en }, fieldErrors: [{ field: 'postedOn', message: { sv, en } }] });
}

export type PublicationService = ReturnType<typeof createPublicationService>;
