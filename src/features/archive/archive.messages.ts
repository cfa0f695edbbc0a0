import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './archive.messages.json' with { type: 'json' };

/** The archive's part of the message catalogue: Swedish first, English second. */
export const archiveMessages = defineMessages(catalogue);

type ArchiveMessages = typeof archiveMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ArchiveMessages {}
}
