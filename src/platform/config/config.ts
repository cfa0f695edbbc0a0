import path from 'node:path';
import { z } from 'zod';
import { loadOidcSettings, OidcConfigProblem, type OidcSettings } from './oidc-config.js';

/** Every setting Kansli reads from the environment, with its default. README's table lists the same. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  KANSLI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KANSLI_PUBLIC_URL: z.url().optional(),
  KANSLI_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  KANSLI_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  KANSLI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  KANSLI_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  KANSLI_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  KANSLI_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  KANSLI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  KANSLI_MAIL_FROM: z.string().min(3).default('Kansli <kansli@localhost>'),
  KANSLI_OUTBOX_DIR: z.string().min(1).optional(),
  KANSLI_MAX_FILE_MB: z.coerce.number().int().min(1).max(2000).default(50),
  KANSLI_SEAL_P12: z.string().min(1).optional(),
  KANSLI_SEAL_PASSPHRASE: z.string().optional(),
  KANSLI_TSA_URL: z
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  secureCookies: 'auto' | boolean;
  sessionDays: number;
  /** A session unused this long ends, besides the absolute limit of sessionDays. */
  sessionIdleMinutes: number;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where e-mail goes when no SMTP server is configured. */
  outboxDir: string;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** The electronic seal (PKCS#12) for final protocols; created self-signed on first use if missing. */
  sealP12Path: string;
  sealPassphrase: string;
  /** RFC 3161 time-stamping service: seals are PAdES B-T with it, B-B without. */
  tsaUrl?: string | undefined;
  /** OpenID Connect providers (KANSLI_OIDC_…); none by default. */
  oidc: OidcSettings;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Ogiltig inställning / invalid setting ${variable}: ${problem}`);
  }
}

/** Parse the environment; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  let oidc: OidcSettings;
  try {
    oidc = loadOidcSettings(env);
  } catch (error) {
    if (error instanceof OidcConfigProblem) throw new ConfigError(error.variable, error.problem);
    throw error;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KANSLI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.KANSLI_PUBLIC_URL,
    secureCookies: e.KANSLI_SECURE_COOKIES === 'auto' ? 'auto' : e.KANSLI_SECURE_COOKIES === 'true',
    sessionDays: e.KANSLI_SESSION_DAYS,
    sessionIdleMinutes: e.KANSLI_SESSION_IDLE_MINUTES,
    loginMaxAttempts: e.KANSLI_LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.KANSLI_LOGIN_WINDOW_MINUTES,
    trustProxy: e.KANSLI_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    maxFileBytes: e.KANSLI_MAX_FILE_MB * 1024 * 1024,
    smtpUrl: e.KANSLI_SMTP_URL,
    mailFrom: e.KANSLI_MAIL_FROM,
    outboxDir: path.resolve(e.KANSLI_OUTBOX_DIR ?? path.join(e.KANSLI_DATA_DIR, 'outbox')),
    sealP12Path: path.resolve(e.KANSLI_SEAL_P12 ?? path.join(e.KANSLI_DATA_DIR, 'seal.p12')),
    sealPassphrase: e.KANSLI_SEAL_PASSPHRASE ?? '',
    tsaUrl: e.KANSLI_TSA_URL,
    oidc,
  };
}

/** For tests: a config with overrides and no environment. */
export function buildConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
