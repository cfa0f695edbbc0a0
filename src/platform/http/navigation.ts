import { holdsRoleAnywhere, type Action, type Principal } from '../auth/policy.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';

/** One entry of the main menu; it shows only to those who hold a role for its action somewhere. */
export interface NavigationItem {
  href: string;
  label: MessageKey;
  action: Action;
}

/** The menu entries `principal` may see, in the order the features gave them. */
export function navigationFor(items: readonly NavigationItem[], principal: Principal | null, t: Translate): { href: string; label: string }[] {
  if (!principal) return [];
  return items.filter((i) => holdsRoleAnywhere(principal, i.action)).map((i) => ({ href: i.href, label: t(i.label) }));
}
