import { defineMessages } from '../../platform/i18n/define.js';
import catalogue from './review.messages.json' with { type: 'json' };

/** Justering as a review (issue 18): the protocol paragraph by paragraph, comments and answers. */
export const reviewMessages = defineMessages(catalogue);

type ReviewMessages = typeof reviewMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ReviewMessages {}
}
