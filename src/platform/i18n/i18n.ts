// Loaded for its registration (an import used only as a type would be dropped by the compiler).
import './common.messages.js';
import type { commonMessages } from './common.messages.js';
import { registeredKeys, registeredMessage } from './define.js';
import { fillText } from './fill.js';

type CommonMessages = typeof commonMessages;
export type { Locale } from './define.js';
import type { Locale } from './define.js';
export const LOCALES: readonly Locale[] = ['sv', 'en'];

/**
 * The catalogue's type. The platform defines the common messages; each feature adds its own group
 * by declaration merging in its messages file, so the platform never imports a feature:
 *
 *     type ArchiveMessages = typeof archiveMessages;
 *     declare module '../../platform/i18n/i18n.js' {
 *       interface MessageCatalogue extends ArchiveMessages {}
 *     }
 *
 * At run time the groups register themselves when loaded; src/messages.ts loads every one.
 */
export interface MessageCatalogue extends CommonMessages {}

export type MessageKey = keyof MessageCatalogue;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translate function for one locale; `{name}` in a message is replaced from `vars`. */
export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const message = registeredMessage(key);
    if (!message) throw new Error(`Message key ${key} is not registered: is its feature's messages file imported by src/messages.ts?`);
    const text = message[locale];
    if (!vars) return text;
    return fillText(text, vars);
  };
}

export function allMessageKeys(): MessageKey[] {
  return registeredKeys() as MessageKey[];
}

export function pickLocale(value: unknown): Locale | undefined {
  return value === 'sv' || value === 'en' ? value : undefined;
}
