import { defineMessages, type Message } from './define.js';
import catalogue from './common.messages.json' with { type: 'json' };

/** A meeting's status as one word, alike in every list and page that shows it. */
const MEETING_STATUS_WORDS = {
  planned: { sv: 'Planerat', en: 'Planned' },
  open: { sv: 'Pågår', en: 'In progress' },
  closed: { sv: 'Avslutat', en: 'Closed' },
  cancelled: { sv: 'Inställt', en: 'Cancelled' },
} as const satisfies Record<string, Message>;

/**
 * The meeting status words under a feature's own keys (`<prefix>.planned`, `<prefix>.open`, …),
 * for the pages that look a meeting's status up as `<prefix>.<status>`.
 */
export function meetingStatusMessages<P extends string>(prefix: P): Record<`${P}.${keyof typeof MEETING_STATUS_WORDS}`, Message> {
  const entries = Object.entries(MEETING_STATUS_WORDS).map(([status, message]) => [`${prefix}.${status}`, message]);
  return Object.fromEntries(entries) as Record<`${P}.${keyof typeof MEETING_STATUS_WORDS}`, Message>;
}

export const commonMessages = defineMessages(catalogue);
