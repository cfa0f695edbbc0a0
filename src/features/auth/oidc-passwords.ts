import type { OidcSettings } from '../../platform/config/oidc-config.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { grantOrganisationSlugs } from './oidc.repository.js';

/**
 * Refuses a local password for a user holding a role in an organisation whose identity provider
 * has local passwords turned off (KANSLI_OIDC_<ID>_PASSWORDS=false): they sign in there instead.
 */
export async function assertLocalPasswordAllowed(db: Db, settings: OidcSettings, userId: string): Promise<void> {
  const closed = settings.providers.filter((p) => !p.passwordsAllowed && p.organisation);
  if (closed.length === 0) return;
  const slugs = await grantOrganisationSlugs(db, userId);
  const provider = closed.find((p) => p.organisation && slugs.includes(p.organisation));
  if (!provider) return;
  throw new DomainError('FORBIDDEN', {
    userMessage: {
      sv: `Ditt konto loggar inte in med lösenord. Välj "Logga in med ${provider.name}".`,
      en: `Your account does not sign in with a password. Choose "Sign in with ${provider.name}".`,
    },
  });
}
