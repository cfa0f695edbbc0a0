/**
 * Test factories for publication and the portal: a committee with member municipalities, and a
 * protocol made final through the real justering service (chair and adjuster signing with their
 * own TOTP codes), so that notices come into being the way they do in production.
 */
import { eq } from 'drizzle-orm';
import { buildUser } from './app.js';
import { buildPersonUser, buildProtocol } from './factories.js';
import { generateTotp } from '../../src/features/auth/totp.js';
import type { Services } from '../../src/services.js';
import { users } from '../../src/features/auth/auth.tables.js';
import { bodies, organisations } from '../../src/features/organisation/organisation.tables.js';
import { protocols } from '../../src/features/protocols/protocols.tables.js';
import { officialBoardConfirmations } from '../../src/features/publication/publication.tables.js';
import { listGrants } from '../../src/features/auth/auth.repository.js';
import type { Principal, Role } from '../../src/platform/auth/policy.js';
import { createJusteringService } from '../../src/features/protocols/justering.service.js';
import { protocolDigest } from '../../src/features/protocols/protocol.model.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${(counter += 1)}`;

export async function principalOf(services: Services, userId: string): Promise<Principal> {
  const [user] = await services.database.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no user');
  return { userId: user.id, email: user.email, name: user.name, grants: await listGrants(services.database.db, user.id) };
}

/** A committee with the named member municipalities (the first is the host) and its committee body. */
export async function buildJointCommittee(services: Services, options: { municipalities?: string[]; publication?: Record<string, unknown>; officialBoards?: boolean } = {}) {
  const db = services.database.db;
  const [committee] = await db
    .insert(organisations)
    .values({ kind: 'committee', name: 'Provnämnden', slug: unique('provnamnd'), settings: options.publication ? { publication: options.publication } : {} })
    .returning();
  if (!committee) throw new Error('no committee');
  const members = [];
  for (const [index, name] of (options.municipalities ?? ['Alby kommun', 'Bredby kommun', 'Cedby kommun']).entries()) {
    const [row] = await db
      .insert(organisations)
      .values({ kind: 'municipality', name, slug: unique(name.split(' ')[0]?.toLowerCase() ?? 'kommun'), committeeId: committee.id, isHost: index === 0 })
      .returning();
    if (!row) throw new Error('no municipality');
    members.push(row);
    // KL 8:9: unless a test says otherwise, each municipality has confirmed Kansli's board as its official one.
    if (options.officialBoards !== false) {
      await db.insert(officialBoardConfirmations).values({ municipalityId: row.id, kind: 'kansli', confirmedBy: `Kommunstyrelsen i ${name}`, confirmedOn: '2026-01-15' });
    }
  }
  const [body] = await db.insert(bodies).values({ organisationId: committee.id, kind: 'committee', name: 'Provnämnden', slug: unique('organ'), isPublic: true }).returning();
  const [group] = await db.insert(bodies).values({ organisationId: committee.id, kind: 'preparation_group', name: 'Beredningsgruppen', slug: unique('grupp'), isPublic: false }).returning();
  if (!body || !group) throw new Error('no body');
  return { committee, members, body, group };
}

export async function buildRoleUser(services: Services, organisationId: string, role: Role) {
  const user = await buildUser(services, { organisationId, roles: [role] });
  return { ...user, principal: await principalOf(services, user.id) };
}

/**
 * A closed meeting of `bodyId` with a locked protocol of the given paragraphs, adjusted (made
 * final) at `justerAt` through the justering service. Returns the meeting and protocol ids.
 */
export async function buildFinalProtocol(
  services: Services,
  options: {
    committeeId: string;
    bodyId: string;
    municipalityId: string;
    meetingAt: Date;
    justerAt: Date;
    paragraphs?: { heading: string; decision?: string; summary?: string; handling?: string; secrecyProvision?: string | null; decisionBasis?: { documentId: string | null; text: string }[] }[];
  },
) {
  const db = services.database.db;
  const signers: Record<'chair' | 'adjuster', Principal> = {} as Record<'chair' | 'adjuster', Principal>;
  const secrets: Record<string, string> = {};
  const personIds: Record<string, string> = {};
  for (const [who, role] of [['chair', 'chair'], ['adjuster', 'member']] as const) {
    const user = await buildPersonUser(services, { committeeId: options.committeeId, municipalityId: options.municipalityId, name: who === 'chair' ? 'Ordförande Olsson' : 'Justerare Jansson', role });
    personIds[who] = user.personId;
    signers[who] = await principalOf(services, user.id);
    secrets[who] = user.secret;
  }
  const { meeting, protocol } = await buildProtocol(services, {
    bodyId: options.bodyId,
    meetingAt: options.meetingAt,
    meeting: { noticeSentAt: options.meetingAt },
    protocol: { secretaryName: 'Sekreterare Svensson' },
    chairPersonId: personIds.chair ?? null,
    adjusterPersonId: personIds.adjuster ?? null,
    paragraphs: (options.paragraphs ?? [{ heading: 'Verksamhetsplan', decision: 'Nämnden antar verksamhetsplanen.' }]).map((p, index) => ({ ...p, number: index + 1 })),
  });
  const digest = protocolDigest(await services.protocols.load(protocol.id));
  await db.update(protocols).set({ status: 'locked', canonicalSha256: digest, lockedAt: options.meetingAt }).where(eq(protocols.id, protocol.id));
  const justering = createJusteringService({ database: services.database, config: services.config, clock: () => options.justerAt });
  const rp = { rpID: 'localhost', origin: 'http://localhost' };
  for (const who of ['chair', 'adjuster'] as const) {
    await justering.sign(signers[who], protocol.id, { method: 'totp', code: generateTotp(secrets[who] ?? '', options.justerAt), sha256: digest }, rp);
  }
  return { meetingId: meeting.id, protocolId: protocol.id };
}
