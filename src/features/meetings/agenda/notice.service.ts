import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { swedishDate, type Clock } from '../../../platform/clock.js';
import { claimNoticeSending } from './agenda.repository.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { DomainError, conflict, type UserMessage } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import type { Mailer, OutgoingMail } from '../../../platform/mail/mailer.js';
import { isNoticeLate, noticeDeadline } from '../../../domain/index.js';
import { formatHandlingId } from '../../../domain/case-number.js';
import { actorOf } from '../../auth/auth.service.js';
import { assertCan, type Principal } from '../../../platform/auth/policy.js';
import { databaseFileStorage } from '../../registry/file-storage.js';
import { caseNumberOf } from '../../registry/registry.service.js';
import { listMandatesOn, municipalityNames } from '../meetings.repository.js';
import { loadAgenda, meetingWhen, requireMeetingWithBody, type LoadedAgenda } from './agenda.service.js';
import { ZSendNotice, proposalBlocks } from './agenda.schema.js';
import { describeNoticeDocument, renderNoticePdf, type NoticeContent, type NoticeItem } from './notice-pdf.js';
import type { BodyRow } from '../../organisation/organisation.tables.js';
import type { MeetingRow } from '../meetings.tables.js';

const KIND_LABELS = { decision: 'Beslut', information: 'Information', election: 'Val' } as const;
const SECRET_ITEM_HEADING = 'Ärende som omfattas av sekretess, kan läsas i Kansli';

/** One person called to the meeting (kallas): every member, substitute and official of the body on the day. */
export interface NoticeRecipient {
  personId: string;
  name: string;
  email: string | null;
  roles: ('member' | 'substitute' | 'official')[];
  chair: boolean;
  municipality: string;
}

const invalidField = (field: string, message: UserMessage) =>
  new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field, message }] });

/**
 * The notice as it leaves Kansli: the same for every reader, so it never holds a secret item's
 * content or a secret document's description (those are named by Hid only).
 */
export function noticeItems(agenda: LoadedAgenda): NoticeItem[] {
  return agenda.items.map((item) => {
    const caseRow = item.caseId ? agenda.caseById.get(item.caseId) : undefined;
    return {
      number: item.position,
      kindLabel: KIND_LABELS[item.kind],
      heading: item.isSecret ? SECRET_ITEM_HEADING : item.heading,
      caseNumber: caseRow ? caseNumberOf(caseRow) : null,
      proposal: item.isSecret ? '' : item.proposal,
      documents: agenda.documentsOf(item.id).map((d) => ({
        handlingId: formatHandlingId({ year: d.year, number: d.number }),
        description: d.secrecy === 'secret' || item.isSecret ? null : d.description,
      })),
    };
  });
}

/** The e-mail's text: time, place and the agenda, and where the meeting is in Kansli. */
export function noticeText(options: { content: NoticeContent; meetingId: string; publicUrl: string | undefined }): string {
  const { content } = options;
  const lines = [`Kallelse till ${content.bodyName} ${content.date}`, '', `Du kallas till sammanträde med ${content.bodyName}.`, '', `Tid: ${content.longDate} kl. ${content.time}`, `Plats: ${content.place}`, '', 'Föredragningslista', ''];
  for (const item of content.items) {
    lines.push(`${item.number}. ${item.heading}`, `   ${[item.kindLabel, item.caseNumber ? `Ärendenr ${item.caseNumber}` : ''].filter(Boolean).join(' · ')}`);
    const blocks = proposalBlocks(item.proposal);
    if (blocks.length) lines.push('   Förslag till beslut:', ...blocks.map((b) => `   ${b.kind === 'point' ? `${b.number}. ` : ''}${b.text}`));
    if (item.documents.length) lines.push('   Beslutsunderlag:', ...item.documents.map((d) => `   - ${describeNoticeDocument(d)}`));
    lines.push('');
  }
  if (content.items.length === 0) lines.push('Dagordningen är ännu inte klar.', '');
  lines.push('Kallelsen med föredragningslistan finns som PDF i bilagan, tillsammans med de handlingar som inte omfattas av sekretess.');
  if (options.publicUrl) lines.push('', `Sammanträdet i Kansli: ${options.publicUrl.replace(/\/+$/, '')}/moten/${options.meetingId}`);
  return `${lines.join('\n')}\n`;
}

export function createNoticeService(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer }) {
  const db = deps.database.db;
  const { clock, config, mailer } = deps;

  async function recipientsOf(body: BodyRow, date: string): Promise<NoticeRecipient[]> {
    const rows = await listMandatesOn(db, body.id, date);
    const orgIds = [...new Set(rows.map((r) => r.mandate.municipalityId))];
    const names = await municipalityNames(db, orgIds);
    const byPerson = new Map<string, NoticeRecipient>();
    for (const { mandate, person } of rows) {
      const entry = byPerson.get(person.id) ?? { personId: person.id, name: person.name, email: person.email?.trim() || null, roles: [], chair: false, municipality: names.get(mandate.municipalityId) ?? '' };
      if (!entry.roles.includes(mandate.role)) entry.roles.push(mandate.role);
      entry.chair ||= mandate.position === 'chair';
      byPerson.set(person.id, entry);
    }
    const order = (r: NoticeRecipient) => (r.roles.includes('member') ? 0 : r.roles.includes('substitute') ? 1 : 2);
    return [...byPerson.values()].sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv') || order(a) - order(b) || a.name.localeCompare(b.name, 'sv'));
  }

  async function contentOf(meeting: MeetingRow, body: BodyRow) {
    const when = meetingWhen(meeting);
    const agenda = await loadAgenda(db, meeting.id);
    const content: NoticeContent = { bodyName: body.name, date: when.date, longDate: when.longDate, time: when.time, place: meeting.place, items: noticeItems(agenda) };
    return { when, agenda, content };
  }

  /** Files of the public and internal documents of the agenda; never a secret document's, never a secret item's. */
  async function documentAttachments(agenda: LoadedAgenda): Promise<NonNullable<OutgoingMail['attachments']>> {
    const seen = new Set<string>();
    const out: NonNullable<OutgoingMail['attachments']> = [];
    for (const item of agenda.items) {
      if (item.isSecret) continue;
      for (const doc of agenda.documentsOf(item.id)) {
        if (doc.secrecy === 'secret' || seen.has(doc.id)) continue;
        seen.add(doc.id);
        for (const file of agenda.latestFiles(doc.id)) {
          const content = await databaseFileStorage.get(db, file.sha256);
          if (content) out.push({ filename: `${formatHandlingId({ year: doc.year, number: doc.number })} ${file.filename}`, content, contentType: file.mimeType });
        }
      }
    }
    return out;
  }

  async function planning(principal: Principal | null, meetingId: string) {
    const found = await requireMeetingWithBody(db, meetingId);
    assertCan(principal, 'meeting.plan', found.scope);
    return { ...found, actor: actorOf(principal) };
  }

  return {
    /** Who will be called, the notice deadline, whether sending now is late, and the mail log. */
    async overview(principal: Principal | null, meetingId: string) {
      const { meeting, body } = await planning(principal, meetingId);
      const when = meetingWhen(meeting);
      const today = swedishDate(clock());
      const rule = { meetingDate: when.date, noticeDays: body.noticeDays };
      const recipients = await recipientsOf(body, when.date);
      const rows = await mailer.list({ meetingId });
      const log = rows.map((m) => ({ id: m.id, kind: m.kind, recipient: m.recipient, subject: m.subject, status: m.status, error: m.error, outboxFile: m.outboxFile, at: m.sentAt ?? m.createdAt }));
      // The latest sending of the notice (its mails are queued together) and how far it has come.
      const latest = rows.filter((m) => m.kind === 'notice').reduce<Date | null>((max, m) => (max && max >= m.createdAt ? max : m.createdAt), null);
      const progress = latest ? await mailer.progress(rows.filter((m) => m.kind === 'notice' && m.createdAt.getTime() === latest.getTime()).map((m) => m.id)) : null;
      return {
        meeting,
        body,
        when,
        today,
        deadline: noticeDeadline(rule),
        lateNow: isNoticeLate({ ...rule, sentOn: today }),
        sentLate: meeting.noticeSentAt ? isNoticeLate({ ...rule, sentOn: swedishDate(meeting.noticeSentAt) }) : false,
        recipients: recipients.filter((r) => r.email),
        withoutEmail: recipients.filter((r) => !r.email),
        log,
        progress,
        usesSmtp: mailer.usesSmtp,
        outboxDir: config.outboxDir,
      };
    },

    /**
     * Send the notice: one e-mail per person called, with the notice PDF and the files of the
     * public and internal basis documents. A late first notice needs a reason (reglemente 10 §);
     * sending again needs a confirmation. The first sending is recorded on the meeting.
     */
    async send(principal: Principal | null, meetingId: string, raw: unknown) {
      const { meeting, body, actor } = await planning(principal, meetingId);
      const input = parseInput(ZSendNotice, raw);
      if (meeting.status === 'closed' || meeting.status === 'cancelled') {
        throw conflict({ sv: 'Sammanträdet är avslutat eller inställt. Kallelsen kan inte skickas.', en: 'The meeting is closed or cancelled. The notice cannot be sent.' });
      }
      const { when, agenda, content } = await contentOf(meeting, body);
      const recipients = (await recipientsOf(body, when.date)).filter((r): r is NoticeRecipient & { email: string } => r.email !== null);
      if (recipients.length === 0) {
        throw invalidField('_', { sv: 'Ingen ledamot eller ersättare har en e-postadress. Lägg in e-postadresser under Personer.', en: 'No member or substitute has an e-mail address. Add addresses under People.' });
      }
      const resend = meeting.noticeSentAt !== null;
      if (resend && !input.confirmResend) throw invalidField('confirmResend', { sv: 'Kryssa i att kallelsen ska skickas igen till alla mottagare.', en: 'Tick the box to send the notice again to every recipient.' });
      const late = isNoticeLate({ meetingDate: when.date, noticeDays: body.noticeDays, sentOn: swedishDate(clock()) });
      if (!resend && late && !input.lateReason) {
        throw invalidField('lateReason', {
          sv: `Kallelsen skickas för sent: den skulle ha skickats senast ${noticeDeadline({ meetingDate: when.date, noticeDays: body.noticeDays })}. Skriv varför den skickas nu. Inget har skickats.`,
          en: `The notice is late: it should have been sent by ${noticeDeadline({ meetingDate: when.date, noticeDays: body.noticeDays })}. Write why it is sent now. Nothing has been sent.`,
        });
      }
      const sentAt = clock();
      if (!resend) {
        // Claim the first sending, so that two clicks at once do not both send.
        const claimed = await claimNoticeSending(db, meetingId, { sentAt, lateReason: late ? (input.lateReason ?? null) : null });
        if (!claimed) throw conflict({ sv: 'Kallelsen har redan skickats. Ladda om sidan.', en: 'The notice has already been sent. Reload the page.' });
      }
      const pdf = await renderNoticePdf(content);
      const attachments = [{ filename: `Kallelse ${body.name} ${when.date}.pdf`, content: pdf, contentType: 'application/pdf' }, ...(await documentAttachments(agenda))];
      const subject = `Kallelse till ${body.name} ${when.date}`;
      const text = noticeText({ content, meetingId, publicUrl: config.publicUrl });
      // Into the queue in one go; the dispatcher delivers (and retries) in the background, and the
      // notice page shows the progress. The request does not wait for any mail server.
      const ids = await mailer.enqueue(recipients.map((r) => ({ kind: 'notice', meetingId, to: r.email, subject, text, attachments })));
      const summary = { recipients: recipients.length, queued: ids.length };
      await db.transaction(async (tx) => {
        const after = { ...summary, resend, late, lateReason: late && !resend ? (input.lateReason ?? null) : null, attachments: attachments.map((a) => a.filename) };
        await recordAudit(tx, actor, { action: resend ? 'meeting.notice.resend' : 'meeting.notice.send', entity: 'meeting', entityId: meetingId, after, organisationId: body.organisationId }, clock());
      });
      return summary;
    },

    /** The notice as PDF; anyone who may read the meeting may read it (it holds nothing secret). */
    async pdf(principal: Principal | null, meetingId: string) {
      const { meeting, body, readScope } = await requireMeetingWithBody(db, meetingId);
      assertCan(principal, 'meeting.read', readScope);
      const { when, content } = await contentOf(meeting, body);
      return { filename: `Kallelse ${body.name} ${when.date}.pdf`, bytes: await renderNoticePdf(content) };
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
