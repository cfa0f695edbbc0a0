/**
 * The set-up the live room's page tests share: the app listening on a port (the event stream needs
 * a real socket), members signed in on their own devices, the meeting opened by the secretary.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../src/platform/clock.js';
import type { Principal, Role } from '../../src/platform/auth/policy.js';
import { DomainError } from '../../src/platform/errors.js';
import { users } from '../../src/features/auth/auth.tables.js';
import { buildUser, createTestApp, TestClient, type TestContext } from './app.js';
import { recordStart, TOWNS, type LiveFixture, type Town } from './live-meeting-fixtures.js';

/** A test app listening on a free local port, with its address. */
export async function createListeningApp(options: { clock?: Clock } = {}): Promise<{ t: TestContext; base: string }> {
  const t = await createTestApp(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, base: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` };
}

/** A new user of the committee with the role, linked to the person (member or substitute of a town). */
export async function linkedUser(t: TestContext, f: LiveFixture, personId: string, role: Role): Promise<{ user: { id: string; email: string }; principal: Principal }> {
  const committeeId = f.secretaryPrincipal.grants[0]?.organisationId ?? '';
  const user = await buildUser(t.services, { organisationId: committeeId, roles: [role] });
  await t.services.database.db.update(users).set({ personId }).where(eq(users.id, user.id));
  return { user, principal: { userId: user.id, email: user.email, name: user.email, grants: [{ organisationId: committeeId, role }] } };
}

/** The same, signed in on a device of its own. */
export async function clientFor(t: TestContext, f: LiveFixture, personId: string, role: Role): Promise<TestClient> {
  const { user } = await linkedUser(t, f, personId, role);
  const client = new TestClient(t.app);
  await client.signIn(user.email);
  return client;
}

/** The secretary opens the meeting (the test meeting is held on another day than planned). */
export async function openMeeting(f: LiveFixture): Promise<void> {
  assert.equal((await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason: 'Testmötet hålls en annan dag än det planerade.' })).statusCode, 302);
}

/**
 * The meeting opened with Bergby's member absent at the start, every town's member signed in
 * (Arvidsby's as chair) and the substitutes of Bergby and Dalby.
 */
export async function openRoomWithMembers(t: TestContext, f: LiveFixture): Promise<{ members: Record<Town, TestClient>; bergbySub: TestClient; dalbySub: TestClient }> {
  await openMeeting(f);
  await recordStart(f, [f.member.Bergby]);
  const members = {} as Record<Town, TestClient>;
  for (const town of TOWNS) members[town] = await clientFor(t, f, f.member[town], town === 'Arvidsby' ? 'chair' : 'member');
  return { members, bergbySub: await clientFor(t, f, f.substitute.Bergby, 'substitute'), dalbySub: await clientFor(t, f, f.substitute.Dalby, 'substitute') };
}

/** The refusal a use case ends with; fails the test when it succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}
