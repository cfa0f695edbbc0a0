/**
 * The auth feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, instant, ref, updatedAt } from '../../platform/db/columns.js';
import { organisations, people } from '../organisation/organisation.tables.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    personId: ref('person_id', () => people.id),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** A new TOTP secret, not in use until a code from it is confirmed. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The last accepted TOTP time step: a code is accepted once only. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    locale: text('locale', { enum: ['sv', 'en'] }).notNull().default('sv'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    /** A person links to at most one active account. */
    uniqueIndex('users_person_active_key').on(t.personId).where(sql`${t.personId} is not null and not ${t.disabled}`),
  ],
);
/** One-time password-reset links sent by e-mail; only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
/** A role a user holds in one organisation (a user may hold roles in several). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    organisationId: ref('organisation_id', () => organisations.id).notNull(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId, t.role] })],
);
/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    /** False until the second factor is given, for users with TOTP. */
    verified: boolean('verified').notNull().default(true),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);
/** Failed sign-in attempts, kept in the database so that all app servers share the limit. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);
/** Passkeys (WebAuthn credentials) a user has registered for signing. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: id(),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    credentialId: text('credential_id').notNull(),
    publicKey: bytea('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    label: text('label').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('webauthn_credentials_id_key').on(t.credentialId)],
);
/** One-time WebAuthn challenges, kept in the database so that any app server can check them. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  challenge: text('challenge').primaryKey(),
  userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
  purpose: text('purpose').notNull(),
  expiresAt: instant('expires_at').notNull(),
});
/** A sign-in or a signing started at a provider, until its answer comes back (one use). */
export const oidcTransactions = pgTable('oidc_transactions', {
  state: text('state').primaryKey(),
  providerId: text('provider_id').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** `signin`, or `sign:<protocol id>:<paragraph id or "protocol">` for a justering. */
  purpose: text('purpose').notNull(),
  /** For a signing: the signed-in user who must be the one authenticating. */
  userId: ref('user_id', () => users.id, { onDelete: 'cascade' }),
  returnTo: text('return_to').notNull().default('/'),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
});
/** The provider's side of a Kansli session: ended with it by back- or front-channel logout. */
export const oidcSessions = pgTable(
  'oidc_sessions',
  {
    tokenHash: text('token_hash').primaryKey().references(() => sessions.tokenHash, { onDelete: 'cascade' }),
    userId: ref('user_id', () => users.id, { onDelete: 'cascade' }).notNull(),
    providerId: text('provider_id').notNull(),
    subject: text('subject').notNull(),
    providerSessionId: text('provider_session_id'),
    /** Level of assurance, e.g. http://id.elegnamnden.se/loa/1.0/loa3. */
    acr: text('acr'),
    authenticatedAt: instant('authenticated_at'),
    /** Sent back as id_token_hint when the user signs out of Kansli. */
    idToken: text('id_token').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('oidc_sessions_provider_sid_idx').on(t.providerId, t.providerSessionId), index('oidc_sessions_provider_subject_idx').on(t.providerId, t.subject)],
);

/** What a select of each table above returns. */
export type UserRow = typeof users.$inferSelect;
export type PasswordResetRow = typeof passwordResets.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
export type WebauthnCredentialRow = typeof webauthnCredentials.$inferSelect;
export type WebauthnChallengeRow = typeof webauthnChallenges.$inferSelect;
export type OidcTransactionRow = typeof oidcTransactions.$inferSelect;
export type OidcSessionRow = typeof oidcSessions.$inferSelect;
