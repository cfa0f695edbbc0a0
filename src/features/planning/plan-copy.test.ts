/**
 * The business plan of a new year starts as a copy of the last: the form offers "Kopiera från <N-1>"
 * by default, the copy takes sections, goals and indicators with targets but no follow-ups, editions
 * or decision, and a plan already there is never overwritten without the secretary's confirmation.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { businessPlans, indicatorFollowups } from '../../tables.js';
import type { Principal } from '../../platform/auth/policy.js';

describe('business plan of a new year as a copy of the last', () => {
  let t: TestContext;
  let committeeId = '';
  let committeeSlug = '';
  let secretary: { email: string; id: string };
  let principal: Principal;
  let client: TestClient;

  const plan = (year: number) => t.services.planning.plans.get(principal, { ar: String(year) });

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2023-11-20T10:00:00Z') });
    const built = await buildCommittee(t.services);
    committeeId = built.committee.id;
    committeeSlug = built.committee.slug;
    secretary = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    principal = { userId: secretary.id, email: secretary.email, name: 'S', grants: [{ organisationId: committeeId, role: 'secretary' }] };
    client = new TestClient(t.app);
    await client.signIn(secretary.email);

    // Last year's plan, adopted, with an edition, a goal with two indicators and a recorded follow-up.
    const first = await client.get('/planering/verksamhetsplan?ar=2023');
    assert.doesNotMatch(first.body, /Kopiera från/, 'nothing to copy for the first plan');
    assert.match(first.body, /Det finns ingen verksamhetsplan för 2022 att kopiera/);
    assert.equal((await client.post('/planering/verksamhetsplan/ny?ar=2023')).statusCode, 302);
    const id = (await plan(2023)).loaded?.plan.id ?? '';
    await client.post(`/planering/verksamhetsplan/${id}/utgava`, { edition: '7', editedOn: '2022-12-14' });
    await client.post(`/planering/verksamhetsplan/${id}/mal`, { title: 'Minst fyra sammanträden', description: 'Enligt reglementet' });
    const goalId = (await plan(2023)).loaded?.goals[0]?.goal.id ?? '';
    assert.equal((await client.post(`/planering/mal/${goalId}/indikator`, { name: 'Sammanträden', measure: 'committee_meetings', targetText: 'minst 4', minimum: '4' })).statusCode, 302);
    assert.equal((await client.post(`/planering/mal/${goalId}/indikator`, { name: 'Nöjdhet', measure: 'manual', target: '75', unit: '%' })).statusCode, 302);
    const manual = (await plan(2023)).loaded?.goals[0]?.indicators[1]?.id ?? '';
    await t.services.database.db.insert(indicatorFollowups).values({ indicatorId: manual, year: 2023, tertial: 2, value: '71', status: 'at_risk', comment: 'Enkäten' });
    const edit = await client.post(`/planering/verksamhetsplan/${id}/andra`, { title: 'Verksamhetsplan 2023 för e-nämnden', status: 'adopted', purpose: 'Nämnden ska samordna e-tjänster.', economy: 'Budgeten fördelas efter invånarantal.' });
    assert.equal(edit.statusCode, 302);
  });
  after(() => t.close());

  test('the form for a new year offers "Kopiera från" last year, checked', async () => {
    const page = await client.get('/planering/verksamhetsplan?ar=2024');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<input type="radio" name="source" value="copy" checked[^>]*\/?> Kopiera från 2023/);
    assert.match(page.body, /<input type="radio" name="source" value="empty"\s*\/?> Börja med en tom plan/);
  });

  test('the copy is a draft with last year\'s texts, goals and targets, without follow-ups, editions or decision', async () => {
    const r = await client.post('/planering/verksamhetsplan/ny?ar=2024', { source: 'copy' });
    assert.equal(r.statusCode, 302);
    const old = (await plan(2023)).loaded;
    const copy = (await plan(2024)).loaded;
    assert.ok(old && copy);
    assert.notEqual(copy.plan.id, old.plan.id);
    assert.equal(copy.plan.title, 'Verksamhetsplan 2024 för e-nämnden');
    assert.equal(copy.plan.status, 'draft');
    assert.equal(copy.plan.paragraphId, null);
    assert.deepEqual(copy.plan.sections, old.plan.sections);
    assert.equal(copy.editions.length, 0, 'the edition history belongs to last year\'s plan');
    const shape = (p: typeof old) => p.goals.map(({ goal, indicators }) => ({ title: goal.title, description: goal.description, indicators: indicators.map((i) => [i.name, i.measure, i.targetText, i.target, i.minimum, i.maximum, i.unit]) }));
    assert.deepEqual(shape(copy), shape(old));
    const newIds = copy.goals.flatMap((g) => g.indicators.map((i) => i.id));
    const oldIds = old.goals.flatMap((g) => g.indicators.map((i) => i.id));
    assert.equal(newIds.filter((i) => oldIds.includes(i)).length, 0, 'new indicator rows');
    assert.equal((await t.services.database.db.select().from(indicatorFollowups).where(inArray(indicatorFollowups.indicatorId, newIds))).length, 0);
    assert.equal((await t.services.database.db.select().from(indicatorFollowups).where(inArray(indicatorFollowups.indicatorId, oldIds))).length, 1, 'last year keeps its follow-up');
    const page = await client.get('/planering/verksamhetsplan?ar=2024');
    assert.match(page.body, /kopia av planen för 2023/);
    assert.match(page.body, /Nämnden ska samordna e-tjänster\./);

    // Editing the copy leaves last year's plan as it was.
    await client.post(`/planering/verksamhetsplan/${copy.plan.id}/andra`, { title: copy.plan.title, status: 'draft', purpose: 'Nytt syfte 2024.' });
    assert.equal((await plan(2023)).loaded?.plan.sections.purpose, 'Nämnden ska samordna e-tjänster.');
  });

  test('a plan already there is not overwritten: a confirmation first, and only a draft can be replaced', async () => {
    const before = (await plan(2024)).loaded;
    assert.ok(before);
    const asked = await client.post('/planering/verksamhetsplan/ny?ar=2024', { source: 'empty' });
    assert.equal(asked.statusCode, 409);
    assert.match(asked.body, /Det finns redan en verksamhetsplan för 2024 \(utkast/);
    assert.match(asked.body, /name="replace" value="yes"/);
    const still = (await plan(2024)).loaded;
    assert.equal(still?.plan.id, before.plan.id);
    assert.equal(still?.plan.sections.purpose, 'Nytt syfte 2024.', 'nothing changed before the confirmation');
    assert.match((await client.get('/planering/verksamhetsplan/ny?ar=2024')).body, /Ersätt planen för 2024/);

    const replaced = await client.post('/planering/verksamhetsplan/ny?ar=2024', { source: 'empty', replace: 'yes' });
    assert.equal(replaced.statusCode, 302);
    const fresh = (await plan(2024)).loaded;
    assert.notEqual(fresh?.plan.id, before.plan.id);
    assert.equal(fresh?.goals.length, 0);
    assert.deepEqual(fresh?.plan.sections, {});

    // The adopted plan of 2023 is the committee's record: not replaced even when confirmed.
    const refused = await client.post('/planering/verksamhetsplan/ny?ar=2023', { source: 'empty', replace: 'yes' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /är antagen och kan inte ersättas/);
    assert.equal((await plan(2023)).loaded?.goals.length, 1);
  });

  test('copy asked for with no plan the year before is refused clearly; another committee\'s secretary cannot create', async () => {
    const r = await client.post('/planering/verksamhetsplan/ny?ar=2030', { source: 'copy' });
    assert.equal(r.statusCode, 409);
    assert.match(r.body, /Det finns ingen verksamhetsplan för 2029 att kopiera/);
    assert.equal((await t.services.database.db.select().from(businessPlans).where(eq(businessPlans.year, 2030))).length, 0);

    const other = await buildCommittee(t.services, { name: 'Annan nämnd' });
    const outsider = await buildUser(t.services, { organisationId: other.committee.id, roles: ['secretary'] });
    const theirs = new TestClient(t.app);
    await theirs.signIn(outsider.email);
    // Naming our committee gets them no further than their own: the plan, if any, is theirs.
    await theirs.post(`/planering/verksamhetsplan/ny?ar=2025&namnd=${committeeSlug}`, { source: 'empty' });
    const of2025 = await t.services.database.db.select().from(businessPlans).where(eq(businessPlans.year, 2025));
    assert.deepEqual(of2025.map((p) => p.committeeId), [other.committee.id]);
  });
});
