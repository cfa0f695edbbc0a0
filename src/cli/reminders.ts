/** `npx kansli reminders send`: queue the reminders due today (justering, posting, cooperation decisions; each once) and deliver them. */
import type { Command } from './command.js';

export const remindersSendCommand: Command = {
  words: 2,
  async run({ services, io }) {
    const tasks = await services.notifier.sendDueReminders();
    const result = await services.cooperation.sendDueReminders();
    await services.mailer.drain();
    io.out(
      `Påminnelser skickade: ${tasks.justering} om justering, ${tasks.posting} om anslag, ${result.mails} e-brev om ${result.decisions} beslut i samverkan.` +
        (result.withoutRecipient ? ` ${result.withoutRecipient} beslut saknar mottagare (registrator eller beredningsgruppens tjänsteperson i kommunen).` : '') +
        ` / Reminders sent: ${tasks.justering} justering, ${tasks.posting} posting, ${result.mails} mails about ${result.decisions} cooperation decisions.`,
    );
    return 0;
  },
};
