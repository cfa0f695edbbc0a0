import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { ADVISORY_LOCK, lockForTransaction } from '../../platform/db/advisory-locks.js';
import { insertRoleAssignment, insertUser, updateUser } from './users.repository.js';
import { insertOrganisation } from '../organisation/organisation.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, conflict, forbidden } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './auth.repository.js';
import { can, type Principal, type Role } from '../../platform/auth/policy.js';
import { ZCreateUser, ZSetup, type TCreateUser, type TSetup } from './auth.schema.js';
import { releaseAttempt, reserveAttempt, type AttemptKey } from './login-limit.js';
import { consumeTotp } from './totp.js';
import { assertLocalPasswordAllowed } from './oidc-passwords.js';
import { accountOrganisationId } from './account-organisation.js';
import type { UserRow } from './auth.tables.js';

export { checkTotp, generateTotp } from './totp.js';

export const IP_LIMIT_FACTOR = 10;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** argon2id (the library's default algorithm, checked by a test). */
export function hashPassword(password: string): Promise<string> {
  return argonHash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

// A hash to verify against when the e-mail is unknown, so that timing does not reveal which e-mails exist.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

const signInLimited = (minutes: number) =>
  new DomainError('RATE_LIMITED', {
    userMessage: {
      sv: `För många misslyckade inloggningsförsök. Vänta ${minutes} minuter och försök igen.`,
      en: `Too many failed sign-in attempts. Wait ${minutes} minutes and try again.`,
    },
  });

const INVALID_LOGIN = new DomainError('UNAUTHENTICATED', {
  userMessage: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
});

export interface SignInResult {
  token: string;
  needsSecondFactor: boolean;
}

export interface SessionInfo {
  principal: Principal;
  tokenHash: string;
  verified: boolean;
  locale: 'sv' | 'en';
}

export function createAuthService(deps: { database: Database; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  const db = database.db;

  const principalOf = (user: UserRow, grants: Principal['grants']): Principal => ({ userId: user.id, email: user.email, name: user.name, grants });

  async function principalFor(user: UserRow): Promise<Principal> {
    return principalOf(user, await repo.listGrants(db, user.id));
  }

  async function startSession(userId: string, verified: boolean): Promise<string> {
    const token = newToken();
    const now = clock();
    await repo.insertSession(db, {
      tokenHash: sha256(token),
      userId,
      verified,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionDays * 86_400_000),
    });
    return token;
  }

  /**
   * A session that has neither run out (sessionDays) nor been idle longer than sessionIdleMinutes;
   * an idle one is ended. Use is noted at most once a minute, so that reading pages writes little.
   */
  async function liveSession(tokenHash: string) {
    const now = clock();
    const session = await repo.findLiveSession(db, tokenHash, now);
    return session && (await keptAlive(session, now)) ? session : undefined;
  }

  /** False for a session idle too long, which is ended; notes its use at most once a minute. */
  async function keptAlive(session: { tokenHash: string; lastSeenAt: Date }, now: Date): Promise<boolean> {
    const idle = now.getTime() - session.lastSeenAt.getTime();
    if (idle > config.sessionIdleMinutes * 60_000) {
      await repo.deleteSession(db, session.tokenHash);
      return false;
    }
    if (idle > 60_000) await repo.touchSession(db, session.tokenHash, now);
    return true;
  }

  /** An address may fail more often than one account: many users share an office's address. */
  const keysFor = (key: string, ip: string): AttemptKey[] => [
    { key, limit: config.loginMaxAttempts },
    { key: `ip:${ip}`, limit: config.loginMaxAttempts * IP_LIMIT_FACTOR },
  ];

  const reserve = async (keys: AttemptKey[]) => {
    try {
      return await reserveAttempt(db, { keys, now: clock(), windowMinutes: config.loginWindowMinutes });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') throw signInLimited(config.loginWindowMinutes);
      throw error;
    }
  };

  /** Sign-ins, failed sign-ins and sign-outs go in the audit log (ASVS 7.1). */
  const audit = (actor: Actor, action: string, userId: string | null, after?: unknown) =>
    db.transaction(async (tx) => recordAudit(tx, actor, { action, entity: 'user', entityId: userId, after, organisationId: await accountOrganisationId(tx, userId) }, clock()));

  async function createUserInTx(tx: typeof db, input: TCreateUser, actor: Actor): Promise<string> {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw conflict({ sv: 'Det finns redan en användare med den e-postadressen.', en: 'A user with that e-mail already exists.' });
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
    for (const grant of input.grants) {
      await insertRoleAssignment(tx, { userId: user.id, organisationId: grant.organisationId, role: grant.role });
    }
    await recordAudit(
      tx,
      actor,
      { action: 'user.create', entity: 'user', entityId: user.id, after: { email: input.email, name: input.name, grants: input.grants }, organisationId: await accountOrganisationId(tx, user.id) },
      clock(),
    );
    return user.id;
  }

  return {
    async isSetupNeeded(): Promise<boolean> {
      return (await repo.countUsers(db)) === 0;
    },

    /** First run: create the committee and its first administrator. Refused once any user exists. */
    async setup(raw: unknown): Promise<{ userId: string; token: string }> {
      const input: TSetup = parseInput(ZSetup, raw);
      const userId = await db.transaction(async (tx) => {
        // Two first visits at once (two servers, or two tabs) must not both become the first admin.
        await lockForTransaction(tx, ADVISORY_LOCK.setup);
        if ((await repo.countUsers(tx)) > 0) {
          throw conflict({ sv: 'Kansli är redan installerat.', en: 'Kansli is already set up.' });
        }
        const actor: Actor = { userId: null, label: `setup:${input.email}` };
        const committee = { id: await insertOrganisation(tx, { kind: 'committee', name: input.committeeName, slug: input.committeeSlug }) };
        if (!committee.id) throw new Error('insert returned no row');
        await recordAudit(tx, actor, { action: 'organisation.create', entity: 'organisation', entityId: committee.id, after: { name: input.committeeName }, organisationId: committee.id }, clock());
        return createUserInTx(
          tx,
          { email: input.email, name: input.name, password: input.password, grants: [{ organisationId: committee.id, role: 'admin' }] },
          actor,
        );
      });
      return { userId, token: await startSession(userId, true) };
    },

    async createUser(raw: unknown, actor: Actor): Promise<string> {
      const input = parseInput(ZCreateUser, raw);
      return db.transaction((tx) => createUserInTx(tx, input, actor));
    },

    /**
     * Sign in with e-mail and password; always a new session token (rotation). The attempt is
     * counted before the password is checked (login-limit.ts), so parallel guesses cannot pass the limit.
     */
    async signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
      const email = input.email.trim().toLowerCase();
      const reservation = await reserve(keysFor(`email:${email}`, input.ip));
      const user = await repo.findUserByEmail(db, email);
      const ok = user && !user.disabled ? await argonVerify(user.passwordHash, input.password) : await argonVerify(await DUMMY_HASH, input.password).then(() => false);
      if (!user || !ok) {
        const reason = !user ? 'unknown_email' : user.disabled ? 'disabled' : 'wrong_password';
        await audit(user ? { userId: user.id, label: user.email } : { userId: null, label: 'anonymous' }, 'auth.sign_in_failed', user?.id ?? null, { reason, ip: input.ip });
        throw INVALID_LOGIN;
      }
      await releaseAttempt(db, reservation);
      await repo.clearAttempts(db, `email:${email}`);
      await assertLocalPasswordAllowed(db, config.oidc, user.id);
      const needsSecondFactor = user.totpEnabled && Boolean(user.totpSecret);
      if (!needsSecondFactor) await audit({ userId: user.id, label: user.email }, 'auth.sign_in', user.id, { ip: input.ip, secondFactor: null });
      return { token: await startSession(user.id, !needsSecondFactor), needsSecondFactor };
    },

    /** Second step for users with TOTP: the half-open session is replaced by a verified one. */
    async verifySecondFactor(input: { token: string; code: string; ip: string }): Promise<string> {
      const session = await liveSession(sha256(input.token));
      if (!session) throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Logga in igen.', en: 'Please sign in again.' } });
      const reservation = await reserve(keysFor(`totp:${session.userId}`, input.ip));
      const user = await repo.findUserById(db, session.userId);
      if (!user || user.disabled || !(await consumeTotp(db, user, input.code, clock()))) {
        if (user) await audit({ userId: user.id, label: user.email }, 'auth.sign_in_failed', user.id, { reason: 'wrong_totp', ip: input.ip });
        throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Fel kod, eller en kod som redan använts. Försök igen.', en: 'Wrong code, or a code already used. Try again.' } });
      }
      await releaseAttempt(db, reservation);
      await repo.deleteSession(db, session.tokenHash);
      await audit({ userId: user.id, label: user.email }, 'auth.sign_in', user.id, { ip: input.ip, secondFactor: 'totp' });
      return startSession(user.id, true);
    },

    /** A verified session for a user whom an identity provider has authenticated (oidc.service.ts). */
    async openSession(userId: string): Promise<string> {
      return startSession(userId, true);
    },

    async resolveSession(token: string | undefined): Promise<SessionInfo | null> {
      if (!token) return null;
      const tokenHash = sha256(token);
      const now = clock();
      const found = await repo.findLiveSessionWithUser(db, tokenHash, now);
      if (!found || !(await keptAlive(found.session, now))) return null;
      const { session, user, grants } = found;
      if (!user || user.disabled) return null;
      return { principal: principalOf(user, grants), tokenHash, verified: session.verified, locale: user.locale };
    },

    async resolveApiToken(token: string): Promise<Principal | null> {
      const row = await repo.findLiveApiToken(db, sha256(token));
      if (!row) return null;
      const user = await repo.findUserById(db, row.userId);
      if (!user || user.disabled) return null;
      await repo.updateApiToken(db, row.id, { lastUsedAt: clock() });
      return principalFor(user);
    },

    /** Ends this session; `reason` says why, for the audit log ('sign_out', or 'rotation' at a new sign-in). */
    async signOut(token: string, reason: 'sign_out' | 'rotation' = 'sign_out'): Promise<void> {
      const tokenHash = sha256(token);
      const session = await repo.findLiveSession(db, tokenHash, clock());
      await repo.deleteSession(db, tokenHash);
      if (!session || reason !== 'sign_out') return;
      const user = await repo.findUserById(db, session.userId);
      await audit({ userId: session.userId, label: user?.email ?? 'unknown' }, 'auth.sign_out', session.userId);
    },

    /** Ends every session of the user, on every app server. */
    async signOutEverywhere(principal: Principal): Promise<number> {
      return db.transaction(async (tx) => {
        const n = await repo.deleteUserSessions(tx, principal.userId);
        await recordAudit(tx, actorOf(principal), { action: 'session.revoke_all', entity: 'user', entityId: principal.userId, after: { sessions: n }, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
        return n;
      });
    },

    async createApiToken(principal: Principal, label: string): Promise<string> {
      const token = newToken('ksl_');
      await db.transaction(async (tx) => {
        const tokenId = await repo.insertApiToken(tx, { userId: principal.userId, tokenHash: sha256(token), label });
        await recordAudit(tx, actorOf(principal), { action: 'api_token.create', entity: 'api_token', entityId: tokenId, after: { label }, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
      return token;
    },

    async listApiTokens(principal: Principal) {
      const rows = await repo.listApiTokens(db, principal.userId);
      return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt }));
    },

    async revokeApiToken(principal: Principal, tokenId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await repo.findApiToken(tx, tokenId);
        if (!row || row.userId !== principal.userId) throw forbidden();
        await repo.updateApiToken(tx, tokenId, { revokedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'api_token.revoke', entity: 'api_token', entityId: tokenId, before: { label: row.label }, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
    },

    async setLocale(principal: Principal, locale: 'sv' | 'en'): Promise<void> {
      await updateUser(db, principal.userId, { locale });
    },

    async userStatus(principal: Principal) {
      const user = await repo.findUserById(db, principal.userId);
      return { totpEnabled: user?.totpEnabled ?? false, totpPending: Boolean(user?.totpPendingSecret) };
    },

    can,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function actorOf(principal: Principal): Actor {
  return { userId: principal.userId, label: principal.email };
}

export type { Role };
