/** `npx kansli reminders send`: e-mail the reminders of pending decisions that are due today (each once). */
import type { Command } from './command.js';

export const remindersSendCommand: Command = {
  words: 2,
  async run({ services }) {
    const result = await services.cooperation.sendDueReminders();
    console.log(
      `Påminnelser skickade: ${result.mails} e-brev om ${result.decisions} beslut.` +
        (result.withoutRecipient ? ` ${result.withoutRecipient} beslut saknar mottagare (registrator eller beredningsgruppens tjänsteperson i kommunen).` : '') +
        ` / Reminders sent: ${result.mails} mails about ${result.decisions} decisions.`,
    );
    return 0;
  },
};
