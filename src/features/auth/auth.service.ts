import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { apiTokens, organisations, roleAssignments, users } from '../../platform/db/schema.js';
import { ADVISORY_LOCK } from '../../platform/db/advisory-locks.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, conflict, forbidden } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './auth.repository.js';
import { can, type Principal, type Role } from './policy.js';
import { ZCreateUser, ZSetup, type TCreateUser, type TSetup } from './auth.schema.js';
import { assertLocalPasswordAllowed } from './oidc-passwords.js';

export const SESSION_COOKIE = 'kansli_session';
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

  async function principalFor(user: repo.UserRow): Promise<Principal> {
    return { userId: user.id, email: user.email, name: user.name, grants: await repo.listGrants(db, user.id) };
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

  /** An address may fail more often than one account: many users share an office's address. */
  const limitFor = (key: string) => (key.startsWith('ip:') ? config.loginMaxAttempts * IP_LIMIT_FACTOR : config.loginMaxAttempts);

  async function assertNotRateLimited(keys: string[]): Promise<void> {
    const since = new Date(clock().getTime() - config.loginWindowMinutes * 60_000);
    for (const key of keys) {
      if ((await repo.countRecentAttempts(db, key, since)) >= limitFor(key)) {
        throw new DomainError('RATE_LIMITED', {
          userMessage: {
            sv: `För många misslyckade inloggningsförsök. Vänta ${config.loginWindowMinutes} minuter och försök igen.`,
            en: `Too many failed sign-in attempts. Wait ${config.loginWindowMinutes} minutes and try again.`,
          },
        });
      }
    }
  }

  async function createUserInTx(tx: typeof db, input: TCreateUser, actor: Actor): Promise<string> {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw conflict({ sv: 'Det finns redan en användare med den e-postadressen.', en: 'A user with that e-mail already exists.' });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), personId: input.personId ?? null })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    for (const grant of input.grants) {
      await tx.insert(roleAssignments).values({ userId: user.id, organisationId: grant.organisationId, role: grant.role });
    }
    await recordAudit(
      tx,
      actor,
      { action: 'user.create', entity: 'user', entityId: user.id, after: { email: input.email, name: input.name, grants: input.grants } },
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
        await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK.setup})`);
        if ((await repo.countUsers(tx)) > 0) {
          throw conflict({ sv: 'Kansli är redan installerat.', en: 'Kansli is already set up.' });
        }
        const actor: Actor = { userId: null, label: `setup:${input.email}` };
        const [committee] = await tx
          .insert(organisations)
          .values({ kind: 'committee', name: input.committeeName, slug: input.committeeSlug })
          .returning({ id: organisations.id });
        if (!committee) throw new Error('insert returned no row');
        await recordAudit(tx, actor, { action: 'organisation.create', entity: 'organisation', entityId: committee.id, after: { name: input.committeeName } }, clock());
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

    /** Sign in with e-mail and password; always a new session token (rotation). */
    async signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
      const email = input.email.trim().toLowerCase();
      const keys = [`email:${email}`, `ip:${input.ip}`];
      await assertNotRateLimited(keys);
      const user = await repo.findUserByEmail(db, email);
      const ok = user && !user.disabled ? await argonVerify(user.passwordHash, input.password) : await argonVerify(await DUMMY_HASH, input.password).then(() => false);
      if (!user || !ok) {
        for (const key of keys) await repo.recordAttempt(db, key, clock());
        throw INVALID_LOGIN;
      }
      await repo.clearAttempts(db, keys[0] as string);
      await assertLocalPasswordAllowed(db, config.oidc, user.id);
      const needsSecondFactor = user.totpEnabled && Boolean(user.totpSecret);
      return { token: await startSession(user.id, !needsSecondFactor), needsSecondFactor };
    },

    /** Second step for users with TOTP: the half-open session is replaced by a verified one. */
    async verifySecondFactor(input: { token: string; code: string; ip: string }): Promise<string> {
      const session = await repo.findLiveSession(db, sha256(input.token), clock());
      if (!session) throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Logga in igen.', en: 'Please sign in again.' } });
      const key = `totp:${session.userId}`;
      await assertNotRateLimited([key, `ip:${input.ip}`]);
      const user = await repo.findUserById(db, session.userId);
      if (!user?.totpSecret || !checkTotp(user.totpSecret, input.code, clock())) {
        await repo.recordAttempt(db, key, clock());
        throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Fel kod. Försök igen.', en: 'Wrong code. Try again.' } });
      }
      await repo.clearAttempts(db, key);
      await repo.deleteSession(db, session.tokenHash);
      return startSession(user.id, true);
    },

    /** A verified session for a user whom an identity provider has authenticated (oidc.service.ts). */
    async openSession(userId: string): Promise<string> {
      return startSession(userId, true);
    },

    async resolveSession(token: string | undefined): Promise<SessionInfo | null> {
      if (!token) return null;
      const tokenHash = sha256(token);
      const session = await repo.findLiveSession(db, tokenHash, clock());
      if (!session) return null;
      const user = await repo.findUserById(db, session.userId);
      if (!user || user.disabled) return null;
      return { principal: await principalFor(user), tokenHash, verified: session.verified, locale: user.locale };
    },

    async resolveApiToken(token: string): Promise<Principal | null> {
      const row = await repo.findLiveApiToken(db, sha256(token));
      if (!row) return null;
      const user = await repo.findUserById(db, row.userId);
      if (!user || user.disabled) return null;
      await db.update(apiTokens).set({ lastUsedAt: clock() }).where(eq(apiTokens.id, row.id));
      return principalFor(user);
    },

    async signOut(token: string): Promise<void> {
      await repo.deleteSession(db, sha256(token));
    },

    /** Ends every session of the user, on every app server. */
    async signOutEverywhere(principal: Principal): Promise<number> {
      return db.transaction(async (tx) => {
        const n = await repo.deleteUserSessions(tx, principal.userId);
        await recordAudit(tx, actorOf(principal), { action: 'session.revoke_all', entity: 'user', entityId: principal.userId, after: { sessions: n } }, clock());
        return n;
      });
    },

    async createApiToken(principal: Principal, label: string): Promise<string> {
      const token = newToken('ksl_');
      await db.transaction(async (tx) => {
        const [row] = await tx.insert(apiTokens).values({ userId: principal.userId, tokenHash: sha256(token), label }).returning({ id: apiTokens.id });
        await recordAudit(tx, actorOf(principal), { action: 'api_token.create', entity: 'api_token', entityId: row?.id, after: { label } }, clock());
      });
      return token;
    },

    async listApiTokens(principal: Principal) {
      const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, principal.userId));
      return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt }));
    },

    async revokeApiToken(principal: Principal, tokenId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
        if (!row || row.userId !== principal.userId) throw forbidden();
        await tx.update(apiTokens).set({ revokedAt: clock() }).where(eq(apiTokens.id, tokenId));
        await recordAudit(tx, actorOf(principal), { action: 'api_token.revoke', entity: 'api_token', entityId: tokenId, before: { label: row.label } }, clock());
      });
    },

    /** Start TOTP enrolment: a new secret, not active until a code from it is confirmed. */
    async beginTotp(principal: Principal): Promise<{ secret: string; uri: string }> {
      const secret = new Secret({ size: 20 });
      await db.update(users).set({ totpSecret: secret.base32, totpEnabled: false }).where(eq(users.id, principal.userId));
      return { secret: secret.base32, uri: totpFor(secret.base32, principal.email).toString() };
    },

    async confirmTotp(principal: Principal, code: string): Promise<void> {
      const user = await repo.findUserById(db, principal.userId);
      if (!user?.totpSecret || !checkTotp(user.totpSecret, code, clock())) {
        throw new DomainError('INVALID_INPUT', {
          userMessage: { sv: 'Koden stämmer inte. Kontrollera klockan i telefonen och försök igen.', en: 'The code does not match. Check the clock on your phone and try again.' },
        });
      }
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, principal.userId));
        await recordAudit(tx, actorOf(principal), { action: 'totp.enable', entity: 'user', entityId: principal.userId }, clock());
      });
    },

    async disableTotp(principal: Principal, password: string): Promise<void> {
      const user = await repo.findUserById(db, principal.userId);
      if (!user || !(await argonVerify(user.passwordHash, password))) throw INVALID_LOGIN;
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, principal.userId));
        await recordAudit(tx, actorOf(principal), { action: 'totp.disable', entity: 'user', entityId: principal.userId }, clock());
      });
    },

    async setLocale(principal: Principal, locale: 'sv' | 'en'): Promise<void> {
      await db.update(users).set({ locale }).where(eq(users.id, principal.userId));
    },

    async userStatus(principal: Principal) {
      const user = await repo.findUserById(db, principal.userId);
      return { totpEnabled: user?.totpEnabled ?? false };
    },

    can,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function actorOf(principal: Principal): Actor {
  return { userId: principal.userId, label: principal.email };
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Kansli', label, secret: Secret.fromBase32(secret), digits: 6, period: 30 });
}

/** Accepts the current 30-second code and one step either side, for clock drift. */
export function checkTotp(secret: string, code: string, now: Date): boolean {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  return totpFor(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 }) !== null;
}

export function generateTotp(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}

export type { Role };
