/**
 * The notice board in the JSON API: real answers, from a built board and from the demo, are
 * checked against the schema the OpenAPI document shows, so the description cannot drift.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { TestClient } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { notices } from './publication.tables.js';
import { loadDemo } from '../demo/demo.js';
import { DEMO_MUNICIPALITIES } from '../demo/demo-data.js';
import { buildJointCommittee, buildRoleUser } from '../../../test/support/publication-fixtures.js';
import { buildNovemberProtocol } from '../../../test/support/november-protocol.js';
import { ZApiNoticeBoard } from './board.schema.js';

let now = new Date('2026-11-25T14:00:00Z');

type Json = Record<string, unknown>;

/** The operation as the app's own OpenAPI document describes it. */
async function describedOperation(client: TestClient): Promise<Json> {
  const doc = JSON.parse((await client.get('/api/v1/openapi.json')).body) as { paths: Record<string, Record<string, Json>> };
  const op = doc.paths['/api/v1/notice-boards/{slug}']?.get;
  assert.ok(op, 'the notice board is in the OpenAPI document');
  return op;
}

/** Parse the answer with the schema; on failure name every field that differs. */
function assertMatchesSchema(body: unknown, where: string): z.infer<typeof ZApiNoticeBoard> {
  const parsed = ZApiNoticeBoard.safeParse(body);
  assert.ok(parsed.success, `${where}: ${parsed.success ? '' : z.prettifyError(parsed.error)}`);
  return parsed.data;
}

describe('publication API: GET /api/v1/notice-boards/{slug}', () => {
  const t = useTestApp({ clock: () => now });

  test('the OpenAPI document describes it as public, with the response schema and the slug parameter', async () => {
    const op = await describedOperation(new TestClient(t.app));
    assert.equal(op.operationId, 'getNoticeBoard');
    // Anonymous callers are answered: the empty requirement is one of the alternatives.
    assert.deepEqual(op.security, [{}, { bearerAuth: [] }]);
    assert.deepEqual(op.parameters, [{ name: 'slug', in: 'path', required: true, description: 'The municipality’s short name, as in /anslagstavla/{slug}', schema: { type: 'string' } }]);
    const responses = op.responses as Record<string, { content: Record<string, { schema: Json }> }>;
    const schema = responses['200']?.content['application/json']?.schema;
    // The document shows this very schema (the same zod schema the answers are checked against below).
    const { $schema: _dialect, ...expected } = z.toJSONSchema(ZApiNoticeBoard, { target: 'draft-2020-12', io: 'output' }) as Json;
    assert.deepEqual(schema, expected);
    const notice = ((schema?.properties as Json).notices as { items: { required: string[]; additionalProperties: unknown } }).items;
    assert.equal(notice.additionalProperties, false);
    assert.ok(responses['404'], 'an unknown board is described');
  });

  test('a built board answers exactly the described shape: before and after every municipality has posted', async () => {
    const org = await buildJointCommittee(t.services, { publication: { noticePosting: 'manual' } });
    const [alby, bredby] = org.members;
    if (!alby || !bredby) throw new Error('members');
    now = new Date('2026-11-25T14:00:00Z');
    const { protocolId } = await buildNovemberProtocol(t.services, org, { municipalityId: alby.id });
    const client = new TestClient(t.app);
    const op = await describedOperation(client);
    const schema = ((op.responses as Record<string, { content: Record<string, { schema: Json }> }>)['200']?.content['application/json']?.schema ?? {}) as { required: string[]; properties: Json };
    const noticeSchema = (schema.properties.notices as { items: { required: string[] } }).items;

    // Nothing posted yet: an empty list is still the described shape.
    const empty = await client.get(`/api/v1/notice-boards/${alby.slug}`);
    assert.equal(empty.statusCode, 200);
    assert.match(String(empty.headers['content-type']), /application\/json/);
    assert.equal(empty.headers['access-control-allow-origin'], '*');
    assert.deepEqual(assertMatchesSchema(JSON.parse(empty.body), 'empty').notices, []);

    // Alby has posted, the others not: the appeal dates are null.
    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    const rows = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    const noticeOf = (id: string) => rows.find((r) => r.organisationId === id)?.id ?? '';
    await t.services.publication.recordPosting(secretary.principal, noticeOf(alby.id), { postedOn: '2026-11-25' });
    const partial = JSON.parse((await client.get(`/api/v1/notice-boards/${alby.slug}`)).body) as Json;
    const first = assertMatchesSchema(partial, 'partly posted');
    assert.deepEqual(first.notices.map((n) => [n.postedOn, n.appealStartsOn, n.lastDayToAppeal, n.takeDownOn, n.current]), [['2026-11-25', null, null, null, true]]);
    // Every key the answer has is described, and every described key is in the answer.
    assert.deepEqual(Object.keys(partial).sort(), [...schema.required].sort());
    assert.deepEqual(Object.keys((partial.notices as Json[])[0] ?? {}).sort(), [...noticeSchema.required].sort());

    // All posted: the dates of the appeal period are filled in.
    now = new Date('2026-11-26T10:00:00Z');
    for (const m of org.members.slice(1)) await t.services.publication.recordPosting(secretary.principal, noticeOf(m.id), { postedOn: '2026-11-26' });
    const full = assertMatchesSchema(JSON.parse((await client.get(`/api/v1/notice-boards/${bredby.slug}`)).body), 'all posted');
    assert.equal(full.municipality.slug, bredby.slug);
    assert.deepEqual(full.notices.map((n) => [n.postedOn, n.appealStartsOn, n.lastDayToAppeal, n.takeDownOn]), [['2026-11-26', '2026-11-26', '2026-12-17', '2026-12-18']]);

    // After the appeal period the notice is an earlier one, in the same shape.
    now = new Date('2026-12-18T09:00:00Z');
    const earlier = assertMatchesSchema(JSON.parse((await client.get(`/api/v1/notice-boards/${bredby.slug}`)).body), 'earlier');
    assert.deepEqual(earlier.notices.map((n) => n.current), [false]);

    // The schema can fail: an extra or a missing field is refused.
    assert.equal(ZApiNoticeBoard.safeParse({ ...full, extra: 1 }).success, false);
    const { keptAt: _kept, ...withoutKeptAt } = full.notices[0] ?? { keptAt: '' };
    assert.equal(ZApiNoticeBoard.safeParse({ ...full, notices: [withoutKeptAt] }).success, false);

    assert.equal((await client.get('/api/v1/notice-boards/finns-inte')).statusCode, 404);
  });

  test('every demo board answers the described shape', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    await loadDemo(t.services);
    const client = new TestClient(t.app);
    for (const m of DEMO_MUNICIPALITIES) {
      const response = await client.get(`/api/v1/notice-boards/${m.slug}`);
      assert.equal(response.statusCode, 200, m.slug);
      const board = assertMatchesSchema(JSON.parse(response.body), m.slug);
      assert.ok(board.notices.length > 0, `${m.slug} has notices`);
    }
  });
});
