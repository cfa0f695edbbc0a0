/**
 * The members' meeting page reads everything in one statement (`findMeetingPage`). This property
 * test compares it, on random meetings, bodies and readers, with the page as it was built before
 * from one query per part (meeting, body, cooperation scope, agenda, case numbers, annual cycle):
 * the same answer, or the same refusal, every time.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { buildCommittee, createTestApp, type TestContext } from '../../../../test/support/app.js';
import { agendaItems, annualCycleItems, meetings } from '../meetings.tables.js';
import { bodies } from '../../organisation/organisation.tables.js';
import { cases } from '../../registry/registry.tables.js';
import { swedishDate } from '../../../platform/clock.js';
import { compareDates } from '../../../domain/calendar-date.js';
import { formatCaseNumber } from '../../../domain/case-number.js';
import { isNoticeLate, noticeDeadline } from '../../../domain/notice.js';
import { assertCan, can, scopeOf, type Principal, type Role } from '../../../platform/auth/policy.js';
import { cooperationScope } from '../../organisation/scope.js';
import * as shared from '../meetings.repository.js';
import { listCycleItems } from './schedule.repository.js';
import { presentMeeting } from './schedule.service.js';
import { annualCycleStatus } from './annual-cycle.js';

const NOW = new Date('2024-03-01T09:00:00Z');
const HEADINGS = ['Verksamhetsplan 2025', 'Internkontrollplan', 'Ekonomisk rapport', 'Delårsrapport', 'Personalärende', 'Val av justerare'];
const ROLES: Role[] = ['member', 'secretary', 'chair', 'registrar', 'auditor'];

describe('the meeting page in one statement answers as the page built part by part did', () => {
  let t: TestContext;
  let ours: Awaited<ReturnType<typeof buildCommittee>>;
  let theirs: Awaited<ReturnType<typeof buildCommittee>>;
  let municipalityBody = '';
  const db = () => t.services.database.db;

  before(async () => {
    t = await createTestApp({ clock: () => NOW });
    ours = await buildCommittee(t.services, { name: 'Vår nämnd' });
    theirs = await buildCommittee(t.services, { name: 'Annan nämnd' });
    // A body owned by a member municipality: its readers are found through the municipality's committee.
    const [body] = await db().insert(bodies).values({ organisationId: ours.municipality.id, kind: 'committee', name: 'Kommunens utskott', slug: `utskott-${process.pid}` }).returning();
    municipalityBody = body?.id ?? '';
  });
  after(() => t.close());

  /** The page as schedule.overview built it before findMeetingPage. */
  async function reference(principal: Principal | null, id: string) {
    const row = await shared.findMeeting(db(), id);
    if (!row) return { refused: 'NOT_FOUND' };
    const body = await shared.findBody(db(), row.bodyId);
    if (!body) return { refused: 'NOT_FOUND' };
    try {
      assertCan(principal, 'meeting.read', await cooperationScope(db(), body.organisationId));
    } catch {
      return { refused: 'FORBIDDEN' };
    }
    const scope = scopeOf([body.organisationId]);
    const meeting = presentMeeting(row, body);
    const [items, cycleItems] = await Promise.all([shared.listItems(db(), id), listCycleItems(db(), body.id)]);
    const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
    const caseRows = caseIds.length ? await db().select().from(cases).where(inArray(cases.id, caseIds)) : [];
    const caseNumbers = new Map(caseRows.map((c) => [c.id, formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode })]));
    const canReadSecret = can(principal, 'registry.readSecret', scope);
    const deadline = noticeDeadline({ meetingDate: meeting.date, noticeDays: body.noticeDays });
    return {
      meeting,
      body,
      agenda: items.map((i) => ({ id: i.id, position: i.position, kind: i.kind, heading: i.isSecret && !canReadSecret ? undefined : i.heading, caseNumber: i.caseId ? caseNumbers.get(i.caseId) : undefined, origin: i.origin })),
      notice: {
        deadline,
        sentOn: meeting.noticeSentOn,
        late: meeting.noticeSentOn ? isNoticeLate({ meetingDate: meeting.date, noticeDays: body.noticeDays, sentOn: meeting.noticeSentOn }) : false,
        lateReason: row.noticeLateReason,
        overdue: !meeting.noticeSentOn && meeting.status === 'planned' && compareDates(swedishDate(NOW), deadline) > 0,
      },
      annualCycle: annualCycleStatus({ cycleItems, month: Number(meeting.date.slice(5, 7)), agendaItemHeadings: items.map((i) => i.heading) }),
      canPlan: can(principal, 'meeting.plan', scope),
      canRun: can(principal, 'meeting.run', scope),
    };
  }

  async function current(principal: Principal | null, id: string) {
    try {
      return await t.services.schedule.overview(principal, id);
    } catch (error) {
      return { refused: (error as { code?: string }).code ?? String(error) };
    }
  }

  const item = fc.record({
    heading: fc.constantFrom(...HEADINGS),
    kind: fc.constantFrom('decision' as const, 'information' as const, 'election' as const),
    isSecret: fc.boolean(),
    withCase: fc.boolean(),
    origin: fc.constantFrom(null, 'seed' as const, 'demo' as const),
  });
  const meeting = fc.record({
    body: fc.constantFrom('committee', 'municipality', 'other'),
    month: fc.integer({ min: 1, max: 12 }),
    status: fc.constantFrom('planned' as const, 'open' as const, 'closed' as const, 'cancelled' as const),
    noticeSent: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    items: fc.array(item, { maxLength: 6 }),
    cycle: fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), title: fc.constantFrom(...HEADINGS), matchWords: fc.subarray(['plan', 'rapport', 'kontroll', 'val']) }), { maxLength: 4 }),
  });
  const reader = fc.option(fc.record({ where: fc.constantFrom('committee', 'municipality', 'other'), roles: fc.subarray(ROLES, { minLength: 1 }) }), { nil: null });

  test('the same page or the same refusal for random meetings and readers', async () => {
    let caseNumber = 0;
    await fc.assert(
      fc.asyncProperty(meeting, reader, async (m, r) => {
        const bodyId = { committee: ours.body.id, municipality: municipalityBody, other: theirs.body.id }[m.body];
        const startsAt = new Date(Date.UTC(2024, m.month - 1, 15, 8, 0));
        const [row] = await db()
          .insert(meetings)
          .values({ bodyId, startsAt, place: 'Sal A', status: m.status, noticeSentAt: m.noticeSent ? new Date(startsAt.getTime() - m.noticeSent * 86_400_000) : null })
          .returning();
        const id = row?.id ?? '';
        for (const [position, it] of m.items.entries()) {
          caseNumber += 1;
          const [c] = it.withCase
            ? await db().insert(cases).values({ organisationId: ours.committee.id, year: 2024, number: caseNumber, classificationCode: '1.2', title: it.heading, openedOn: '2024-01-02' }).returning()
            : [];
          // Positions out of insertion order: the page shows them in agenda order.
          await db().insert(agendaItems).values({ meetingId: id, position: m.items.length - position, heading: it.heading, kind: it.kind, isSecret: it.isSecret, caseId: c?.id ?? null, origin: it.origin });
        }
        await db().delete(annualCycleItems);
        if (m.cycle.length) await db().insert(annualCycleItems).values(m.cycle.map((c) => ({ bodyId, month: c.month, title: c.title, matchWords: c.matchWords })));
        const organisationId = r ? { committee: ours.committee.id, municipality: ours.municipality.id, other: theirs.committee.id }[r.where] : '';
        const principal: Principal | null = r ? { userId: '00000000-0000-4000-8000-000000000001', email: 'l@example.se', name: 'Läsare', grants: r.roles.map((role) => ({ organisationId, role })) } : null;
        assert.deepEqual(await current(principal, id), await reference(principal, id));
      }),
      { numRuns: 40 },
    );
    const missing = '00000000-0000-4000-8000-0000000000ff';
    assert.deepEqual(await current(null, missing), { refused: 'NOT_FOUND' });
  });
});
