import { z } from 'zod';
import { msg, requiredText } from '../../platform/validation.js';
import { ROLES } from '../../platform/auth/policy.js';

const email = () => z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email());

export const ZPassword = z
  .string()
  .min(12, msg('Lösenordet måste ha minst 12 tecken.', 'The password must have at least 12 characters.'))
  .max(200);

export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg('Endast a–z, 0–9 och bindestreck.', 'Only a–z, 0–9 and hyphens.'))
  .max(60);

export const ZSetup = z.object({
  committeeName: requiredText(200),
  committeeSlug: ZSlug,
  name: requiredText(200),
  email: email(),
  password: ZPassword,
});
export type TSetup = z.infer<typeof ZSetup>;

export const ZGrant = z.object({ organisationId: z.uuid(), role: z.enum(ROLES) });

export const ZCreateUser = z.object({
  email: email(),
  name: requiredText(200),
  password: ZPassword,
  grants: z.array(ZGrant).default([]),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZSignIn = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

const ZNewPassword = z.object({
  password: ZPassword,
  repeat: z.string().max(200),
});
const samePassword = (v: { password: string; repeat: string }) => v.password === v.repeat;
const mismatch = { path: ['repeat'], ...msg('Lösenorden är inte likadana. Skriv det nya lösenordet två gånger.', 'The passwords differ. Type the new password twice.') };

export const ZChangePassword = ZNewPassword.extend({ current: z.string().max(200) }).refine(samePassword, mismatch);
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const ZResetPassword = ZNewPassword.refine(samePassword, mismatch);
