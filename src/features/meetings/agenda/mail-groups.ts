/**
 * The meeting's mails other than the notice, grouped as the secretary thinks of them: absence
 * (the substitutes called and told, the secretary told), reminders before a deadline, and the
 * task mails (justering, posting, review). Each group with how many are queued, sent or failed, so
 * the notice page can show their progress as it does the notice's.
 */
export type MailGroup = 'absence' | 'reminder' | 'task';

export interface MailGroupState {
  group: MailGroup;
  total: number;
  waiting: number;
  sent: number;
  outbox: number;
  failed: number;
}

/** The group of a mail kind, or null for the notice itself (shown on its own) and kinds of no group. */
export function mailGroupOf(kind: string): MailGroup | null {
  if (kind === 'absence' || kind === 'absence-withdrawn' || kind === 'task.absence') return 'absence';
  if (kind.endsWith('.reminder')) return 'reminder';
  if (kind.startsWith('task.')) return 'task';
  return null;
}

/** Counts per group, in a fixed order, leaving out groups without mail. */
export function mailGroupStates(log: readonly { kind: string; status: string }[]): MailGroupState[] {
  const order: MailGroup[] = ['absence', 'reminder', 'task'];
  return order.flatMap((group) => {
    const rows = log.filter((m) => mailGroupOf(m.kind) === group);
    if (rows.length === 0) return [];
    const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
    return [{ group, total: rows.length, waiting: count('queued', 'sending'), sent: count('sent'), outbox: count('outbox'), failed: count('failed') }];
  });
}
