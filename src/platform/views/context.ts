import type { Locale, Translate } from '../i18n/i18n.js';
import type { Principal } from '../auth/policy.js';

/** What every page needs to render: language, user, CSRF token and where it is. */
export interface ViewContext {
  locale: Locale;
  t: Translate;
  principal: Principal | null;
  csrfToken: string;
  path: string;
  /** The query string of the current request, for links that keep it. */
  query: Record<string, string>;
  flash?: string | undefined;
  /** Today in Swedish time (YYYY-MM-DD), from the services' clock. */
  today: string;
  /** Navigation items the user may see. */
  nav: { href: string; label: string }[];
}
