import { commonMessages } from './common.messages.js';
import { authMessages } from '../../features/auth/auth.messages.js';
import { organisationMessages } from '../../features/organisation/organisation.messages.js';
import { adminMessages } from '../../features/admin/admin.messages.js';
import { registryMessages } from '../../features/registry/registry.messages.js';
import { liveMeetingMessages } from '../../features/meetings/live-meeting.messages.js';
import { searchMessages } from '../../features/search/search.messages.js';
import { agendaMessages } from '../../features/meetings/agenda.messages.js';
import { memberRoomMessages } from '../../features/meetings/member-room.messages.js';
import { scheduleMessages } from '../../features/meetings/schedule.messages.js';
import { verifyMessages } from '../../features/protocols/verify.messages.js';
import { correctionMessages } from '../../features/protocols/correction.messages.js';
import { justeringMessages } from '../../features/protocols/justering.messages.js';
import { protocolMessages } from '../../features/protocols/protocol.messages.js';
import { planningMessages } from '../../features/planning/planning.messages.js';
import { economyMessages } from '../../features/economy/economy.messages.js';
import { cooperationMessages } from '../../features/cooperation/cooperation.messages.js';
import { importMessages } from '../../features/economy/import.messages.js';
import { publicationMessages } from '../../features/publication/publication.messages.js';
import { portalMessages } from '../../features/portal/portal.messages.js';
import { homeMessages } from '../../features/home/home.messages.js';
import { archiveMessages } from '../../features/archive/archive.messages.js';
import { privacyMessages } from '../../features/privacy/privacy.messages.js';
import { oidcMessages } from '../../features/auth/oidc.messages.js';
import { taskMessages } from '../../features/tasks/tasks.messages.js';

export type { Locale } from './define.js';
import type { Locale } from './define.js';
export const LOCALES: readonly Locale[] = ['sv', 'en'];


const catalogue = {
  ...commonMessages,
  ...authMessages,
  ...organisationMessages,
  ...adminMessages,
  ...registryMessages,
  ...liveMeetingMessages,
  ...searchMessages,
  ...agendaMessages,
  ...memberRoomMessages,
  ...scheduleMessages,
  ...verifyMessages,
  ...correctionMessages,
  ...justeringMessages,
  ...protocolMessages,
  ...planningMessages,
  ...economyMessages,
  ...cooperationMessages,
  ...importMessages,
  ...publicationMessages,
  ...portalMessages,
  ...homeMessages,
  ...archiveMessages,
  ...privacyMessages,
  ...oidcMessages,
  ...taskMessages,
};

export type MessageKey = keyof typeof catalogue;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A translate function for one locale; `{name}` in a message is replaced from `vars`. */
export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const text = catalogue[key][locale];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole: string, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export function allMessageKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}

export function pickLocale(value: unknown): Locale | undefined {
  return value === 'sv' || value === 'en' ? value : undefined;
}
