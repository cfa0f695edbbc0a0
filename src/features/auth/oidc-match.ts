import type { Db } from '../../platform/db/database.js';
import type { OidcProviderSettings } from '../../platform/config/oidc-config.js';
import { normalisePersonalIdentityNumber } from '../../domain/personnummer.js';
import * as repo from './oidc.repository.js';
import { OidcRefused } from './oidc-errors.js';

export type IdentityClaims = Record<string, unknown> & { sub?: unknown };

export type MatchResult =
  | { ok: true; userId: string; personId: string | null }
  /** `label` is what the audit log may keep: an e-mail, or a personnummer with its last four digits hidden. */
  | { ok: false; error: OidcRefused; label: string };

const unknownIdentity = (provider: string) =>
  new OidcRefused('unknown-identity', {
    sv: `Du loggade in hos ${provider}, men det finns inget konto i Kansli för den identiteten. Ett konto skapas aldrig vid inloggning: be nämndens administratör att lägga upp dig, eller logga in på annat sätt.`,
    en: `You signed in at ${provider}, but Kansli has no account for that identity. Signing in never creates an account: ask the committee's administrator to add you, or sign in another way.`,
  });

const wrongPerson = () =>
  new OidcRefused('wrong-person', {
    sv: 'E-legitimationen tillhör inte den som är inloggad. Signera med din egen e-legitimation.',
    en: 'The e-ID does not belong to the signed-in user. Sign with your own e-ID.',
  });

/** Hides the serial and check digits: the log shows whose birth date, not the number. */
export function maskPersonalIdentityNumber(pnr: string): string {
  return `${pnr.slice(0, 8)}-****`;
}

/**
 * Finds the one existing account the provider's identity belongs to, by the configured claim:
 * the e-mail address, or the personnummer of the person the account is linked to. For a signing,
 * it must be the account that started it.
 */
export async function matchIdentity(db: Db, p: OidcProviderSettings, claims: IdentityClaims, expectedUserId: string | null): Promise<MatchResult> {
  const raw = claims[p.claim];
  const value = typeof raw === 'string' ? raw.trim() : '';
  let label = `${p.claim}: (saknas)`;
  let candidates: { id: string; disabled: boolean; personId: string | null }[] = [];
  if (p.match === 'personnummer') {
    const pnr = normalisePersonalIdentityNumber(value);
    if (pnr) {
      label = `personnummer ${maskPersonalIdentityNumber(pnr)}`;
      candidates = await repo.usersByPersonalIdentityNumber(db, pnr);
    }
  } else if (value && claims.email_verified !== false) {
    label = `${p.claim}: ${value}`;
    candidates = await repo.usersByEmail(db, value);
  }
  const live = candidates.filter((u) => !u.disabled);
  if (expectedUserId) {
    const me = live.find((u) => u.id === expectedUserId);
    return me ? { ok: true, userId: me.id, personId: me.personId } : { ok: false, error: wrongPerson(), label };
  }
  const [only] = live;
  if (!only || live.length > 1) return { ok: false, error: unknownIdentity(p.name), label };
  return { ok: true, userId: only.id, personId: only.personId };
}
