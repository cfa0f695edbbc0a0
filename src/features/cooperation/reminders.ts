/**
 * E-mail reminders of pending decisions: a configurable number of days before a decision's
 * deadline (the municipality's setting `reminderDaysBefore`, else the committee's, else 7), to
 * the municipality's registrars and preparation-group officials. Each reminder is recorded in
 * reminder_log first (a unique key), so that it is sent once however often the job runs and on
 * however many servers; the mails go through the mail queue (mailer.enqueue) and its log.
 */
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { compareDates, reminderFrom } from '../../domain/index.js';
import { countWord } from '../../platform/i18n/plural.js';
import * as repo from './cooperation.repository.js';
import { deadlineOf, loadInitiative, templatePhase, type LoadedInitiative } from './cooperation.model.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';
import type { InitiativeDecisionRow } from './cooperation.tables.js';

export const REMINDER_KIND = 'cooperation.decision';

/** How one reminder e-mail went: waiting in the queue, tried and to be tried again, delivered (or in the outbox), or failed for good. */
export type ReminderMailState = 'queued' | 'retrying' | 'sent' | 'outbox' | 'failed';

export interface SentReminder {
  cellId: string;
  organisationId: string;
  dueOn: string;
  sentAt: Date;
  mails: { recipient: string; state: ReminderMailState; error: string | null }[];
}

/** The state shown for a mail-log row: a queued mail with an error is being retried. */
export function reminderMailState(status: 'queued' | 'sending' | 'sent' | 'outbox' | 'failed', error: string | null): ReminderMailState {
  if (status === 'sending' || status === 'queued') return error ? 'retrying' : 'queued';
  return status;
}
export const DEFAULT_REMINDER_DAYS = 7;
const RECIPIENT_ROLES = ['registrar', 'preparation_official'];

function reminderDays(org: OrganisationRow | undefined, committee: OrganisationRow): number {
  for (const settings of [org?.settings, committee.settings]) {
    const days = settings?.reminderDaysBefore;
    if (typeof days === 'number' && Number.isSafeInteger(days) && days >= 0) return days;
  }
  return DEFAULT_REMINDER_DAYS;
}

interface DueCell {
  model: LoadedInitiative;
  cell: InitiativeDecisionRow;
  deadline: string;
}

function mailText(org: OrganisationRow, due: DueCell[], publicUrl: string | undefined): string {
  const lines = due.map(({ model, cell, deadline }) => {
    const phase = templatePhase(model, cell.phaseKey);
    const decision = phase?.decisions.find((d) => d.key === cell.decisionKey);
    const link = `${publicUrl ?? ''}/samverkan/beslut/${cell.id}`;
    return `• ${model.initiative.name} – ${phase?.label.sv ?? ''}: ${decision?.label.sv ?? cell.decisionKey}\n  Senast ${deadline}. Registrera beslutet: ${link}`;
  });
  return [
    `Hej!`,
    ``,
    `${org.name} har beslut att fatta i gemensamma initiativ inom nämnden. Varje kommun beslutar själv; registrera kommunens beslut med organ, datum och paragraf när det är fattat.`,
    ``,
    ...lines,
    ``,
    `Allt som ${org.name} har att besluta: ${publicUrl ?? ''}/samverkan/kommun/${org.slug}`,
    ``,
    `Det här är en automatisk påminnelse från Kansli.`,
  ].join('\n');
}

export function createReminders(deps: { db: Db; clock: Clock; mailer: Mailer; config: Config }) {
  const { db, mailer, config } = deps;

  async function dueCells(today: string) {
    const orgs = await repo.listOrganisations(db);
    const byOrg = new Map<string, DueCell[]>();
    for (const row of (await repo.listInitiatives(db)).filter((r) => r.status === 'active')) {
      const model = await loadInitiative(db, row, Number(today.slice(0, 4)));
      const open = model.phases.find((p) => p.closedAt === null);
      for (const cell of model.cells) {
        const deadline = deadlineOf(model, cell);
        if (cell.phaseKey !== open?.phaseKey || cell.status !== 'pending' || cell.organisationId === model.committee.id || !deadline) continue;
        const from = reminderFrom({ deadline, daysBefore: reminderDays(orgs.find((o) => o.id === cell.organisationId), model.committee) });
        if (compareDates(today, from) < 0 || compareDates(today, deadline) > 0) continue;
        byOrg.set(cell.organisationId, [...(byOrg.get(cell.organisationId) ?? []), { model, cell, deadline }]);
      }
    }
    return { orgs, byOrg };
  }

  return {
    /** The reminders sent about these decisions (cells), newest first, each with the state of its e-mails from the mail log. */
    async remindersOf(cellIds: readonly string[]): Promise<SentReminder[]> {
      if (cellIds.length === 0) return [];
      const rows = await repo.listReminders(db, REMINDER_KIND, [...cellIds]);
      const ids = [...new Set(rows.flatMap((r) => r.mailIds))];
      const mails = await repo.listMailStates(db, ids);
      return rows
        .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())
        .map((r) => ({ cellId: r.refId, organisationId: r.organisationId, dueOn: r.dueOn, sentAt: r.sentAt, mails: mails.filter((m) => r.mailIds.includes(m.id)).map(({ recipient, status, error }) => ({ recipient, state: reminderMailState(status, error), error })) }));
    },

    /** Send the reminders due on `now`'s Swedish date; returns how many mails went out and how many waited for a recipient. */
    async sendDueReminders(now: Date = deps.clock()): Promise<{ mails: number; decisions: number; withoutRecipient: number }> {
      const today = swedishDate(now);
      const { orgs, byOrg } = await dueCells(today);
      const result = { mails: 0, decisions: 0, withoutRecipient: 0 };
      for (const [organisationId, cells] of byOrg) {
        const org = orgs.find((o) => o.id === organisationId);
        const recipients = await repo.listRecipients(db, organisationId, RECIPIENT_ROLES);
        if (!org || recipients.length === 0) {
          result.withoutRecipient += cells.length;
          continue;
        }
        const logged = await repo.logRemindersIfNew(db, cells.map((d) => ({ kind: REMINDER_KIND, refId: d.cell.id, organisationId, dueOn: d.deadline, sentAt: now })));
        const fresh = cells.filter((d) => logged.some((l) => l.refId === d.cell.id));
        if (fresh.length === 0) continue;
        const subject = `Påminnelse: ${countWord('sv', fresh.length, { one: 'beslut', other: 'beslut' })} att fatta senast ${fresh.map((d) => d.deadline).sort()[0] ?? ''}`;
        const text = mailText(org, fresh, config.publicUrl);
        // Into the mail queue: delivered in the background with its retries, listed in the mail log.
        const mailIds = await mailer.enqueue(recipients.map((r) => ({ kind: 'cooperation.reminder', to: r.email, subject, text })));
        // Each reminder knows its mails, so that the initiative's page can show how they went.
        await repo.setReminderMails(db, { kind: REMINDER_KIND, organisationId, refIds: fresh.map((d) => d.cell.id), sentAt: now }, mailIds);
        result.mails += recipients.length;
        result.decisions += fresh.length;
      }
      return result;
    },
  };
}
