import type { Config } from '../../../platform/config/config.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { swedishDate, type Clock } from '../../../platform/clock.js';
import * as repo from './agenda.repository.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { DomainError, conflict, notFound, type UserMessage } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import { formatHandlingId } from '../../../domain/case-number.js';
import { actorOf } from '../../auth/auth.service.js';
import { assertCan, can, type Principal, type Scope } from '../../../platform/auth/policy.js';
import { administeredScope, cooperationScope } from '../../organisation/scope.js';
import * as registryRepo from '../../registry/registry.repository.js';
import { caseNumberOf } from '../../registry/registry.service.js';
import { documentAccessFor, presentDocument } from '../../registry/secrecy.js';
import { findBody, findItem, findMeeting, listCasesByIds, listDocumentsByIds, listItemDocumentIds, listItems, lockMeeting } from '../meetings.repository.js';
import { ZAgendaItemInput, ZAgendaOrder, ZMoveItem, type TAgendaItemInput } from './agenda.schema.js';
import { recordDeletion } from '../../oparl/tombstones.repository.js';
import { formatClock, formatLongDate } from '../../../platform/time-format.js';
import type { AgendaItemRow, MeetingRow } from '../meetings.tables.js';
import type { BodyRow } from '../../organisation/organisation.tables.js';
import type { DocumentFileRow, DocumentRow } from '../../registry/registry.tables.js';

const MEETING_NOT_FOUND = { sv: 'Sammanträdet finns inte.', en: 'The meeting does not exist.' };
const ITEM_NOT_FOUND = { sv: 'Punkten finns inte på dagordningen.', en: 'The item is not on the agenda.' };
const CLOSED: UserMessage = {
  sv: 'Sammanträdet är avslutat. Dagordningen kan inte längre ändras.',
  en: 'The meeting is closed. The agenda can no longer be changed.',
};
const HANDLED: UserMessage = {
  sv: 'Punkten är redan behandlad på sammanträdet och kan inte ändras eller tas bort här.',
  en: 'The item has already been handled at the meeting and cannot be changed or removed here.',
};
const STALE: UserMessage = {
  sv: 'Dagordningen har ändrats sedan sidan laddades. Ladda om sidan och försök igen.',
  en: 'The agenda has changed since the page was loaded. Reload the page and try again.',
};

/** A decision-basis document as a reader of the agenda may see it. */
export interface AgendaDocument {
  id: string;
  handlingId: string;
  caseId: string;
  description: string;
  secrecy: 'public' | 'secret' | 'internal';
  files: { id: string; filename: string; mimeType: string; sha256: string; version: number }[];
}

export interface PresentedAgendaItem {
  id: string;
  position: number;
  kind: AgendaItemRow['kind'];
  status: AgendaItemRow['status'];
  heading: string;
  caseId: string | null;
  caseNumber: string | null;
  proposal: string;
  summary: string;
  recipients: string[];
  isSecret: boolean;
  /** The ground of a secret item, in full (public: the ground, never the content); null when none is named. */
  secrecyProvision: string | null;
  /** A secret item this reader may not read: only that it exists is shown. */
  restricted: boolean;
  documents: AgendaDocument[];
  /** Secret documents in the basis that this reader may not see. */
  hiddenDocuments: number;
  /** 'demo': an item the demo invented, shown as Exempeldata. */
  origin: AgendaItemRow['origin'];
}

/** When a meeting is: its date (YYYY-MM-DD), the date written out, and its time ("09.00–12.00"). */
export function meetingWhen(meeting: Pick<MeetingRow, 'startsAt' | 'endsAt'>, locale: 'sv' | 'en' = 'sv') {
  const time = (d: Date) => formatClock(d, locale);
  return {
    date: swedishDate(meeting.startsAt),
    longDate: formatLongDate(meeting.startsAt, locale),
    time: meeting.endsAt ? `${time(meeting.startsAt)}–${time(meeting.endsAt)}` : time(meeting.startsAt),
  };
}

/** The rows of a meeting's agenda with their cases, documents and files, for every presenter. */
export async function loadAgenda(db: Db, meetingId: string) {
  const items = await listItems(db, meetingId);
  const links = await listItemDocumentIds(db, items.map((i) => i.id));
  const docIds = [...new Set(links.map((l) => l.documentId))];
  const caseIds = [...new Set(items.flatMap((i) => (i.caseId ? [i.caseId] : [])))];
  const [docRows, files, caseRows] = await Promise.all([
    listDocumentsByIds(db, docIds),
    registryRepo.listFiles(db, docIds),
    listCasesByIds(db, caseIds),
  ]);
  const docById = new Map(docRows.map((d) => [d.id, d]));
  const documentsOf = (itemId: string) => links.filter((l) => l.itemId === itemId).flatMap((l) => docById.get(l.documentId) ?? []);
  const latestFiles = (docId: string) => {
    const own = files.filter((f) => f.documentId === docId);
    const latest = own.reduce<DocumentFileRow | undefined>((best, f) => (!best || f.version > best.version ? f : best), undefined);
    return latest ? [latest] : [];
  };
  return { items, documentsOf, latestFiles, caseById: new Map(caseRows.map((c) => [c.id, c])) };
}

export type LoadedAgenda = Awaited<ReturnType<typeof loadAgenda>>;

/** The organisations whose grants count for a body: its owner and the owner's committee. */
export function scopeOfBody(db: Db, body: BodyRow): Promise<Scope> {
  return administeredScope(db, body.organisationId);
}

/** A meeting with its body, the scope that plans and runs it, and the (wider) scope that reads it. */
export async function requireMeetingWithBody(db: Db, meetingId: string): Promise<{ meeting: MeetingRow; body: BodyRow; scope: Scope; readScope: Scope }> {
  const meeting = await findMeeting(db, meetingId);
  const body = meeting ? await findBody(db, meeting.bodyId) : undefined;
  if (!meeting || !body) throw notFound(MEETING_NOT_FOUND);
  return { meeting, body, scope: await scopeOfBody(db, body), readScope: await cooperationScope(db, body.organisationId) };
}

function presentDoc(doc: DocumentRow, agenda: LoadedAgenda): AgendaDocument {
  return {
    id: doc.id,
    handlingId: formatHandlingId({ year: doc.year, number: doc.number }),
    caseId: doc.caseId,
    description: doc.description,
    secrecy: doc.secrecy,
    files: agenda.latestFiles(doc.id).map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, sha256: f.sha256, version: f.version })),
  };
}

/** The agenda as this reader may see it: secret documents and secret items only with registry.readSecret. */
export function presentAgenda(agenda: LoadedAgenda, reader: { canReadSecret: boolean }): PresentedAgendaItem[] {
  return agenda.items.map((item) => {
    const caseRow = item.caseId ? agenda.caseById.get(item.caseId) : undefined;
    const docs = agenda.documentsOf(item.id);
    const visible = docs.filter((d) => documentAccessFor({ secrecy: d.secrecy, signedIn: true, canReadSecret: reader.canReadSecret }) === 'full');
    const restricted = item.isSecret && !reader.canReadSecret;
    return {
      id: item.id,
      position: item.position,
      kind: item.kind,
      status: item.status,
      heading: item.heading,
      caseId: item.caseId,
      caseNumber: caseRow ? caseNumberOf(caseRow) : null,
      proposal: restricted ? '' : item.proposal,
      summary: restricted ? '' : item.summary,
      recipients: restricted ? [] : item.recipients,
      isSecret: item.isSecret,
      secrecyProvision: item.isSecret ? (item.secrecyProvision ?? docs.find((d) => d.secrecy === 'secret' && d.secrecyProvision)?.secrecyProvision ?? null) : null,
      restricted,
      documents: restricted ? [] : visible.map((d) => presentDoc(d, agenda)),
      hiddenDocuments: restricted ? 0 : docs.length - visible.length,
      origin: item.origin,
    };
  });
}

const invalidField = (field: string, message: UserMessage) => new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field, message }] });

function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function createAgendaService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  /** Lock the meeting row: one agenda change at a time keeps positions unique and gapless. */
  async function lockEditable(tx: Db, meetingId: string): Promise<MeetingRow> {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) throw notFound(MEETING_NOT_FOUND);
    if (meeting.status === 'closed') throw conflict(CLOSED);
    return meeting;
  }

  async function requireItem(tx: Db, meetingId: string, itemId: string): Promise<AgendaItemRow> {
    const item = await findItem(tx, itemId);
    if (!item || item.meetingId !== meetingId) throw notFound(ITEM_NOT_FOUND);
    return item;
  }

  const writeOrder = (tx: Db, meetingId: string, ids: string[]) => repo.renumberItems(tx, meetingId, ids, clock());

  /** The case must be the organisation's; the documents must be in its registry. */
  async function resolveBasis(tx: Db, organisationId: string, input: TAgendaItemInput): Promise<string[]> {
    if (input.caseId) {
      const caseRow = await registryRepo.findCase(tx, input.caseId);
      if (caseRow?.organisationId !== organisationId) throw invalidField('caseId', { sv: 'Ärendet finns inte i nämndens diarium.', en: "The case is not in the committee's registry." });
    }
    const ids = await repo.listOwnDocumentIds(tx, organisationId, input.documentIds);
    if (ids.length !== new Set(input.documentIds).size) throw invalidField('documentIds', { sv: 'En vald handling finns inte i diariet.', en: 'A chosen document is not in the registry.' });
    const missing: string[] = [];
    const byHid: string[] = [];
    for (const hid of input.otherHids) {
      const [year = 0, number = 0] = hid.split('.').map(Number);
      const doc = await registryRepo.findDocumentByNumber(tx, organisationId, year, number);
      if (doc) byHid.push(doc.id);
      else missing.push(hid);
    }
    if (missing.length) throw invalidField('otherHids', { sv: `Handlingen ${missing.join(', ')} finns inte i nämndens diarium.`, en: `Document ${missing.join(', ')} is not in the committee's registry.` });
    return [...new Set([...input.documentIds, ...byHid])];
  }

  const writeBasis = repo.replaceItemDocuments;

  const itemValues = (input: TAgendaItemInput) => ({
    kind: input.kind,
    heading: input.heading,
    caseId: input.caseId ?? null,
    proposal: input.proposal ?? '',
    summary: input.summary ?? '',
    recipients: input.recipients,
    isSecret: input.isSecret,
    publicHeading: input.isSecret ? (input.publicHeading ?? null) : null,
    secrecyProvision: input.isSecret ? (input.secrecyProvision ?? null) : null,
  });

  async function planning(principal: Principal | null, meetingId: string) {
    const found = await requireMeetingWithBody(db, meetingId);
    assertCan(principal, 'meeting.plan', found.scope);
    return { ...found, actor: actorOf(principal) };
  }

  return {
    /** The agenda of a meeting for reading; `canEdit` when this user may plan and the meeting is not closed. */
    async getAgenda(principal: Principal | null, meetingId: string) {
      const { meeting, body, scope, readScope } = await requireMeetingWithBody(db, meetingId);
      assertCan(principal, 'meeting.read', readScope);
      const items = presentAgenda(await loadAgenda(db, meetingId), { canReadSecret: can(principal, 'registry.readSecret', scope) });
      const mayPlan = can(principal, 'meeting.plan', scope);
      return { meeting, body, items, mayPlan, canEdit: mayPlan && meeting.status !== 'closed' };
    },

    /** What the item form offers: the organisation's open cases and the chosen case's documents. */
    async formOptions(principal: Principal | null, meetingId: string, caseId: string | undefined) {
      const { meeting, body, scope } = await planning(principal, meetingId);
      if (meeting.status === 'closed') throw conflict(CLOSED);
      const all = await registryRepo.listCases(db, { organisationIds: [body.organisationId] });
      const chosen = all.find((c) => c.id === caseId);
      const reader = { signedIn: true, canReadSecret: can(principal, 'registry.readSecret', scope) };
      const docs = chosen ? await registryRepo.listDocumentsOfCase(db, chosen.id) : [];
      const files = await registryRepo.listFiles(db, docs.map((d) => d.id));
      const caseDocuments = docs.flatMap((d) => {
        const access = documentAccessFor({ secrecy: d.secrecy, ...reader });
        return access === 'none' ? [] : [presentDocument(d, access, files)];
      });
      return {
        meeting,
        body,
        cases: all.filter((c) => c.status === 'open' || c.id === caseId).map((c) => ({ id: c.id, caseNumber: caseNumberOf(c), title: c.title })),
        chosenCase: chosen ? { id: chosen.id, caseNumber: caseNumberOf(chosen), title: chosen.title } : undefined,
        caseDocuments,
      };
    },

    /** One item with its basis, for the edit form. */
    async getItem(principal: Principal | null, meetingId: string, itemId: string) {
      const { meeting } = await planning(principal, meetingId);
      if (meeting.status === 'closed') throw conflict(CLOSED);
      const item = await requireItem(db, meetingId, itemId);
      const agenda = await loadAgenda(db, meetingId);
      return { meeting, item, documents: agenda.documentsOf(item.id).map((d) => presentDoc(d, agenda)) };
    },

    async addItem(principal: Principal | null, meetingId: string, raw: unknown): Promise<AgendaItemRow> {
      const { body, actor } = await planning(principal, meetingId);
      const input = parseInput(ZAgendaItemInput, raw);
      return db.transaction(async (tx) => {
        await lockEditable(tx, meetingId);
        const documentIds = await resolveBasis(tx, body.organisationId, input);
        const position = (await listItems(tx, meetingId)).length + 1;
        const item = await repo.insertItem(tx, { meetingId, position, ...itemValues(input) });
        await writeBasis(tx, item.id, documentIds);
        await recordAudit(tx, actor, { action: 'agenda.item.add', entity: 'agenda_item', entityId: item.id, after: { meetingId, position, heading: item.heading, documentIds }, organisationId: body.organisationId }, clock());
        return item;
      });
    },

    async updateItem(principal: Principal | null, meetingId: string, itemId: string, raw: unknown): Promise<void> {
      const { body, actor } = await planning(principal, meetingId);
      const input = parseInput(ZAgendaItemInput, raw);
      await db.transaction(async (tx) => {
        await lockEditable(tx, meetingId);
        const item = await requireItem(tx, meetingId, itemId);
        if (item.status !== 'pending') throw conflict(HANDLED);
        const documentIds = await resolveBasis(tx, body.organisationId, input);
        await repo.updateItem(tx, itemId, { ...itemValues(input), updatedAt: clock() });
        await writeBasis(tx, itemId, documentIds);
        await recordAudit(tx, actor, { action: 'agenda.item.update', entity: 'agenda_item', entityId: itemId, before: { heading: item.heading, kind: item.kind }, after: { ...itemValues(input), documentIds }, organisationId: body.organisationId }, clock());
      });
    },

    async removeItem(principal: Principal | null, meetingId: string, itemId: string): Promise<void> {
      const { body, actor } = await planning(principal, meetingId);
      try {
        await db.transaction(async (tx) => {
          await lockEditable(tx, meetingId);
          const item = await requireItem(tx, meetingId, itemId);
          if (item.status !== 'pending') throw conflict(HANDLED);
          await repo.deleteItem(tx, itemId);
          await recordDeletion(tx, { kind: 'agendaitem', objectId: itemId, parentId: meetingId, createdAt: item.createdAt }, clock()); // OParl tombstone
          await writeOrder(tx, meetingId, (await listItems(tx, meetingId)).map((i) => i.id));
          await recordAudit(tx, actor, { action: 'agenda.item.remove', entity: 'agenda_item', entityId: itemId, before: { meetingId, position: item.position, heading: item.heading }, organisationId: body.organisationId }, clock());
        });
      } catch (error) {
        // Attendance, motions or notes from the meeting point at the item: it stays.
        if (isForeignKeyViolation(error)) throw conflict({ sv: 'Punkten har redan uppgifter från sammanträdet och kan inte tas bort.', en: 'The item already has records from the meeting and cannot be removed.' });
        throw error;
      }
    },

    /** "Flytta upp"/"Flytta ned": swap with the neighbour; at either end nothing changes. */
    async moveItem(principal: Principal | null, meetingId: string, itemId: string, raw: unknown): Promise<void> {
      const { body, actor } = await planning(principal, meetingId);
      const { direction } = parseInput(ZMoveItem, raw);
      await db.transaction(async (tx) => {
        await lockEditable(tx, meetingId);
        await requireItem(tx, meetingId, itemId);
        const ids = (await listItems(tx, meetingId)).map((i) => i.id);
        const from = ids.indexOf(itemId);
        const to = direction === 'up' ? from - 1 : from + 1;
        if (to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to] ?? itemId, itemId];
        await writeOrder(tx, meetingId, ids);
        await recordAudit(tx, actor, { action: 'agenda.reorder', entity: 'meeting', entityId: meetingId, after: { moved: itemId, direction }, organisationId: body.organisationId }, clock());
      });
    },

    /** The whole order at once (drag and drop): every item of the meeting, each exactly once. */
    async setOrder(principal: Principal | null, meetingId: string, raw: unknown): Promise<{ id: string; position: number }[]> {
      const { body, actor } = await planning(principal, meetingId);
      const { order } = parseInput(ZAgendaOrder, raw);
      return db.transaction(async (tx) => {
        await lockEditable(tx, meetingId);
        const current = (await listItems(tx, meetingId)).map((i) => i.id);
        const same = order.length === current.length && new Set(order).size === order.length && order.every((id) => current.includes(id));
        if (!same) throw conflict(STALE);
        await writeOrder(tx, meetingId, order);
        await recordAudit(tx, actor, { action: 'agenda.reorder', entity: 'meeting', entityId: meetingId, before: { order: current }, after: { order }, organisationId: body.organisationId }, clock());
        return order.map((id, index) => ({ id, position: index + 1 }));
      });
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
