import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { actorOf } from '../auth/auth.service.js';
import { verifyOwnPassword } from '../auth/reauth.js';
import type { Principal } from '../../platform/auth/policy.js';
import { createWebauthn, listCredentials, type RelyingParty } from './webauthn.js';
import { deleteCredential } from './webauthn.repository.js';
import { accountOrganisationId } from '../auth/account-organisation.js';

/**
 * A user's own passkeys: registered and removed only by the user, in their own session, with
 * their password; an administrator has no way to add one (so a signature by passkey is the person's).
 */
export function createPasskeyAccount(deps: { database: Database; config: Config; clock: Clock }) {
  const { config, clock } = deps;
  const db = deps.database.db;
  const webauthn = createWebauthn({ db, clock });

  return {
    async registrationOptions(principal: Principal, rp: RelyingParty) {
      return webauthn.registrationOptions(principal, rp);
    },

    async registerPasskey(principal: Principal, input: { credential: unknown; label: string; password: string }, rp: RelyingParty): Promise<void> {
      await verifyOwnPassword({ db, config, now: clock() }, principal.userId, input.password);
      const id = await webauthn.register(principal.userId, input.credential, rp, input.label);
      await db.transaction(async (tx) => recordAudit(tx, actorOf(principal), { action: 'passkey.register', entity: 'user', entityId: principal.userId, after: { credentialId: id, label: input.label.slice(0, 100) }, organisationId: await accountOrganisationId(tx, principal.userId) }, clock()));
    },

    async removePasskey(principal: Principal, id: string, password: string): Promise<void> {
      await verifyOwnPassword({ db, config, now: clock() }, principal.userId, password);
      await db.transaction(async (tx) => {
        const row = await deleteCredential(tx, principal.userId, id);
        if (!row) throw notFound({ sv: 'Passkeyn finns inte.', en: 'The passkey does not exist.' });
        await recordAudit(tx, actorOf(principal), { action: 'passkey.remove', entity: 'user', entityId: principal.userId, before: row, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
    },

    async passkeys(principal: Principal) {
      return (await listCredentials(db, principal.userId)).map((c) => ({ id: c.id, label: c.label, createdAt: c.createdAt }));
    },
  };
}
