import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { findActiveAccountOfPerson, findUserForUpdate, updateUser } from '../auth/users.repository.js';
import { findOrganisationById, findPerson, listCommitteeIds } from '../organisation/organisation.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { accountOrganisationId } from '../auth/account-organisation.js';

const personTaken = (email: string) =>
  conflict({
    sv: `Personen är redan kopplad till ett annat aktivt konto (${email}). En person kan ha högst ett aktivt konto: koppla loss eller stäng av det andra kontot först.`,
    en: `The person is already linked to another active account (${email}). A person can have at most one active account: unlink or disable the other account first.`,
  });

/** PostgreSQL's unique_violation: two links made at the same moment; the index users_person_active_key decides. */
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Linking an account to a person (the register's person who chairs, adjusts or sits in a body):
 * its own audited step, since the link decides whose signature the account gives (issue 15). A
 * person links to at most one active account; the database holds that too (users_person_active_key).
 */
export function createPersonLinkService(deps: { database: Database; config: Config; clock: Clock }) {
  const { clock } = deps;
  const db = deps.database.db;

  /** The organisations that own a person's record: their municipality and its committee, or every committee if none. */
  async function owners(tx: Db, organisationId: string | null): Promise<string[]> {
    if (!organisationId) return listCommitteeIds(tx);
    const org = await findOrganisationById(tx, organisationId);
    return org?.committeeId ? [org.id, org.committeeId] : [organisationId];
  }

  async function link(options: { userId: string; personId: string | null; actor: Actor; authorise: (scope: string[]) => void }): Promise<void> {
    try {
      await db.transaction(async (tx) => {
        const user = await findUserForUpdate(tx, options.userId);
        if (!user) throw notFound({ sv: 'Användaren finns inte.', en: 'The user does not exist.' });
        const person = options.personId ? await findPerson(tx, options.personId) : undefined;
        if (options.personId && !person) throw notFound({ sv: 'Personen finns inte.', en: 'The person does not exist.' });
        const before = user.personId ? await findPerson(tx, user.personId) : undefined;
        // Whoever links or unlinks must manage the person's organisation (the new one and the old one).
        const scope = [...(person ? await owners(tx, person.organisationId) : []), ...(before ? await owners(tx, before.organisationId) : [])];
        options.authorise(scope.length > 0 ? scope : await owners(tx, null));
        if (user.personId === options.personId) return;
        if (person && !user.disabled) {
          const other = await findActiveAccountOfPerson(tx, person.id, user.id);
          if (other) throw personTaken(other.email);
        }
        await updateUser(tx, user.id, { personId: options.personId, updatedAt: clock() });
        await recordAudit(
          tx,
          options.actor,
          {
            action: person ? 'user.link_person' : 'user.unlink_person',
            entity: 'user',
            entityId: user.id,
            before: { personId: user.personId, personName: before?.name ?? null },
            after: { personId: options.personId, personName: person?.name ?? null },
            // The person's organisation (the new one, else the old one); a person of no
            // organisation is every committee's, so the account's own organisation then.
            organisationId: person?.organisationId ?? before?.organisationId ?? (await accountOrganisationId(tx, user.id)),
          },
          clock(),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw personTaken('–');
      throw error;
    }
  }

  return {
    /** An administrator of the person's organisation links (personId) or unlinks (null) an account. */
    async linkPerson(principal: Principal | null, userId: string, personId: string | null): Promise<void> {
      if (!principal) throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Logga in först.', en: 'Sign in first.' } });
      await link({ userId, personId, actor: actorOf(principal), authorise: (scope) => assertCan(principal, 'user.manage', scopeOf(scope)) });
    },

    /** The command line (`kansli user link`): the operator of the installation, audited as such. */
    async linkPersonAsOperator(actor: Actor, userId: string, personId: string | null): Promise<void> {
      await link({ userId, personId, actor, authorise: () => undefined });
    },
  };
}

export type PersonLinkService = ReturnType<typeof createPersonLinkService>;
