import { holdsRoleAnywhere, type Action, type Principal } from '../../features/auth/policy.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';

/** The main menu, in order; an item shows only to those its action allows. */
const ITEMS: { href: string; label: MessageKey; action: Action }[] = [
  { href: '/mina-moten', label: 'nav.myMeetings', action: 'meetingRoom.use' },
  { href: '/organisation', label: 'nav.organisation', action: 'organisation.read' },
  { href: '/personer', label: 'nav.people', action: 'organisation.read' },
  { href: '/arenden', label: 'nav.registry', action: 'registry.read' },
  { href: '/sok', label: 'nav.search', action: 'public' },
  { href: '/moten', label: 'nav.meetings', action: 'meeting.read' },
  { href: '/anslag', label: 'home.registrarNotices', action: 'publication.recordPosting' },
  { href: '/planering', label: 'nav.planning', action: 'planning.read' },
  { href: '/ekonomi', label: 'nav.economy', action: 'economy.read' },
  { href: '/samverkan', label: 'nav.cooperation', action: 'cooperation.read' },
  { href: '/arkiv', label: 'nav.archive', action: 'archive.read' },
  { href: '/admin/anvandare', label: 'nav.users', action: 'user.manage' },
  { href: '/admin/granskningslogg', label: 'nav.audit', action: 'audit.read' },
];

export function navigationFor(principal: Principal | null, t: Translate): { href: string; label: string }[] {
  if (!principal) return [];
  return ITEMS.filter((i) => holdsRoleAnywhere(principal, i.action)).map((i) => ({ href: i.href, label: t(i.label) }));
}
