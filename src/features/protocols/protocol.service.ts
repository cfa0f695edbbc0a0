/**
 * The protocol of a meeting: a draft made from the closed meeting, edited by the secretary, then
 * locked for justering with its § numbers (continuous through the calendar year per body) and
 * the SHA-256 the signers sign. The facts of the meeting (KL 5:67) are never edited here: they
 * are read from the meeting record each time the protocol is built.
 */
import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { TaskNotifier } from '../tasks/task-notifier.js';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { isoDate, msg, parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, requirePrincipal, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { cooperationScope } from '../organisation/scope.js';
import * as meetingsRepo from '../meetings/meetings.repository.js';
import { instantToStockholm, stockholmToInstant } from '../meetings/calendar.js';
import { CURRENT_DIGEST_VERSION, protocolDigest, publicVersion, type ProtocolDocument } from './protocol.model.js';
import { HANDLED, draftParagraphs, loadProtocol, type DraftParagraph } from './protocol-build.js';
import * as repo from './protocol.repository.js';
import { createFrozenProtocols } from './protocol-snapshot.js';
import { storeReviewCopy } from './review-copy.js';
import type { BodyRow } from '../organisation/organisation.tables.js';
import type { AgendaItemRow, MeetingRow } from '../meetings/meetings.tables.js';

const MEETING_NOT_FOUND = { sv: 'Mötet finns inte.', en: 'The meeting does not exist.' };
const PROTOCOL_NOT_FOUND = { sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' };
const PARAGRAPH_NOT_FOUND = { sv: 'Paragrafen finns inte i protokollet.', en: 'The paragraph is not in the protocol.' };
const NOT_DRAFT = {
  sv: 'Protokollet är låst för justering och kan inte längre ändras.',
  en: 'The protocol is locked for justering and can no longer be changed.',
};

const PARAGRAPH_SIGNED = {
  sv: 'Paragrafen är justerad (eller signerad för justering) och kan inte ändras. Ett uppenbart fel rättas med en rättelse när protokollet är justerat.',
  en: 'The paragraph is adjusted (or signed for adjustment) and cannot be changed. An obvious error is corrected by a correction once the protocol is adjusted.',
};

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : v ?? ''), z.string().max(max));
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid(msg('Välj en person i listan.', 'Choose a person from the list.')).nullable());

export const ZHeaderInput = z.object({
  otherPresent: text(2000),
  justeringPlace: text(200),
  justeringDate: z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDate().nullable()),
  chairPersonId: optionalId,
  adjusterPersonId: optionalId,
  secretaryName: text(200),
});

export const ZParagraphInput = z.object({
  heading: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1, msg('Ange en rubrik.', 'Give a heading.')).max(500)),
  /** A secret paragraph's public heading (OSL 5:2); empty: the default. */
  publicHeading: text(500),
  decision: text(20000),
  summary: text(50000),
  handling: text(20000),
  /** One recipient a line. */
  recipients: text(5000),
});

export const ZCounterInput = z.object({
  lastNumber: z.coerce.number(msg('Ange ett heltal.', 'Enter a whole number.')).int(msg('Ange ett heltal.', 'Enter a whole number.')).min(0).max(100000),
});

const lines = (value: string) => value.split('\n').map((l) => l.trim()).filter(Boolean);

export function createProtocolService(deps: { database: Database; config: Config; clock: Clock; notifier?: Pick<TaskNotifier, 'protocolLocked'> }) {
  const db = deps.database.db;
  const { clock } = deps;
  const frozen = createFrozenProtocols(deps);

  async function requireMeeting(tx: Db, id: string) {
    const meeting = await meetingsRepo.findMeeting(tx, id);
    if (!meeting) throw notFound(MEETING_NOT_FOUND);
    const body = await meetingsRepo.findBody(tx, meeting.bodyId);
    if (!body) throw notFound(MEETING_NOT_FOUND);
    return { meeting, body };
  }

  /** Meeting roles count in the body's committee. */
  const scope = (body: BodyRow) => scopeOf([body.organisationId]);
  /** Protocols are read by those with a role in the body's cooperation; secrets need `scope`. */
  const readScope = (body: BodyRow) => cooperationScope(db, body.organisationId);
  const yearOf = (meeting: MeetingRow) => Number(instantToStockholm(meeting.startsAt).date.slice(0, 4));

  async function build(tx: Db, protocolId: string): Promise<ProtocolDocument> {
    const doc = await loadProtocol(tx, protocolId);
    if (!doc) throw notFound(PROTOCOL_NOT_FOUND);
    return doc;
  }

  /** For reading: a final protocol from its snapshot (never the live tables), others built. */
  async function read(protocolId: string): Promise<ProtocolDocument> {
    const doc = await frozen.document(protocolId);
    if (!doc) throw notFound(PROTOCOL_NOT_FOUND);
    return doc;
  }

  /** A draft protocol, locked for the transaction, with its meeting; refused once locked. */
  async function editableDraft(tx: Db, principal: Principal, protocolId: string) {
    const protocol = await repo.lockProtocol(tx, protocolId);
    if (!protocol) throw notFound(PROTOCOL_NOT_FOUND);
    const { meeting, body } = await requireMeeting(tx, protocol.meetingId);
    assertCan(principal, 'meeting.plan', scope(body));
    if (protocol.status !== 'draft') throw conflict(NOT_DRAFT);
    return { protocol, meeting, body };
  }

  /** The protocol row of a meeting, its header prefilled from the meeting. */
  async function insertProtocol(tx: Db, principal: Principal, meeting: MeetingRow, body: BodyRow): Promise<string> {
    const mandates = await meetingsRepo.listMandatesOn(tx, body.id, instantToStockholm(meeting.startsAt).date);
    const chair = mandates.find((m) => m.mandate.position === 'chair' && m.mandate.role === 'member');
    const row = await repo.insertProtocol(tx, {
          meetingId: meeting.id,
          status: 'draft',
          justeringPlace: meeting.justeringPlace ?? '',
          justeringDate: meeting.justeringDate,
          chairPersonId: chair?.person.id ?? null,
          adjusterPersonId: meeting.adjusterPersonId,
          secretaryName: principal.name,
          createdAt: clock(),
          updatedAt: clock(),
        });
    return row.id;
  }

  /** Paragraphs in the place of their agenda item; `number` reserves § for an immediate one. */
  async function insertParagraphs(tx: Db, protocolId: string, meeting: MeetingRow, items: readonly AgendaItemRow[], drafts: readonly DraftParagraph[], number: number | null = null): Promise<string[]> {
    const positionOf = new Map(items.map((i) => [i.id, i.position]));
    const ids: string[] = [];
    for (const p of drafts) {
      const id = await repo.insertParagraph(tx, { protocolId, position: positionOf.get(p.agendaItemId) ?? 0, number, year: yearOf(meeting), ...p, createdAt: clock(), updatedAt: clock() });
      if (id) ids.push(id);
    }
    return ids;
  }

  /** A draft begun at the meeting (immediate justering) still lacks the other handled items' paragraphs. */
  async function lacksParagraphs(protocolId: string, meetingId: string): Promise<boolean> {
    const had = new Set((await repo.listParagraphs(db, protocolId)).map((p) => p.agendaItemId));
    return (await meetingsRepo.listItems(db, meetingId)).some((i) => HANDLED.has(i.status) && !had.has(i.id));
  }

  /** The public version for readers who may not read secret documents. */
  const forReader = (principal: Principal | null, body: BodyRow, doc: ProtocolDocument) =>
    can(principal, 'registry.readSecret', scope(body)) ? doc : publicVersion(doc);

  return {
    /** The protocol as one value (numbers null until locked); for the PDF, signing and extracts. */
    async load(protocolId: string): Promise<ProtocolDocument> {
      return read(protocolId);
    },

    /** A final protocol's snapshot: its document, signatures and sealed files. */
    async frozen(protocolId: string) {
      return frozen.frozen(protocolId);
    },

    /** The stored bytes of a final protocol's full or public PDF. */
    async frozenPdf(protocolId: string, version: 'full' | 'public') {
      return frozen.pdf(protocolId, version);
    },

    /**
     * One draft per closed meeting: a paragraph per handled item, header and texts prefilled. A
     * protocol begun at the meeting for an immediately adjusted paragraph gets the other paragraphs.
     */
    async createDraft(principal: Principal | null, meetingId: string): Promise<string> {
      requirePrincipal(principal, 'meeting.plan');
      return db.transaction(async (tx) => {
        const { meeting, body } = await requireMeeting(tx, meetingId);
        assertCan(principal, 'meeting.plan', scope(body));
        if (meeting.status !== 'closed') {
          throw conflict({ sv: 'Protokollet kan skrivas först när sammanträdet är avslutat.', en: 'The protocol can be written only once the meeting is closed.' });
        }
        // Locks the meeting row, so that two drafts for one meeting queue; the unique index backs this.
        await meetingsRepo.lockMeeting(tx, meetingId);
        const items = await meetingsRepo.listItems(tx, meetingId);
        const existing = await repo.findProtocolByMeeting(tx, meetingId);
        const had = existing ? new Set((await repo.listParagraphs(tx, existing.id)).flatMap((p) => (p.agendaItemId ? [p.agendaItemId] : []))) : new Set<string>();
        const missing = items.filter((i) => !had.has(i.id));
        if (existing && (existing.status !== 'draft' || !(await draftParagraphs(tx, missing)).length)) {
          throw conflict({ sv: 'Mötet har redan ett protokoll.', en: 'The meeting already has a protocol.' });
        }
        const protocolId = existing?.id ?? (await insertProtocol(tx, principal, meeting, body));
        const drafts = await draftParagraphs(tx, missing);
        await insertParagraphs(tx, protocolId, meeting, items, drafts);
        await recordAudit(tx, actorOf(principal), { action: 'protocol.createDraft', entity: 'protocol', entityId: protocolId, after: { meetingId, paragraphs: drafts.length }, organisationId: body.organisationId }, clock());
        return protocolId;
      });
    },

    /**
     * Omedelbar justering (KL 5:70 via 6:35, 8:12): at the meeting, the paragraph of a handled item
     * marked for immediate justering is written and its § number reserved now, from the body's
     * series, so that it can be signed, announced and appealed before the rest of the protocol.
     */
    async reserveImmediateParagraph(principal: Principal | null, meetingId: string, itemId: string): Promise<{ protocolId: string; paragraphId: string; number: number }> {
      requirePrincipal(principal, 'meeting.plan');
      return db.transaction(async (tx) => {
        const { meeting, body } = await requireMeeting(tx, meetingId);
        assertCan(principal, 'meeting.plan', scope(body));
        await meetingsRepo.lockMeeting(tx, meetingId);
        if (meeting.status === 'planned' || meeting.status === 'cancelled') {
          throw conflict({ sv: 'Omedelbar justering görs vid sammanträdet.', en: 'Immediate justering is done at the meeting.' });
        }
        const items = await meetingsRepo.listItems(tx, meetingId);
        const item = items.find((i) => i.id === itemId);
        if (!item) throw notFound({ sv: 'Punkten finns inte på dagordningen.', en: 'The item is not on the agenda.' });
        if (!item.immediateJustering) throw conflict({ sv: 'Punkten ska inte justeras omedelbart. Markera den för omedelbar justering först.', en: 'The item is not marked for immediate justering. Mark it first.' });
        const [draft] = await draftParagraphs(tx, [item]);
        if (!draft) throw conflict({ sv: 'Punkten är inte avgjord ännu: besluta först, justera sedan.', en: 'The item is not decided yet: decide first, then adjust.' });
        const existing = await repo.findProtocolByMeeting(tx, meetingId);
        if (existing && existing.status !== 'draft') throw conflict(NOT_DRAFT);
        const already = existing ? (await repo.listParagraphs(tx, existing.id)).find((p) => p.agendaItemId === item.id) : undefined;
        if (already) throw conflict({ sv: `Punkten har redan § ${already.number ?? '–'} i protokollet.`, en: `The item already has § ${already.number ?? '–'} in the protocol.` });
        const protocolId = existing?.id ?? (await insertProtocol(tx, principal, meeting, body));
        const number = await repo.takeParagraphNumbers(tx, { bodyId: body.id, year: yearOf(meeting), count: 1 });
        const [paragraph] = await insertParagraphs(tx, protocolId, meeting, items, [{ ...draft, immediateJustering: true }], number);
        if (!paragraph) throw new Error('insert returned no paragraph');
        await recordAudit(tx, actorOf(principal), { action: 'protocol.reserveImmediate', entity: 'protocol_paragraph', entityId: paragraph, after: { protocolId, itemId, number }, organisationId: body.organisationId }, clock());
        return { protocolId, paragraphId: paragraph, number };
      });
    },

    /** What the protocol page shows: the meeting, and the protocol if there is one. */
    async view(principal: Principal | null, meetingId: string) {
      const { meeting, body } = await requireMeeting(db, meetingId);
      assertCan(principal, 'meeting.read', await readScope(body));
      const protocol = await repo.findProtocolByMeeting(db, meetingId);
      const canPlan = can(principal, 'meeting.plan', scope(body));
      const start = instantToStockholm(meeting.startsAt);
      const year = yearOf(meeting);
      const people = canPlan ? (await meetingsRepo.listMandatesOn(db, body.id, start.date)).map((m) => ({ id: m.person.id, name: m.person.name })) : [];
      return {
        meeting: { id: meeting.id, date: start.date, status: meeting.status, origin: meeting.origin },
        body,
        protocol: protocol ? { row: protocol, document: forReader(principal, body, await read(protocol.id)) } : null,
        canPlan,
        canCreate: canPlan && meeting.status === 'closed' && (!protocol || (protocol.status === 'draft' && (await lacksParagraphs(protocol.id, meetingId)))),
        year,
        counter: protocol?.status === 'draft' && canPlan ? await repo.counterValue(db, body.id, year) : null,
        people: [...new Map(people.map((p) => [p.id, p])).values()],
      };
    },

    /** The protocol document as the reader may see it (GET /api/v1/protocols/:id). */
    async document(principal: Principal | null, protocolId: string): Promise<ProtocolDocument> {
      const protocol = await repo.findProtocol(db, protocolId);
      if (!protocol) throw notFound(PROTOCOL_NOT_FOUND);
      const { body } = await requireMeeting(db, protocol.meetingId);
      assertCan(principal, 'meeting.read', await readScope(body));
      return forReader(principal, body, await read(protocolId));
    },

    async documentForMeeting(principal: Principal | null, meetingId: string): Promise<ProtocolDocument> {
      const protocol = await repo.findProtocolByMeeting(db, meetingId);
      if (!protocol) throw notFound(PROTOCOL_NOT_FOUND);
      const { body } = await requireMeeting(db, meetingId);
      assertCan(principal, 'meeting.read', await readScope(body));
      return forReader(principal, body, await read(protocol.id));
    },

    async findParagraph(principal: Principal | null, meetingId: string, paragraphId: string) {
      requirePrincipal(principal, 'meeting.plan');
      const protocol = await repo.findProtocolByMeeting(db, meetingId);
      const paragraph = await repo.findParagraph(db, paragraphId);
      if (!protocol || !paragraph || paragraph.protocolId !== protocol.id) throw notFound(PARAGRAPH_NOT_FOUND);
      assertCan(principal, 'meeting.plan', scope((await requireMeeting(db, meetingId)).body));
      return { protocol, paragraph };
    },

    /** The header's texts: others present, justering place and date, chair, adjuster, secretary. */
    async updateHeader(principal: Principal | null, protocolId: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'meeting.plan');
      const input = parseInput(ZHeaderInput, raw);
      await db.transaction(async (tx) => {
        const { protocol, body } = await editableDraft(tx, principal, protocolId);
        // The adjuster is one of those at the meeting (reglemente: utses bland de närvarande ledamöterna).
        if (input.adjusterPersonId) {
          const { recorded, attended } = await repo.attendanceOf(tx, protocol.meetingId, input.adjusterPersonId);
          if (recorded && !attended) {
            const message = { sv: 'Justeraren ska vara en av de närvarande vid sammanträdet. Den valda personen var inte närvarande.', en: 'The adjuster must be one of those present at the meeting. The person chosen was not present.' };
            throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'adjusterPersonId', message }] });
          }
        }
        await repo.updateProtocol(tx, protocolId, { ...input, updatedAt: clock() });
        const before = { otherPresent: protocol.otherPresent, justeringPlace: protocol.justeringPlace, justeringDate: protocol.justeringDate, chairPersonId: protocol.chairPersonId, adjusterPersonId: protocol.adjusterPersonId, secretaryName: protocol.secretaryName };
        await recordAudit(tx, actorOf(principal), { action: 'protocol.updateHeader', entity: 'protocol', entityId: protocolId, before, after: input, organisationId: body.organisationId }, clock());
      });
    },

    /** A paragraph's texts; the meeting's facts (motions, votes, reservations) are not edited here. */
    async updateParagraph(principal: Principal | null, paragraphId: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'meeting.plan');
      const input = parseInput(ZParagraphInput, raw);
      await db.transaction(async (tx) => {
        const paragraph = await repo.findParagraph(tx, paragraphId);
        if (!paragraph) throw notFound(PARAGRAPH_NOT_FOUND);
        // Only a secret paragraph has a public heading; an empty one falls back to the default.
        const publicHeading = paragraph.secrecyProvision ? input.publicHeading || null : null;
        const values = { heading: input.heading, publicHeading, decision: input.decision, summary: input.summary, handling: input.handling, recipients: lines(input.recipients) };
        const { body } = await editableDraft(tx, principal, paragraph.protocolId);
        // Nothing after the seal: a paragraph adjusted at the meeting, or signed by one of the two, keeps its text.
        if (paragraph.adjustedAt || (await repo.hasParagraphSignatures(tx, paragraphId))) throw conflict(PARAGRAPH_SIGNED);
        await repo.updateParagraph(tx, paragraphId, { ...values, updatedAt: clock() });
        const before = { heading: paragraph.heading, publicHeading: paragraph.publicHeading, decision: paragraph.decision, summary: paragraph.summary, handling: paragraph.handling, recipients: paragraph.recipients };
        await recordAudit(tx, actorOf(principal), { action: 'protocol.updateParagraph', entity: 'protocol_paragraph', entityId: paragraphId, before, after: values, organisationId: body.organisationId, secret: Boolean(paragraph.secrecyProvision) }, clock());
      });
    },

    /**
     * Locks the draft for justering: § numbers from the body's series of the meeting's year, in
     * agenda order, then the SHA-256 of the canonical form with those numbers (what is signed).
     */
    async lock(principal: Principal | null, protocolId: string): Promise<{ sha256: string; numbers: number[] }> {
      requirePrincipal(principal, 'meeting.plan');
      const locked = await db.transaction(async (tx) => {
        const { meeting, body } = await editableDraft(tx, principal, protocolId);
        const year = yearOf(meeting);
        // § numbers run through the year in meeting order: an earlier meeting's draft is locked first.
        const earlier = await repo.earlierDraft(tx, { bodyId: body.id, before: meeting.startsAt, yearStart: stockholmToInstant(`${year}-01-01`, '00:00') ?? new Date(Date.UTC(year, 0, 1)) });
        if (earlier) {
          const date = instantToStockholm(earlier.startsAt).date;
          throw conflict({
            sv: `Protokollet från sammanträdet ${date} är inte låst än. Lås det först, så att paragraferna numreras i sammanträdenas ordning.`,
            en: `The protocol of the meeting on ${date} is not locked yet. Lock it first, so that the paragraphs are numbered in the order of the meetings.`,
          });
        }
        // A paragraph adjusted at the meeting keeps the § it reserved then; the rest follow in agenda order.
        const paragraphs = (await repo.listParagraphs(tx, protocolId)).filter((p) => p.number === null);
        const first = await repo.takeParagraphNumbers(tx, { bodyId: body.id, year, count: paragraphs.length });
        const numbers = paragraphs.map((_, index) => first + index);
        for (const [index, p] of paragraphs.entries()) {
          await repo.updateParagraph(tx, p.id, { number: first + index, year, updatedAt: clock() });
        }
        // The current canonical form: the planned justering date is not signed (the final protocol prints the actual day).
        const digestVersion = CURRENT_DIGEST_VERSION;
        const document = await build(tx, protocolId);
        const sha256 = protocolDigest(document, digestVersion);
        await repo.updateProtocol(tx, protocolId, { status: 'locked', lockedAt: clock(), canonicalSha256: sha256, digestVersion, updatedAt: clock() });
        // What the chair and the adjuster read on the review page: the document as locked (issue 18).
        await storeReviewCopy(tx, { protocolId, sha256, digestVersion, document, at: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.lock', entity: 'protocol', entityId: protocolId, after: { numbers, sha256, digestVersion }, organisationId: body.organisationId }, clock());
        return { sha256, numbers };
      });
      // After the commit: the chair and the adjuster are told it is theirs; a mail problem never undoes the lock.
      await deps.notifier?.protocolLocked(protocolId);
      return locked;
    },

    /** History: the last § number a body used in a year before Kansli (the demo: 18 before 2022-12-14). */
    async setParagraphCounter(bodyId: string, year: number, lastNumber: number): Promise<void> {
      await db.transaction(async (tx) => {
        const body = await meetingsRepo.findBody(tx, bodyId);
        if (!body) throw notFound({ sv: 'Organet finns inte.', en: 'The body does not exist.' });
        await repo.setCounter(tx, { bodyId, year, lastNumber });
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'protocol.setCounter', entity: 'body', entityId: bodyId, after: { year, lastNumber }, organisationId: body.organisationId }, clock());
      });
    },

    /** The form's version: "senaste paragrafnummer före detta protokoll", while the protocol is a draft. */
    async setCounterBefore(principal: Principal | null, protocolId: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'meeting.plan');
      const { lastNumber } = parseInput(ZCounterInput, raw);
      await db.transaction(async (tx) => {
        const { meeting, body } = await editableDraft(tx, principal, protocolId);
        const year = yearOf(meeting);
        const used = await repo.highestUsedNumber(tx, body.id, year);
        if (lastNumber < used) {
          throw conflict({ sv: `§ ${used} är redan använd ${year}. Ange minst ${used}.`, en: `§ ${used} is already used in ${year}. Give at least ${used}.` });
        }
        const before = await repo.counterValue(tx, body.id, year);
        await repo.setCounter(tx, { bodyId: body.id, year, lastNumber });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.setCounter', entity: 'body', entityId: body.id, before: { year, lastNumber: before }, after: { year, lastNumber }, organisationId: body.organisationId }, clock());
      });
    },
  };
}

export type ProtocolService = ReturnType<typeof createProtocolService>;
