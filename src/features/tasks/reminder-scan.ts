/**
 * The reminder scan (issue 18): reminders before the justering deadline (KL 5:69), the posting
 * deadline (KL 8:12) and a cooperation decision's deadline, run by the server's background job
 * (main.ts, every REMINDER_SCAN_INTERVAL_MS) and by `npx kansli reminders send`. Each reminder is
 * claimed under a unique key before it is queued, so it is sent once however often the scan runs
 * and on however many servers; the mails go through the mail queue and are listed in its log.
 */
import type { Clock } from '../../platform/clock.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { TaskNotifier } from './task-notifier.js';

/** How often the server scans for due reminders. */
export const REMINDER_SCAN_INTERVAL_MS = 15 * 60_000;

export interface ReminderScanResult {
  justering: number;
  posting: number;
  cooperation: number;
}

export function createReminderScan(deps: { clock: Clock; notifier: Pick<TaskNotifier, 'sendDueReminders'>; cooperation: Pick<CooperationService, 'sendDueReminders'> }) {
  return {
    /** Queue every reminder due at `now` (the injected clock by default). */
    async scan(now: Date = deps.clock()): Promise<ReminderScanResult> {
      const tasks = await deps.notifier.sendDueReminders(now);
      const cooperation = await deps.cooperation.sendDueReminders(now);
      return { ...tasks, cooperation: cooperation.mails };
    },
  };
}

export type ReminderScan = ReturnType<typeof createReminderScan>;
