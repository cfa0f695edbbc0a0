/**
 * Test data factories for the people who sign and the protocols they sign. Each takes the
 * services (or the app) and options with defaults, and each test makes its own rows, so tests
 * never depend on each other's data.
 */
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildUser, giveTotp, TestClient, type TestContext } from './app.js';
import type { Services } from '../../src/services.js';
import { users } from '../../src/features/auth/auth.tables.js';
import { meetings } from '../../src/features/meetings/meetings.tables.js';
import { people } from '../../src/features/organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from '../../src/features/protocols/protocols.tables.js';
import type { Principal, Role } from '../../src/platform/auth/policy.js';

/**
 * A person of a member municipality with a user account holding `role` in the committee, the
 * account linked to the person (as a chair or adjuster must be to sign); with a working TOTP
 * second factor unless `totp: false`.
 */
export async function buildPersonUser(services: Services, options: { committeeId: string; municipalityId: string | null; name: string; role: Role; totp?: boolean }) {
  const db = services.database.db;
  const [person] = await db.insert(people).values({ name: options.name, organisationId: options.municipalityId }).returning();
  if (!person) throw new Error('no person');
  const user = await buildUser(services, { organisationId: options.committeeId, roles: [options.role] });
  await db.update(users).set({ personId: person.id }).where(eq(users.id, user.id));
  const secret = options.totp === false ? '' : await giveTotp(services, user.id);
  return { ...user, personId: person.id, secret };
}

/**
 * A new user holding `roles` in `organisationId`, with the principal the services are called with
 * as that user; `name` is what the audit log and the pages show for them.
 */
export async function buildPrincipalUser(services: Services, options: { organisationId: string; roles: Role[]; name: string }) {
  const user = await buildUser(services, { organisationId: options.organisationId, roles: options.roles });
  const principal: Principal = { userId: user.id, email: user.email, name: options.name, grants: options.roles.map((role) => ({ organisationId: options.organisationId, role })) };
  return { ...user, principal };
}

/** A browser signed in (with a password only) as a new user holding `roles` in `organisationId`. */
export async function signedInAs(t: TestContext, organisationId: string, roles: Role[]): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.signIn((await buildUser(t.services, { organisationId, roles })).email);
  return client;
}

/** As buildPrincipalUser, with a browser signed in as the user too. */
export async function buildSignedInPrincipal(t: TestContext, options: { organisationId: string; roles: Role[]; name: string }) {
  const user = await buildPrincipalUser(t.services, options);
  const client = new TestClient(t.app);
  await client.signIn(user.email);
  return { ...user, client };
}

/** A browser signed in as `email`, through the second step with `code()` when the account asks for one. */
export async function signedInClient(app: FastifyInstance, email: string, code: () => string): Promise<TestClient> {
  const client = new TestClient(app);
  const signedIn = await client.signIn(email);
  if (String(signedIn.headers.location).startsWith('/logga-in/tvastegs')) {
    const step = await client.post('/logga-in/tvastegs', { code: code() });
    assert.equal(step.statusCode, 302, 'the second step of sign-in');
  }
  return client;
}

/** A paragraph of a test protocol; what is left out is empty. */
export type ParagraphInput = Partial<Omit<typeof protocolParagraphs.$inferInsert, 'protocolId' | 'position' | 'year'>> & { heading: string };

/**
 * A closed meeting of `bodyId` at `meetingAt` with a draft protocol of the given paragraphs
 * (numbered 1, 2, … in that order), chaired and adjusted by the given people.
 */
export async function buildProtocol(
  services: Services,
  options: { bodyId: string; meetingAt: Date; chairPersonId: string | null; adjusterPersonId: string | null; paragraphs: ParagraphInput[]; meeting?: Partial<typeof meetings.$inferInsert>; protocol?: Partial<typeof protocols.$inferInsert> },
) {
  const db = services.database.db;
  const [meeting] = await db
    .insert(meetings)
    .values({ bodyId: options.bodyId, startsAt: options.meetingAt, place: 'Stadshuset', status: 'closed', ...options.meeting })
    .returning();
  if (!meeting) throw new Error('no meeting');
  const [protocol] = await db
    .insert(protocols)
    .values({ meetingId: meeting.id, status: 'draft', chairPersonId: options.chairPersonId, adjusterPersonId: options.adjusterPersonId, secretaryName: 'Sara Sekreterare', justeringPlace: 'Kansliet', ...options.protocol })
    .returning();
  if (!protocol) throw new Error('no protocol');
  const year = options.meetingAt.getUTCFullYear();
  const paragraphs = options.paragraphs.length
    ? await db
        .insert(protocolParagraphs)
        .values(options.paragraphs.map((p, index) => ({ ...p, protocolId: protocol.id, position: index + 1, year })))
        .returning()
    : [];
  return { meeting, protocol, paragraphs };
}

export type PersonUser = Awaited<ReturnType<typeof buildPersonUser>>;

/** Several person-users of one committee at once, by the name a test calls them: `{ chair: { name, role }, … }`. */
export async function buildPersonUsers<K extends string>(
  services: Services,
  scope: { committeeId: string; municipalityId: string | null },
  people: Record<K, { name: string; role: Role; totp?: boolean }>,
): Promise<Record<K, PersonUser>> {
  const out = {} as Record<K, PersonUser>;
  for (const [who, spec] of Object.entries(people) as [K, { name: string; role: Role; totp?: boolean }][]) out[who] = await buildPersonUser(services, { ...scope, ...spec });
  return out;
}
