import type { Db } from '../../platform/db/database.js';
import { listEntriesAbout } from '../../platform/audit/audit.repository.js';

/** Changes to an account that bear on whose signature it gives: its person, roles, sign-in and second factor. */
export const ACCOUNT_CHANGES = [
  'user.create',
  'user.enable',
  'user.link_person',
  'user.unlink_person',
  'role.grant',
  'role.revoke',
  'password.change',
  'password.reset',
  'totp.enable',
  'totp.replace',
  'totp.disable',
  'passkey.register',
  'passkey.remove',
] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/** How far back before a signature the justering record looks (issue 15). */
export const CHANGE_WINDOW_DAYS = 30;

export interface AccountChangeEntry {
  at: Date;
  action: AccountChange;
  /** Who made the change: the signer themselves, or someone else (an administrator, the CLI). */
  actorLabel: string;
  bySigner: boolean;
}

/** The changes to the signer's account in the 30 days up to the signature, read from the audit log. */
export async function accountChangesBefore(db: Db, userId: string, signedAt: Date): Promise<AccountChangeEntry[]> {
  const from = new Date(signedAt.getTime() - CHANGE_WINDOW_DAYS * 86_400_000);
  const rows = await listEntriesAbout(db, { entity: 'user', entityId: userId, actions: [...ACCOUNT_CHANGES], from, to: signedAt });
  return rows.map((r) => ({ at: r.at, action: r.action as AccountChange, actorLabel: r.actorLabel, bySigner: r.actorUserId === userId }));
}
