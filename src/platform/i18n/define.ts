export type Locale = 'sv' | 'en';

/** One entry of the message catalogue: Swedish first, English second. */
export interface Message {
  sv: string;
  en: string;
}

export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  return messages;
}
