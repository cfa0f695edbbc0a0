/**
 * The portfolio: projects, managed services and ongoing work (verksamhetsplan 2023, 4) with phase,
 * status, time plan and comment, and the status list the committee hears at its meetings (seed § 21).
 */
import * as write from './planning-write.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { type Principal, requirePrincipal } from '../../platform/auth/policy.js';
import { createAgendaService } from '../meetings/agenda/agenda.service.js';
import { meetingWhen } from '../meetings/agenda/agenda.service.js';
import * as repo from './planning.repository.js';
import { assertManage, mayManage, requireOwnCommittee, type PlanningDeps } from './planning-context.js';
import type { PlanService } from './plan.service.js';
import { PORTFOLIO_KINDS, ZPortfolioInput, ZStatusListInput, type TPortfolioInput } from './planning.schema.js';
import type { PortfolioItemRow } from './planning.tables.js';

const NOT_FOUND = { sv: 'Posten finns inte i portföljen.', en: 'The item is not in the portfolio.' };

export const STATUS_LIST_HEADING = 'Information om aktuella och pågående aktiviteter';

/** Swedish words for the status list that goes into the agenda (the agenda is in Swedish). */
const KIND_SV: Record<PortfolioItemRow['kind'], string> = { project: 'Projekt', managed_service: 'Förvaltning', ongoing: 'Löpande verksamhet' };
export const STATUS_SV: Record<PortfolioItemRow['status'], string> = { on_track: 'Enligt plan', at_risk: 'Risk för avvikelse', delayed: 'Försenad', paused: 'Pausad', done: 'Klar' };

/**
 * The status list as text for the agenda item, grouped like the business plan's section 4:
 * each item with "STATUS:", its phase, status, time plan and comment (seed § 21).
 */
export function statusListText(items: readonly PortfolioItemRow[], participantNames: (ids: string[]) => string[]): string {
  const blocks: string[] = [];
  for (const kind of PORTFOLIO_KINDS) {
    const own = items.filter((i) => i.kind === kind);
    if (own.length === 0) continue;
    blocks.push(KIND_SV[kind]);
    for (const i of own) {
      const facts = [i.phase && `Fas: ${i.phase}`, `Status: ${STATUS_SV[i.status]}`, i.timePlan && `Tidplan: ${i.timePlan}`].filter(Boolean).join(', ');
      const who = participantNames(i.participants);
      blocks.push([`• ${i.name}`, `STATUS: ${facts}`, i.comment && `  ${i.comment}`, who.length ? `  Deltagande kommuner: ${who.join(', ')}` : ''].filter(Boolean).join('\n'));
    }
  }
  return blocks.join('\n\n');
}

export function createPortfolioService(deps: PlanningDeps & { plans: PlanService }) {
  const db = deps.database.db;
  const { clock, plans } = deps;
  const agenda = createAgendaService(deps);

  async function own(principal: Principal | null, id: string) {
    requirePrincipal(principal, 'planning.manage');
    const row = await repo.findPortfolioItem(db, id);
    if (!row) throw notFound(NOT_FOUND);
    await requireOwnCommittee(db, principal, row.committeeId, NOT_FOUND);
    assertManage(principal, row.committeeId);
    return row;
  }

  async function checkLinks(committeeId: string, input: TPortfolioInput) {
    const municipalities = new Set((await repo.listMunicipalities(db, committeeId)).map((m) => m.id));
    const fieldErrors = [];
    if (input.participants.some((id) => !municipalities.has(id))) fieldErrors.push({ field: 'participants', message: { sv: 'Välj bland nämndens medlemskommuner.', en: "Choose among the committee's member municipalities." } });
    if (input.initiativeId && !(await repo.listInitiatives(db, committeeId)).some((i) => i.id === input.initiativeId)) {
      fieldErrors.push({ field: 'initiativeId', message: { sv: 'Välj en av nämndens samverkansinsatser.', en: "Choose one of the committee's initiatives." } });
    }
    if (fieldErrors.length) throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors });
  }

  const values = (input: TPortfolioInput) => ({
    kind: input.kind,
    name: input.name,
    phase: input.phase ?? '',
    status: input.status,
    timePlan: input.timePlan ?? '',
    comment: input.comment ?? '',
    initiativeId: input.initiativeId ?? null,
    participants: input.participants,
  });

  return {
    /** The portfolio with the names the pages need, and the planned meetings a status list can go to. */
    async view(principal: Principal | null, query: unknown) {
      const s = await plans.scope(principal, query);
      const [items, municipalities, initiatives] = [await repo.listPortfolio(db, s.committee.id), await repo.listMunicipalities(db, s.committee.id), await repo.listInitiatives(db, s.committee.id)];
      const bodyIds = (await repo.listBodiesOfKind(db, s.committee.id, 'committee')).map((b) => b.id);
      const planned = (await repo.listPlannedMeetings(db, bodyIds)).map((m) => ({ id: m.id, ...meetingWhen(m) }));
      return { ...s, items, municipalities, initiatives, planned, canManage: mayManage(principal, s.committee.id) };
    },

    find: own,

    async add(principal: Principal | null, query: unknown, raw: unknown): Promise<{ slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZPortfolioInput, raw);
      await checkLinks(s.committee.id, input);
      await db.transaction(async (tx) => {
        const position = (await repo.listPortfolio(tx, s.committee.id)).length + 1;
        const itemId = await write.insertPortfolioItem(tx, { committeeId: s.committee.id, position, ...values(input), createdAt: clock(), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.portfolio.add', entity: 'portfolio_item', entityId: itemId, after: values(input), organisationId: s.committee.id }, clock());
      });
      return { slug: s.committee.slug };
    },

    async update(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, id);
      const input = parseInput(ZPortfolioInput, raw);
      await checkLinks(before.committeeId, input);
      await db.transaction(async (tx) => {
        await write.updatePortfolioItem(tx, id, { ...values(input), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.portfolio.update', entity: 'portfolio_item', entityId: id, before: { name: before.name, phase: before.phase, status: before.status, timePlan: before.timePlan, comment: before.comment }, after: values(input), organisationId: before.committeeId }, clock());
      });
    },

    async remove(principal: Principal | null, id: string): Promise<void> {
      requirePrincipal(principal, 'planning.manage');
      const before = await own(principal, id);
      await db.transaction(async (tx) => {
        await write.deletePortfolioItem(tx, id);
        await recordAudit(tx, actorOf(principal), { action: 'planning.portfolio.remove', entity: 'portfolio_item', entityId: id, before: { kind: before.kind, name: before.name }, organisationId: before.committeeId }, clock());
      });
    },

    /**
     * Puts the status list on a planned meeting's agenda as an information item (seed § 21),
     * through the agenda service, which checks that this user may plan that meeting.
     */
    async addStatusListToAgenda(principal: Principal | null, query: unknown, raw: unknown): Promise<{ meetingId: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const { meetingId } = parseInput(ZStatusListInput, raw);
      const bodyIds = (await repo.listBodiesOfKind(db, s.committee.id, 'committee')).map((b) => b.id);
      if (!(await repo.listPlannedMeetings(db, bodyIds)).some((m) => m.id === meetingId)) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field: 'meetingId', message: { sv: 'Välj ett av nämndens planerade sammanträden.', en: "Choose one of the committee's planned meetings." } }] });
      }
      const items = await repo.listPortfolio(db, s.committee.id);
      const names = new Map((await repo.listMunicipalities(db, s.committee.id)).map((m) => [m.id, m.name]));
      const summary = `Inom ramen för nämnden pågår aktiviteter som utgår från en beslutad verksamhetsplan. Nedan följer en kort status för varje.\n\n${statusListText(items, (ids) => ids.map((id) => names.get(id) ?? ''))}`;
      await agenda.addItem(principal, meetingId, { kind: 'information', heading: STATUS_LIST_HEADING, summary, proposal: 'Nämnden beslutar att lägga informationen till handlingarna.', documentIds: [], otherHids: '' });
      return { meetingId };
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
