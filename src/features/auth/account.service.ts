import { randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as repo from './auth.repository.js';
import * as account from './account.repository.js';
import { updateUser } from './users.repository.js';
import { actorOf, hashPassword, sha256 } from './auth.service.js';
import { ZChangePassword, ZResetPassword } from './auth.schema.js';
import { reserveAttempt } from './login-limit.js';
import { verifyOwnPassword } from './reauth.js';
import { newTotpSecret, totpFor, totpStep } from './totp.js';
import type { Principal } from '../../platform/auth/policy.js';
import { accountOrganisationId } from './account-organisation.js';

/** How long a password-reset link works. */
export const RESET_MINUTES = 30;

const linkUnusable = () =>
  new DomainError('INVALID_INPUT', {
    userMessage: {
      sv: 'Länken för att byta lösenord har redan använts eller gått ut. Be om en ny länk.',
      en: 'The link to change your password has been used already or has expired. Ask for a new one.',
    },
  });

const wrongCode = () =>
  new DomainError('INVALID_INPUT', {
    userMessage: { sv: 'Koden stämmer inte. Kontrollera klockan i telefonen och försök igen.', en: 'The code does not match. Check the clock on your phone and try again.' },
    fieldErrors: [{ field: 'code', message: { sv: 'Koden stämmer inte.', en: 'The code does not match.' } }],
  });

/**
 * The account's life cycle for its own user (ASVS L2 chapter 2): change the password with the
 * current one, reset it by a one-time e-mail link, and enrol, replace or remove TOTP with the
 * password. Every change is in the audit log.
 */
export function createAccountService(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer }) {
  const { database, config, clock, mailer } = deps;
  const db = database.db;
  const reauth = (userId: string, password: string, field?: string) => verifyOwnPassword({ db, config, now: clock() }, userId, password, field);

  return {
    /** A new password, given the current one; every other session of the user ends. */
    async changePassword(principal: Principal, raw: unknown, currentSessionHash: string | undefined): Promise<void> {
      const input = parseInput(ZChangePassword, raw);
      await reauth(principal.userId, input.current, 'current');
      const hash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        await updateUser(tx, principal.userId, { passwordHash: hash, updatedAt: clock() });
        const ended = await account.deleteOtherSessions(tx, principal.userId, currentSessionHash);
        await account.useUpResets(tx, principal.userId, clock());
        await recordAudit(tx, actorOf(principal), { action: 'password.change', entity: 'user', entityId: principal.userId, after: { otherSessionsEnded: ended }, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
    },

    /**
     * E-mail a one-time link to change the password. The answer is the same whether the address
     * has an account or not; the link goes to KANSLI_PUBLIC_URL only, never to the Host a request
     * names (a forged Host would otherwise receive the token).
     */
    async requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
      if (!config.publicUrl) throw resetUnavailable();
      const email = input.email.trim().toLowerCase().slice(0, 320);
      const now = clock();
      await reserveAttempt(db, {
        keys: [
          { key: `reset:${email}`, limit: config.loginMaxAttempts },
          { key: `ip:${input.ip}`, limit: config.loginMaxAttempts * 10 },
        ],
        now,
        windowMinutes: config.loginWindowMinutes,
      });
      const user = await repo.findUserByEmail(db, email);
      if (!user || user.disabled) return;
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        await account.insertPasswordReset(tx, { tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) });
        await recordAudit(tx, { userId: null, label: 'anonymous' }, { action: 'password.reset_requested', entity: 'user', entityId: user.id, after: { ip: input.ip }, organisationId: await accountOrganisationId(tx, user.id) }, now);
      });
      const link = new URL(`/logga-in/nytt-losenord/${token}`, config.publicUrl).toString();
      await mailer.send({
        kind: 'password_reset',
        to: user.email,
        subject: 'Byt lösenord i Kansli / Change your Kansli password',
        text: [
          `Hej ${user.name},`,
          '',
          `Någon (förhoppningsvis du) bad om att byta lösenordet till ditt konto i Kansli. Öppna länken inom ${RESET_MINUTES} minuter för att välja ett nytt lösenord. Länken fungerar en gång.`,
          '',
          link,
          '',
          'Bad du inte om det? Då kan du strunta i det här brevet; ditt lösenord är oförändrat.',
          '',
          `Someone (hopefully you) asked to change the password of your Kansli account. Open the link within ${RESET_MINUTES} minutes to choose a new password. The link works once. If it was not you, ignore this e-mail.`,
        ].join('\n'),
      });
    },

    /** Whether a reset link can still be used (for showing its form); does not use it up. */
    async resetLinkUsable(token: string): Promise<boolean> {
      return account.isResetUsable(db, sha256(token), clock());
    },

    /** Use a reset link once: the new password is set and every session of the user ends. */
    async resetPassword(token: string, raw: unknown): Promise<void> {
      const input = parseInput(ZResetPassword, raw);
      const hash = await hashPassword(input.password);
      const now = clock();
      await db.transaction(async (tx) => {
        // Taken in one statement: two uses of one link at once cannot both succeed.
        const usedBy = await account.takePasswordReset(tx, sha256(token), now);
        const user = usedBy ? await repo.findUserById(tx, usedBy) : undefined;
        if (!user || user.disabled) throw linkUnusable();
        await updateUser(tx, user.id, { passwordHash: hash, updatedAt: now });
        await account.useUpResets(tx, user.id, now);
        const ended = await repo.deleteUserSessions(tx, user.id);
        await repo.clearAttempts(tx, `email:${user.email.toLowerCase()}`);
        await recordAudit(tx, { userId: user.id, label: user.email }, { action: 'password.reset', entity: 'user', entityId: user.id, after: { sessionsEnded: ended }, organisationId: await accountOrganisationId(tx, user.id) }, now);
      });
    },

    /**
     * Start enrolling TOTP (first time, or a new phone): needs the password. The new secret waits
     * until a code from it is confirmed, so a working TOTP stays on meanwhile.
     */
    async beginTotp(principal: Principal, password: string): Promise<{ secret: string; uri: string }> {
      await reauth(principal.userId, password);
      const secret = newTotpSecret();
      await updateUser(db, principal.userId, { totpPendingSecret: secret });
      return { secret, uri: totpFor(secret, principal.email).toString() };
    },

    async confirmTotp(principal: Principal, code: string): Promise<void> {
      const user = await repo.findUserById(db, principal.userId);
      const step = user?.totpPendingSecret ? totpStep(user.totpPendingSecret, code, clock()) : null;
      if (!user?.totpPendingSecret || step === null) throw wrongCode();
      const secret = user.totpPendingSecret;
      await db.transaction(async (tx) => {
        await updateUser(tx, principal.userId, { totpSecret: secret, totpEnabled: true, totpPendingSecret: null, totpLastStep: step, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: user.totpEnabled ? 'totp.replace' : 'totp.enable', entity: 'user', entityId: principal.userId, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
    },

    async disableTotp(principal: Principal, password: string): Promise<void> {
      await reauth(principal.userId, password);
      await db.transaction(async (tx) => {
        await updateUser(tx, principal.userId, { totpEnabled: false, totpSecret: null, totpPendingSecret: null, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'totp.disable', entity: 'user', entityId: principal.userId, organisationId: await accountOrganisationId(tx, principal.userId) }, clock());
      });
    },
  };
}

const resetUnavailable = () =>
  new DomainError('CONFLICT', {
    userMessage: {
      sv: 'Kansli kan inte skicka länkar för att byta lösenord förrän dess webbadress är inställd (KANSLI_PUBLIC_URL). Be en administratör om hjälp.',
      en: 'Kansli cannot send links to change passwords until its address is set (KANSLI_PUBLIC_URL). Ask an administrator for help.',
    },
  });

export type AccountService = ReturnType<typeof createAccountService>;
