/**
 * E-mail with a link when a task becomes someone's (issue 18): a protocol locked for justering
 * goes to its chair and adjuster; a final protocol whose notice a municipality posts by hand goes
 * to that municipality's registrars; an absence reported in the members' room goes to the
 * committee's secretaries; and reminders before the justering and posting deadlines
 * (sendDueReminders, run by the background jobs). Each is sent once per task and account: the key is claimed
 * in task_notifications before the mail is queued; the mail queue delivers it in the background
 * with its retries, and the mail log shows its state. Called after the transaction that made the
 * change has committed; it never throws, so that a mail problem cannot undo a lock or a justering.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { Mailer, OutgoingMail } from '../../platform/mail/mailer.js';
import { isReminderDue, justeringDeadline, noticePostingDeadline } from '../../domain/index.js';
import { signerRolesOf, signersOf, type SignerRole } from '../protocols/signers.js';
import { listMandatesOn } from '../meetings/meetings.repository.js';
import { substitutesToCall } from '../meetings/member-room/member-room.service.js';
import * as repo from './tasks.repository.js';

export const JUSTERING_KIND = 'justering.locked';
export const POSTING_KIND = 'posting.manual';
export const ABSENCE_KIND = 'absence.reported';
export const JUSTERING_REMINDER_KIND = 'justering.reminder';
export const POSTING_REMINDER_KIND = 'posting.reminder';
/** A signer who has not signed is reminded this many days before the justering deadline (KL 5:69). */
export const JUSTERING_REMINDER_DAYS = 3;
/** A registrar who has not recorded the posting is reminded this many days before the posting deadline (KL 8:12). */
export const POSTING_REMINDER_DAYS = 1;
export const REVIEW_KIND = 'review.comment';

export interface NotifyResult {
  /** Mails put in the queue now. */
  queued: number;
  /** Signers without a user account, who could not be told. */
  withoutAccount: number;
}

const ROLE_TEXT: Record<SignerRole, string> = { chair: 'ordförande', adjuster: 'justerare' };
const FOOTER = 'Det här är ett automatiskt meddelande från Kansli.';

export function createTaskNotifier(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer; log?: (message: string) => void }) {
  const db = deps.database.db;
  const log = deps.log ?? ((message: string) => console.warn(message));
  const link = (path: string) => `${deps.config.publicUrl ?? ''}${path}`;

  /** Claims the key for this task and recipient: null when it has been claimed (and its mail queued) before. */
  async function claim(key: { kind: string; refId: string; recipientKey: string; personId?: string | null; userId?: string | null }): Promise<string | null> {
    return repo.claimTaskNotification(db, key, deps.clock());
  }

  /** Into the mail queue: delivered in the background, retried there; the mail log shows how it went. */
  async function enqueueClaimed(claimId: string, mail: OutgoingMail): Promise<void> {
    const [mailLogId] = await deps.mailer.enqueue([mail]);
    await repo.setTaskNotificationMailLog(db, claimId, mailLogId ?? null, deps.clock());
  }

  async function safely(what: string, run: () => Promise<NotifyResult>): Promise<NotifyResult> {
    try {
      return await run();
    } catch (error) {
      log(`Kansli: could not send the e-mail for ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return { queued: 0, withoutAccount: 0 };
    }
  }

  async function notifySigners(protocolId: string): Promise<NotifyResult> {
    const row = await repo.findProtocolForMail(db, protocolId);
    const result = { queued: 0, withoutAccount: 0 };
    if (!row || row.protocol.status !== 'locked') return result;
    const signers = signersOf(row.protocol, row.meeting);
    const meetingDate = swedishDate(row.meeting.startsAt);
    const deadline = justeringDeadline({ meetingDate });
    const personIds = [...new Set([signers.chair, signers.adjuster].filter((id): id is string => id !== null))];
    for (const personId of personIds) {
      const roles = (['chair', 'adjuster'] as const).filter((r) => signers[r] === personId);
      const person = await repo.findPersonWithAccounts(db, personId);
      if (!person) continue;
      if (person.accounts.length === 0) {
        result.withoutAccount += 1;
        const fresh = await repo.recordWithoutAccount(db, { kind: JUSTERING_KIND, refId: protocolId, recipientKey: `person:${personId}`, personId });
        if (fresh) log(`Kansli: ${person.name} (${roles.join(', ')}) of protocol ${protocolId} has no user account; no e-mail was sent.`);
        continue;
      }
      for (const account of person.accounts) {
        const claimId = await claim({ kind: JUSTERING_KIND, refId: protocolId, recipientKey: `user:${account.id}`, personId, userId: account.id });
        if (!claimId) continue;
        const text = [
          `Hej ${person.name}!`,
          ``,
          `Protokollet från ${row.body.name} ${meetingDate} är låst för justering. Du justerar det som ${roles.map((r) => ROLE_TEXT[r]).join(' och ')}.`,
          ``,
          `Läs och justera protokollet senast ${deadline} (kommunallagen 5 kap. 69 §):`,
          link(`/protokoll/${protocolId}/justera`),
          ``,
          `Logga in i Kansli med ditt eget konto; på sidan läser du protokollet och signerar det.`,
          ``,
          FOOTER,
        ].join('\n');
        await enqueueClaimed(claimId, { kind: 'task.justering', to: account.email, subject: `Protokoll att justera: ${row.body.name} ${meetingDate}`, text, meetingId: row.meeting.id });
        result.queued += 1;
      }
    }
    return result;
  }

  async function notifyRegistrars(protocolId: string): Promise<NotifyResult> {
    const row = await repo.findProtocolForMail(db, protocolId);
    const result = { queued: 0, withoutAccount: 0 };
    if (!row || row.protocol.status !== 'final' || !row.protocol.finalAt) return result;
    const justeredOn = swedishDate(row.protocol.finalAt);
    const deadline = noticePostingDeadline({ justeredOn });
    const meetingDate = swedishDate(row.meeting.startsAt);
    const manual = await repo.listUnpostedManualNoticesOf(db, protocolId);
    for (const { notice, municipality } of manual) {
      for (const registrar of await repo.listUsersWithRole(db, municipality.id, 'registrar')) {
        const claimId = await claim({ kind: POSTING_KIND, refId: notice.id, recipientKey: `user:${registrar.id}`, userId: registrar.id });
        if (!claimId) continue;
        const text = [
          `Hej ${registrar.name}!`,
          ``,
          `Protokollet från ${row.body.name} ${meetingDate} justerades ${justeredOn}. ${municipality.name} anslår justeringen på sin egen anslagstavla.`,
          ``,
          `Sätt upp anslaget senast ${deadline} (kommunallagen 8 kap. 12 §) och registrera sedan dagen då det sattes upp:`,
          link(`/anslag/${notice.id}`),
          ``,
          FOOTER,
        ].join('\n');
        await enqueueClaimed(claimId, { kind: 'task.posting', to: registrar.email, subject: `Anslag att registrera: ${row.body.name} ${meetingDate}`, text, meetingId: row.meeting.id });
        result.queued += 1;
      }
    }
    return result;
  }

  /** The members' room: a member reported absence; tell the committee's secretaries whom to call in (reglemente 17 §). */
  async function notifySecretaries(reportId: string): Promise<NotifyResult> {
    const result = { queued: 0, withoutAccount: 0 };
    const row = await repo.findAbsenceForMail(db, reportId);
    if (!row || (row.meeting.status !== 'planned' && row.meeting.status !== 'open')) return result;
    const meetingDate = swedishDate(row.meeting.startsAt);
    const called = await listMandatesOn(db, row.body.id, meetingDate);
    const own = called.find((c) => c.person.id === row.person.id)?.mandate;
    const substituteIds = new Set(own ? substitutesToCall(called.map((c) => c.mandate), own).map((m) => m.personId) : []);
    const substitutes = called.filter((c) => substituteIds.has(c.person.id)).map((c) => c.person.name);
    for (const secretary of await repo.listUsersWithRole(db, row.body.organisationId, 'secretary')) {
      const claimId = await claim({ kind: ABSENCE_KIND, refId: reportId, recipientKey: `user:${secretary.id}`, userId: secretary.id });
      if (!claimId) continue;
      const text = [
        `Hej ${secretary.name}!`,
        ``,
        `${row.person.name} har anmält förhinder till ${row.body.name} ${meetingDate}.`,
        ...(row.report.note ? [`Meddelande: ${row.report.note}`] : []),
        ``,
        substitutes.length > 0 ? `Ersättare att kalla in (reglemente 17 §): ${substitutes.join(', ')}.` : `Det finns ingen ersättare från samma kommun att kalla in (reglemente 17 §).`,
        ``,
        `Närvaron och ersättarna för sammanträdet:`,
        link(`/moten/${row.meeting.id}/sammantrade#narvaro`),
        ``,
        FOOTER,
      ].join('\n');
      await enqueueClaimed(claimId, { kind: 'task.absence', to: secretary.email, subject: `Förhinder: ${row.person.name}, ${row.body.name} ${meetingDate}`, text, meetingId: row.meeting.id });
      result.queued += 1;
    }
    return result;
  }

  /** A signer commented on a paragraph under review: the committee's secretaries get a link to the protocol page. */
  async function notifyReviewComment(commentId: string): Promise<NotifyResult> {
    const result = { queued: 0, withoutAccount: 0 };
    const comment = await repo.findReviewComment(db, commentId);
    const row = comment ? await repo.findProtocolForMail(db, comment.protocolId) : undefined;
    if (!comment || !row) return result;
    const meetingDate = swedishDate(row.meeting.startsAt);
    for (const secretary of await repo.listUsersWithRole(db, row.body.organisationId, 'secretary')) {
      const claimId = await claim({ kind: REVIEW_KIND, refId: commentId, recipientKey: `user:${secretary.id}`, userId: secretary.id });
      if (!claimId) continue;
      const text = [
        `Hej ${secretary.name}!`,
        ``,
        `${comment.authorRole === 'chair' ? 'Ordföranden' : 'Justeraren'} har lämnat en synpunkt på § ${comment.paragraphNumber ?? '–'} ${comment.paragraphHeading} i protokollet från ${row.body.name} ${meetingDate}.`,
        ``,
        `Svara på synpunkten, eller lås upp protokollet och rätta det, innan justeringen:`,
        link(`/moten/${row.meeting.id}/protokoll#synpunkter`),
        ``,
        FOOTER,
      ].join('\n');
      await enqueueClaimed(claimId, { kind: 'task.review', to: secretary.email, subject: `Synpunkt på protokollet: ${row.body.name} ${meetingDate}`, text, meetingId: row.meeting.id });
      result.queued += 1;
    }
    return result;
  }

  /** Signers who have not signed, reminded JUSTERING_REMINDER_DAYS before the justering deadline; once per protocol and account. */
  async function remindSigners(today: string): Promise<number> {
    let queued = 0;
    const rows = await repo.listLockedProtocols(db);
    const signed = await repo.listSignedRoles(db, rows.map((r) => r.protocol.id));
    for (const row of rows) {
      const meetingDate = swedishDate(row.meeting.startsAt);
      const deadline = justeringDeadline({ meetingDate });
      if (!isReminderDue({ today, deadline, daysBefore: JUSTERING_REMINDER_DAYS })) continue;
      const signers = signersOf(row.protocol, row.meeting);
      for (const personId of new Set([signers.chair, signers.adjuster].filter((id): id is string => id !== null))) {
        const roles = signerRolesOf(personId, row.protocol, row.meeting).filter((role) => !(signed.get(row.protocol.id) ?? []).includes(role));
        if (roles.length === 0) continue;
        const person = await repo.findPersonWithAccounts(db, personId);
        for (const account of person?.accounts ?? []) {
          const claimId = await claim({ kind: JUSTERING_REMINDER_KIND, refId: row.protocol.id, recipientKey: `user:${account.id}`, personId, userId: account.id });
          if (!claimId) continue;
          const text = [
            `Hej ${person?.name ?? account.name}!`,
            ``,
            `Påminnelse: protokollet från ${row.body.name} ${meetingDate} väntar på din justering som ${roles.map((r) => ROLE_TEXT[r]).join(' och ')}.`,
            `Det ska vara justerat senast ${deadline} (kommunallagen 5 kap. 69 §).`,
            ``,
            link(`/protokoll/${row.protocol.id}/justera`),
            ``,
            FOOTER,
          ].join('\n');
          await enqueueClaimed(claimId, { kind: 'task.justering.reminder', to: account.email, subject: `Påminnelse: justera protokollet från ${row.body.name} ${meetingDate} senast ${deadline}`, text, meetingId: row.meeting.id });
          queued += 1;
        }
      }
    }
    return queued;
  }

  /** Registrars whose municipality posts by hand and has not recorded the posting, reminded POSTING_REMINDER_DAYS before the deadline. */
  async function remindRegistrars(today: string): Promise<number> {
    let queued = 0;
    for (const row of await repo.listUnpostedManualNotices(db)) {
      if (!row.protocol.finalAt) continue;
      const justeredOn = swedishDate(row.protocol.finalAt);
      const deadline = noticePostingDeadline({ justeredOn });
      if (!isReminderDue({ today, deadline, daysBefore: POSTING_REMINDER_DAYS })) continue;
      const meetingDate = swedishDate(row.meeting.startsAt);
      for (const registrar of await repo.listUsersWithRole(db, row.municipality.id, 'registrar')) {
        const claimId = await claim({ kind: POSTING_REMINDER_KIND, refId: row.notice.id, recipientKey: `user:${registrar.id}`, userId: registrar.id });
        if (!claimId) continue;
        const text = [
          `Hej ${registrar.name}!`,
          ``,
          `Påminnelse: anslaget om justeringen av protokollet från ${row.body.name} ${meetingDate} (justerat ${justeredOn}) är inte registrerat för ${row.municipality.name}.`,
          `Det ska sättas upp senast ${deadline} (kommunallagen 8 kap. 12 §).`,
          ``,
          link(`/anslag/${row.notice.id}`),
          ``,
          FOOTER,
        ].join('\n');
        await enqueueClaimed(claimId, { kind: 'task.posting.reminder', to: registrar.email, subject: `Påminnelse: anslag att sätta upp senast ${deadline}: ${row.body.name} ${meetingDate}`, text, meetingId: row.meeting.id });
        queued += 1;
      }
    }
    return queued;
  }

  return {
    /** A comment on a protocol under review: tell the committee's secretaries. */
    reviewComment: (commentId: string) => safely(`review comment ${commentId}`, () => notifyReviewComment(commentId)),
    /** The protocol is locked for justering: tell its chair and adjuster, with the link to the justering page. */
    protocolLocked: (protocolId: string) => safely(`protocol ${protocolId} locked`, () => notifySigners(protocolId)),
    /** The protocol is final: tell the registrars of each municipality that posts its notice by hand. */
    protocolFinal: (protocolId: string) => safely(`protocol ${protocolId} final`, () => notifyRegistrars(protocolId)),
    /** A member reported absence in the members' room: tell the committee's secretaries, with the substitutes to call. */
    absenceReported: (reportId: string) => safely(`absence ${reportId}`, () => notifySecretaries(reportId)),
    /**
     * The reminder scan: justering and posting reminders due on `now`'s Swedish date, each claimed
     * once (task_notifications' unique key, so two servers scanning at once send one mail).
     */
    async sendDueReminders(now: Date = deps.clock()): Promise<{ justering: number; posting: number }> {
      const today = swedishDate(now);
      return { justering: await remindSigners(today), posting: await remindRegistrars(today) };
    },
  };
}

export type TaskNotifier = ReturnType<typeof createTaskNotifier>;
