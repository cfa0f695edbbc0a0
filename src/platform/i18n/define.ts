export type Locale = 'sv' | 'en';

/** One entry of the message catalogue: Swedish first, English second. */
export interface Message {
  sv: string;
  en: string;
}

/** Every message defined so far, by key; each feature's messages file adds its own when loaded. */
const catalogue = new Map<string, Message>();

/**
 * Define (and register) a group of messages. A key belongs to one group only: defining it twice is
 * a programming error, caught when the second group loads. The keys' type reaches `MessageKey`
 * through the group's `declare module` block (see i18n.ts).
 */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  for (const [key, message] of Object.entries<Message>(messages)) {
    const known = catalogue.get(key);
    if (known && known !== message) throw new Error(`Message key ${key} is defined twice`);
    catalogue.set(key, message);
  }
  return messages;
}

/** A registered message, or undefined when no loaded group defines the key. */
export function registeredMessage(key: string): Message | undefined {
  return catalogue.get(key);
}

/** Every registered key, in the order the groups loaded. */
export function registeredKeys(): string[] {
  return [...catalogue.keys()];
}
