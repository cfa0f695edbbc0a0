import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { roleAssignments, users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../protocols/protocols.tables.js';
import { listGrants } from '../auth/auth.repository.js';
import { hashPassword } from '../auth/auth.service.js';
import { generateTotp, newTotpSecret } from '../auth/totp.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import { createJusteringService } from '../protocols/justering.service.js';
import { createFrozenProtocols } from '../protocols/protocol-snapshot.js';
import { createProtocolService } from '../protocols/protocol.service.js';
import { DEMO_COMMITTEE_SLUG, DEMO_LOGIN_EMAILS, DEMO_PASSWORD } from './demo-data.js';
import { DEMO_SEED_ITEMS, DEMO_SEED_MEETING } from './demo-meetings-data.js';
import { accountOrganisationId } from '../auth/account-organisation.js';

/** The demo's adjuster (justerare) of the 2022-12-14 protocol: a member. */
export const DEMO_ADJUSTER_EMAIL = 'justerare@exempel.se';

/** The seed's protocol was adjusted on 2022-12-19, within the 14 days of KL 5:69. */
const JUSTERING_TIME = new Date('2022-12-19T14:00:00+01:00');

/** The demo acts for the (fictional) signers; its audit entries say so. */
const DEMO_ACTOR: Actor = { userId: null, label: 'demo' };
const INVENTED = 'Demodata: ett påhittat TOTP-värde för demons fiktiva justerare. / Demo data: an invented TOTP for the demo’s fictional signer.';

/**
 * A signature needs the signer's own second factor (issue 15). The demo's signers are fictional,
 * so the demo registers a TOTP for each, marked as invented in the audit log, signs with a code
 * from it and turns it off again, so that the demo sign-ins keep working with the password alone.
 * The justering record then honestly shows 'totp' and the enrolment the day of the signature.
 */
async function signWithInventedTotp(services: Services, principal: Principal, sign: (code: string) => Promise<unknown>): Promise<void> {
  const db = services.database.db;
  const secret = newTotpSecret();
  const enrolledAt = new Date(JUSTERING_TIME.getTime() - 10 * 60_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: secret, totpEnabled: true, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, principal.userId));
    await recordAudit(tx, DEMO_ACTOR, { action: 'totp.enable', entity: 'user', entityId: principal.userId, after: { invented: true, note: INVENTED }, organisationId: await accountOrganisationId(tx, principal.userId) }, enrolledAt);
  });
  await sign(generateTotp(secret, JUSTERING_TIME));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabled: false }).where(eq(users.id, principal.userId));
    await recordAudit(tx, DEMO_ACTOR, { action: 'totp.disable', entity: 'user', entityId: principal.userId, after: { invented: true, note: INVENTED }, organisationId: await accountOrganisationId(tx, principal.userId) }, new Date(JUSTERING_TIME.getTime() + 60_000));
  });
}

async function principalByEmail(services: Services, email: string): Promise<Principal> {
  const [user] = await services.database.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return { userId: user.id, email: user.email, name: user.name, grants: await listGrants(services.database.db, user.id) };
}

/**
 * A tabled item's paragraph says what the committee decided in the seed's words ("e-nämnden
 * beslutar bordlägga ärendet.") where the draft prefills the date it was tabled to.
 */
async function writeTabledDecisions(services: Services, secretary: Principal, protocolId: string): Promise<void> {
  const rows = await services.database.db.select().from(protocolParagraphs).where(eq(protocolParagraphs.protocolId, protocolId));
  for (const item of DEMO_SEED_ITEMS.filter((i) => i.tabledTo && i.decision)) {
    const row = rows.find((r) => r.heading === item.heading);
    if (!row || row.decision === item.decision) continue;
    await services.protocols.updateParagraph(secretary, row.id, { heading: row.heading, decision: item.decision, summary: row.summary, handling: row.handling, recipients: row.recipients.join('\n') });
  }
}

/**
 * The 2022-12-14 protocol: drafted from the closed meeting, numbered from § 19 (the committee's
 * earlier 2022 meetings used §§ 1–18), locked, signed by the chair and the adjuster, final and sealed.
 * Signing it makes it final through the one justering path, which freezes it: its document and
 * both sealed PDFs are stored (protocol_snapshots). Idempotent: a protocol already final is left
 * alone, apart from getting its snapshot if it has none.
 */
export async function loadProtocolDemo(services: Services): Promise<void> {
  const db = services.database.db;
  const [committee] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
  const [body] = committee ? await db.select().from(bodies).where(and(eq(bodies.organisationId, committee.id), eq(bodies.kind, 'committee'))) : [];
  if (!committee || !body) return;
  const day = DEMO_SEED_MEETING.time.date;
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, body.id), sql`to_char(${meetings.startsAt} at time zone 'Europe/Stockholm', 'YYYY-MM-DD') = ${day}`));
  if (!meeting || meeting.status !== 'closed' || !meeting.adjusterPersonId) return;

  const [existing] = await db.select().from(protocols).where(eq(protocols.meetingId, meeting.id));
  // A demo loaded before protocol snapshots existed gets its snapshot now (the same backfill a first read does).
  if (existing?.status === 'final') {
    await createFrozenProtocols(services).frozen(existing.id);
    return;
  }

  const secretary = await principalByEmail(services, DEMO_LOGIN_EMAILS.secretary);
  const protocolId = existing?.id ?? (await services.protocols.createDraft(secretary, meeting.id));
  if ((existing?.status ?? 'draft') === 'draft') {
    await writeTabledDecisions(services, secretary, protocolId);
    await services.protocols.setParagraphCounter(body.id, Number(day.slice(0, 4)), 18);
    // Locked without telling anyone: the 2022 protocol was adjusted long ago, no one is to be asked to sign it now.
    await createProtocolService({ database: services.database, config: services.config, clock: services.clock }).lock(secretary, protocolId);
  }

  // The adjuster's sign-in, linked to the adjusting member.
  const [adjusterUser] = await db.select().from(users).where(eq(users.email, DEMO_ADJUSTER_EMAIL));
  if (!adjusterUser) {
    const [created] = await db
      .insert(users)
      .values({ email: DEMO_ADJUSTER_EMAIL, name: 'Justerande ledamot (demo)', personId: meeting.adjusterPersonId, passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
    if (created) await db.insert(roleAssignments).values({ userId: created.id, organisationId: committee.id, role: 'member' }).onConflictDoNothing();
  }

  // Signed as on the day of justering, so that the demo shows an adjustment in time.
  const justering = createJusteringService({ database: services.database, config: services.config, clock: () => JUSTERING_TIME });
  const rp = { rpID: 'localhost', origin: 'http://localhost' };
  const signed = await services.database.query<{ role: string }>(sql`select role from protocol_signatures where protocol_id = ${protocolId} and paragraph_id is null`);
  for (const [email, role] of [
    [DEMO_LOGIN_EMAILS.chair, 'chair'],
    [DEMO_ADJUSTER_EMAIL, 'adjuster'],
  ] as const) {
    if (signed.some((s) => s.role === role)) continue;
    const [locked] = await db.select({ digest: protocols.canonicalSha256 }).from(protocols).where(eq(protocols.id, protocolId));
    const principal = await principalByEmail(services, email);
    await signWithInventedTotp(services, principal, (code) => justering.sign(principal, protocolId, { method: 'totp', code, sha256: locked?.digest ?? '' }, rp));
  }
}
