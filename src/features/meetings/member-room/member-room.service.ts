/**
 * The members' meeting room: a member, substitute or official reads the papers of the meetings
 * they are called to, reports absence (the call to the substitute of the same municipality goes
 * through the mail queue), declares jäv on an item and keeps private notes that no one else ever sees.
 */
import type { Config } from '../../../platform/config/config.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { swedishDate, type Clock } from '../../../platform/clock.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import type { Mailer } from '../../../platform/mail/mailer.js';
import { isTermCurrent } from '../../../domain/mandate-term.js';
import { actorOf } from '../../auth/auth.service.js';
import { can, holdsRoleAnywhere, PolicyDenied, type Principal } from '../../../platform/auth/policy.js';
import { cooperationScope } from '../../organisation/scope.js';
import * as registryRepo from '../../registry/registry.repository.js';
import { caseNumberOf } from '../../registry/registry.service.js';
import { documentAccessFor, presentDocument } from '../../registry/secrecy.js';
import * as roomRepo from './member-room.repository.js';
import { createSecretPaperReading, memberMayRead } from './member-room.secret-papers.js';
import { assertStillPlanned, composeAbsenceMail, composeWithdrawnMail, presentRoomDocument, ROLE_ORDER, ZPrivateNote, ZReportNote, substituteMailState, substitutesToCall, type MemberReportType, type MyMandate } from './member-room.rules.js';
import { findBody, findMeeting, findPersonIdOfUser, listCasesByIds, listDocumentsByIds, listItemDocumentIds, listItems, listMandatesOn, lockMeeting, municipalityNames } from '../meetings.repository.js';
import { memberRoomMessages as M } from './member-room.messages.js';
import type { AgendaItemRow, MemberReportRow } from '../meetings.tables.js';

export { formatClock, formatMeetingDay, formatMeetingTime, MAX_PRIVATE_NOTE, MAX_REPORT_NOTE, substitutesToCall, type CalledMandate, type MemberReportType, type MyMandate } from './member-room.rules.js';

export function createMemberRoomService(deps: {
  database: Database;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** Tells the committee's secretaries of a reported absence (the task notifier); called after the commit, never throws. */
  notifier?: { absenceReported: (reportId: string) => Promise<unknown> };
}) {
  const db = deps.database.db;
  const { clock, config, mailer } = deps;

  const personIdOf = (principal: Principal) => findPersonIdOfUser(db, principal.userId);

  /** Every mandate of the person with the body and municipality names, strongest role first. */
  async function mandatesOf(personId: string) {
    const rows = await roomRepo.listMandatesOfPerson(db, personId);
    return rows.sort((a, b) => ROLE_ORDER[a.mandate.role] - ROLE_ORDER[b.mandate.role]);
  }

  function mandateOn(rows: Awaited<ReturnType<typeof mandatesOf>>, bodyId: string, date: string): MyMandate | undefined {
    const found = rows.find((r) => r.mandate.bodyId === bodyId && isTermCurrent(r.mandate, date));
    if (!found) return undefined;
    const { mandate } = found;
    return { personId: mandate.personId, role: mandate.role, position: mandate.position, municipalityId: mandate.municipalityId, municipalityName: found.municipalityName };
  }

  /** The meeting, if this user is called to it (a mandate in its body on the meeting day); otherwise 404. */
  async function requireRoom(principal: Principal | null, meetingId: string) {
    if (!principal || !holdsRoleAnywhere(principal, 'meetingRoom.use')) throw new PolicyDenied('meetingRoom.use');
    const personId = await personIdOf(principal);
    if (!personId) throw new DomainError('NOT_FOUND', { message: 'user has no person', userMessage: M['room.err.noPerson'] });
    const meeting = await findMeeting(db, meetingId);
    const body = meeting ? await findBody(db, meeting.bodyId) : undefined;
    // Another cooperation's meeting does not exist for this user (404, as for a meeting not theirs).
    if (body && !can(principal, 'meetingRoom.use', await cooperationScope(db, body.organisationId))) throw notFound(M['room.err.notFound']);
    const date = meeting ? swedishDate(meeting.startsAt) : '';
    const mine = meeting && body ? mandateOn(await mandatesOf(personId), body.id, date) : undefined;
    if (!meeting || !body || !mine) throw notFound(M['room.err.notFound']);
    return { user: principal, meeting, body, date, mine, personId };
  }

  type Room = Awaited<ReturnType<typeof requireRoom>>;
  const secretPapers = createSecretPaperReading({ db, config, clock, requireRoom });

  /** The decision basis of the items: each item's documents with their files, and the case numbers. */
  async function loadBasis(items: AgendaItemRow[]) {
    const links = await listItemDocumentIds(db, items.map((i) => i.id));
    const docs = await listDocumentsByIds(db, links.map((l) => l.documentId));
    const caseRows = await listCasesByIds(db, items.flatMap((i) => (i.caseId ? [i.caseId] : [])));
    return {
      files: await registryRepo.listFiles(db, docs.map((d) => d.id)),
      documentsOf: (itemId: string) => links.filter((l) => l.itemId === itemId).flatMap((l) => docs.filter((d) => d.id === l.documentId)),
      caseNumberOf: (caseId: string | null) => {
        const row = caseRows.find((c) => c.id === caseId);
        return row ? caseNumberOf(row) : null;
      },
    };
  }

  /** Whether the user may read secret documents of an organisation: registry.readSecret there or in its committee. */
  async function secretReader(user: Principal) {
    const orgs = await registryRepo.organisationSlugs(db);
    return (orgId: string) => {
      const committeeId = orgs.get(orgId)?.committeeId;
      return can(user, 'registry.readSecret', committeeId ? [orgId, committeeId] : [orgId]);
    };
  }

  async function requireItem(meetingId: string, itemId: string) {
    const item = (await listItems(db, meetingId)).find((i) => i.id === itemId);
    if (!item) throw notFound(M['room.err.itemNotFound']);
    return item;
  }

  /** Lock the meeting row for the rest of the transaction: a report and the opening of the meeting never cross. */
  async function lockPlannedMeeting(tx: Db, meetingId: string): Promise<void> {
    const row = await lockMeeting(tx, meetingId);
    if (!row) throw notFound(M['room.err.notFound']);
    assertStillPlanned(row.status);
  }

  async function findOwnReport(tx: Db, where: { meetingId: string; personId: string; type: MemberReportType; itemId: string | null }) {
    const rows = await roomRepo.listReportsOfPerson(tx, where.personId, { meetingId: where.meetingId, type: where.type });
    return rows.find((r) => r.itemId === where.itemId);
  }

  /** The substitutes of the same municipality in the same body on the meeting day (reglemente 17 §). */
  async function substitutesFor(room: Room) {
    const called = await listMandatesOn(db, room.body.id, room.date);
    const ids = new Set(substitutesToCall(called.map((c) => c.mandate), room.mine).map((m) => m.personId));
    return called.filter((c) => ids.has(c.person.id)).map((c) => c.person);
  }

  /**
   * For a substitute: the members of the same municipality who reported absence from this
   * meeting, for whom the substitute is called in to serve (reglemente 17 §). Empty otherwise.
   */
  async function calledInFor(room: Room): Promise<string[]> {
    if (room.mine.role !== 'substitute') return [];
    const called = await listMandatesOn(db, room.body.id, room.date);
    const members = called.filter((c) => substitutesToCall(called.map((x) => x.mandate), c.mandate).some((m) => m.personId === room.personId));
    if (members.length === 0) return [];
    const absentIds = new Set(await roomRepo.listAbsentPersonIds(db, room.meeting.id, members.map((m) => m.person.id)));
    return members.filter((m) => absentIds.has(m.person.id)).map((m) => m.person.name);
  }

  async function writeReport(room: Room, type: MemberReportType, itemId: string | null, note: string | null) {
    return db.transaction(async (tx) => {
      await lockPlannedMeeting(tx, room.meeting.id);
      const key = { meetingId: room.meeting.id, personId: room.personId, type, itemId };
      const existing = await findOwnReport(tx, key);
      if (existing) return { report: existing, created: false };
      const report = await roomRepo.insertReport(tx, { ...key, note, createdAt: clock() });
      await recordAudit(tx, actorOf(room.user), { action: `member_report.${type}`, entity: 'meeting', entityId: room.meeting.id, after: { reportId: report.id, personId: room.personId, itemId, note }, organisationId: room.body.organisationId }, clock());
      return { report, created: true };
    });
  }

  async function withdrawReport(room: Room, type: MemberReportType, itemId: string | null) {
    return db.transaction(async (tx) => {
      await lockPlannedMeeting(tx, room.meeting.id);
      const existing = await findOwnReport(tx, { meetingId: room.meeting.id, personId: room.personId, type, itemId });
      if (!existing) return undefined;
      await roomRepo.deleteReport(tx, existing.id);
      await recordAudit(tx, actorOf(room.user), { action: `member_report.${type}.withdraw`, entity: 'meeting', entityId: room.meeting.id, before: { reportId: existing.id, personId: room.personId, itemId, note: existing.note }, organisationId: room.body.organisationId }, clock());
      return existing;
    });
  }

  const mailContext = (room: Room, member: string) => ({
    meeting: room.meeting,
    bodyName: room.body.name,
    memberName: member,
    municipalityName: room.mine.municipalityName,
    publicUrl: config.publicUrl,
  });

  const personName = (personId: string) => roomRepo.findPersonName(db, personId);

  return {
    /** The meetings this user is called to: upcoming first, then earlier ones (newest first); null without a linked person. */
    async listMyMeetings(principal: Principal | null) {
      // The user's own meetings, found through the person linked to the account (never anyone else's).
      if (!principal || !holdsRoleAnywhere(principal, 'meetingRoom.use')) throw new PolicyDenied('meetingRoom.use');
      const personId = await personIdOf(principal);
      if (!personId) return null;
      const mine = await mandatesOf(personId);
      const bodyIds = [...new Set(mine.map((m) => m.mandate.bodyId))];
      if (bodyIds.length === 0) return { upcoming: [], past: [] };
      const rows = await roomRepo.listMeetingsOfBodies(db, bodyIds);
      const reports = await roomRepo.listReportsOfPerson(db, personId, { type: 'absence' });
      const itemCounts = await roomRepo.itemCountsOf(db, rows.map((r) => r.meeting.id));
      const today = swedishDate(clock());
      const listed = rows.flatMap(({ meeting, bodyName }) => {
        const date = swedishDate(meeting.startsAt);
        const mandate = mandateOn(mine, meeting.bodyId, date);
        if (!mandate || meeting.status === 'cancelled') return [];
        const absent = reports.some((r) => r.meetingId === meeting.id);
        const upcoming = date >= today && meeting.status !== 'closed';
        return [{ id: meeting.id, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, status: meeting.status, origin: meeting.origin, bodyName, mandate, absent, items: itemCounts.get(meeting.id) ?? 0, upcoming }];
      });
      return { upcoming: listed.filter((m) => m.upcoming), past: listed.filter((m) => !m.upcoming).reverse() };
    },

    /** The reading view of one meeting, with this user's own reports and notes and nobody else's. */
    async getRoom(principal: Principal | null, meetingId: string) {
      const room = await requireRoom(principal, meetingId);
      const items = await listItems(db, meetingId);
      const basis = await loadBasis(items);
      const readsSecret = await secretReader(room.user);
      const mayReadSecretItems = readsSecret(room.body.organisationId);
      const reports = await roomRepo.listReportsOfPerson(db, room.personId, { meetingId });
      const notes = await roomRepo.listNotes(db, room.user.userId, items.map((i) => i.id));
      const absence = reports.find((r) => r.type === 'absence');
      return {
        meeting: { id: room.meeting.id, startsAt: room.meeting.startsAt, endsAt: room.meeting.endsAt, place: room.meeting.place, status: room.meeting.status, origin: room.meeting.origin },
        body: { id: room.body.id, name: room.body.name },
        mine: room.mine,
        canReport: room.meeting.status === 'planned',
        absence: absence ? { note: absence.note, at: absence.createdAt, substitutes: await substituteStates(room) } : null,
        calledInFor: await calledInFor(room),
        items: items.map((item) => {
          // A secret item shows only that it exists; its secret documents only as registry entries.
          const restricted = item.isSecret && !mayReadSecretItems;
          const jav = reports.find((r) => r.type === 'jav' && r.itemId === item.id);
          return {
            id: item.id,
            position: item.position,
            kind: item.kind,
            heading: item.heading,
            caseNumber: basis.caseNumberOf(item.caseId),
            restricted,
            proposal: restricted ? '' : item.proposal,
            summary: restricted ? '' : item.summary,
            recipients: restricted ? [] : item.recipients,
            documents: basis.documentsOf(item.id).map((doc) => {
              const access = documentAccessFor({ secrecy: doc.secrecy, signedIn: true, canReadSecret: !restricted && readsSecret(doc.organisationId) });
              // Issue 18: a member or substitute called to the meeting reads it after a second factor.
              const readable = access !== 'full' && doc.secrecy === 'secret' && memberMayRead(room, doc.organisationId, Boolean(jav));
              return { ...presentRoomDocument(presentDocument(doc, access === 'full' ? 'full' : 'entry', basis.files)), readable };
            }),
            jav: jav ? { note: jav.note, at: jav.createdAt } : null,
            note: notes.find((n) => n.itemId === item.id)?.text ?? '',
            origin: item.origin,
          };
        }),
      };
    },

    /**
     * Report absence; the calls to a member's substitutes of the same municipality are put in the
     * mail queue and the answer comes at once (the room shows how each call goes).
     */
    async reportAbsence(principal: Principal | null, meetingId: string, raw: unknown) {
      const room = await requireRoom(principal, meetingId);
      const input = parseInput(ZReportNote, raw);
      const { created, report } = await writeReport(room, 'absence', null, input.note ?? null);
      if (created) await deps.notifier?.absenceReported(report.id);
      const substitutes = room.mine.role === 'member' ? await substitutesFor(room) : [];
      const outcome = { created, isMember: room.mine.role === 'member', municipalityName: room.mine.municipalityName, queued: [] as string[], noEmail: [] as string[] };
      if (!created || !outcome.isMember) return outcome;
      outcome.noEmail = substitutes.filter((s) => !s.email).map((s) => s.name);
      outcome.queued = await callSubstitutes(room, substitutes);
      return outcome;
    },

    /** Call again the substitutes whose call failed for good (every attempt refused); the queue delivers it. */
    async recallSubstitutes(principal: Principal | null, meetingId: string) {
      const room = await requireRoom(principal, meetingId);
      assertStillPlanned(room.meeting.status);
      const reported = await roomRepo.listReportsOfPerson(db, room.personId, { meetingId, type: 'absence' });
      if (reported.length === 0 || room.mine.role !== 'member') return { queued: [] as string[] };
      const failed = new Set((await substituteStates(room)).filter((s) => s.state === 'failed').map((s) => s.name));
      const substitutes = (await substitutesFor(room)).filter((s) => failed.has(s.name));
      return { queued: await callSubstitutes(room, substitutes) };
    },

    /** Withdraw the absence report; substitutes who were called (or are being called) are told they need not serve. */
    async withdrawAbsence(principal: Principal | null, meetingId: string) {
      const room = await requireRoom(principal, meetingId);
      const withdrawn = await withdrawReport(room, 'absence', null);
      if (!withdrawn || room.mine.role !== 'member') return { withdrawn: Boolean(withdrawn), told: [] as string[] };
      // A call still in the queue is delivered first (the queue keeps its order), so the withdrawal follows it.
      const states = (await substituteStates(room)).filter((s) => s.email && ['notified', 'queued', 'retrying'].includes(s.state));
      const member = await personName(room.personId);
      const mails = states.map((sub) => ({ kind: 'absence-withdrawn', to: sub.email ?? '', meetingId, ...composeWithdrawnMail({ ...mailContext(room, member), substituteName: sub.name }) }));
      await mailer.enqueue(mails);
      return { withdrawn: true, told: states.map((s) => s.name) };
    },

    async reportJav(principal: Principal | null, meetingId: string, itemId: string, raw: unknown) {
      const room = await requireRoom(principal, meetingId);
      const item = await requireItem(meetingId, itemId);
      const input = parseInput(ZReportNote, raw);
      const { created } = await writeReport(room, 'jav', item.id, input.note ?? null);
      return { created, position: item.position };
    },

    async withdrawJav(principal: Principal | null, meetingId: string, itemId: string) {
      const room = await requireRoom(principal, meetingId);
      const item = await requireItem(meetingId, itemId);
      const withdrawn = await withdrawReport(room, 'jav', item.id);
      return { withdrawn: Boolean(withdrawn), position: item.position };
    },

    /**
     * Save (or with empty text remove) this user's private note on an item. The audit entry
     * records that a note changed and its length, never its text: only the author reads it.
     */
    async saveNote(principal: Principal | null, meetingId: string, itemId: string, raw: unknown) {
      const { user, body } = await requireRoom(principal, meetingId);
      const item = await requireItem(meetingId, itemId);
      const { text } = parseInput(ZPrivateNote, raw);
      const { userId } = user;
      await db.transaction(async (tx) => {
        await roomRepo.saveNote(tx, { itemId: item.id, userId, text, updatedAt: clock() });
        await recordAudit(tx, actorOf(user), { action: 'member_note.save', entity: 'agenda_item', entityId: item.id, after: { characters: text.trim() === '' ? 0 : text.length }, organisationId: body.organisationId }, clock());
      });
      return { cleared: text.trim() === '', position: item.position };
    },

    ...secretPapers,

    /** Every absence and jäv reported for a meeting, for those who plan or run it (the live screen). */
    async listReports(principal: Principal | null, meetingId: string) {
      const meeting = await findMeeting(db, meetingId);
      const body = meeting ? await findBody(db, meeting.bodyId) : undefined;
      if (!meeting || !body) throw notFound(M['room.err.notFound']);
      if (!can(principal, 'meeting.run', [body.organisationId]) && !can(principal, 'meeting.plan', [body.organisationId])) throw new PolicyDenied('meeting.run');
      const rows = await roomRepo.listReportsOfMeeting(db, meetingId);
      const called = await listMandatesOn(db, body.id, swedishDate(meeting.startsAt));
      const items = await listItems(db, meetingId);
      const names = await municipalityNames(db, called.map((c) => c.mandate.municipalityId));
      return rows.map((r: MemberReportRow) => {
        const mandate = called.find((c) => c.person.id === r.personId);
        const item = items.find((i) => i.id === r.itemId);
        return {
          id: r.id,
          type: r.type,
          personId: r.personId,
          personName: mandate?.person.name ?? '',
          role: mandate?.mandate.role ?? null,
          municipalityId: mandate?.mandate.municipalityId ?? null,
          municipalityName: mandate ? (names.get(mandate.mandate.municipalityId) ?? '') : '',
          itemId: r.itemId,
          itemPosition: item?.position ?? null,
          itemHeading: item?.heading ?? null,
          note: r.note,
          reportedAt: r.createdAt,
        };
      });
    },
  };

  /** Put the calls to serve in the mail queue, one per substitute with an e-mail address; their names. */
  async function callSubstitutes(room: Room, substitutes: { name: string; email: string | null }[]): Promise<string[]> {
    const member = await personName(room.personId);
    const reachable = substitutes.filter((s) => s.email);
    await mailer.enqueue(reachable.map((sub) => ({ kind: 'absence', to: sub.email ?? '', meetingId: room.meeting.id, ...composeAbsenceMail({ ...mailContext(room, member), substituteName: sub.name }) })));
    return reachable.map((s) => s.name);
  }

  /** How the call of each substitute goes: from the mail log, never guessed. */
  async function substituteStates(room: Room) {
    if (room.mine.role !== 'member') return [];
    const subs = await substitutesFor(room);
    const mails = (await mailer.list({ meetingId: room.meeting.id })).filter((m) => m.kind === 'absence');
    return subs.map((sub) => ({ name: sub.name, email: sub.email, ...substituteMailState(sub.email, mails) }));
  }
}

export type MemberRoomService = ReturnType<typeof createMemberRoomService>;
export type RoomView = Awaited<ReturnType<MemberRoomService['getRoom']>>;
export type MyMeetings = NonNullable<Awaited<ReturnType<MemberRoomService['listMyMeetings']>>>;
