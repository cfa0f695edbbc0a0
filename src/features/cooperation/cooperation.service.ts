import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { evaluatePhaseGate, recorderOf } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, requirePrincipal, type Principal } from '../../platform/auth/policy.js';
import { cooperationScope, listOrganisationRefs, visibleOrganisationIds } from '../organisation/scope.js';
import { findCase, findDocumentByNumber } from '../registry/registry.repository.js';
import type { AgendaService } from '../meetings/agenda/agenda.service.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import * as repo from './cooperation.repository.js';
import { ZInitiativeInput, ZPhasePlan, ZRecordDecision, ZStatusListItem, ZStopInitiative, type TInitiativeInput } from './cooperation.schema.js';
import { closePhaseRow, ensureCells, openPhase, writeDecision } from './cooperation.write.js';
import { deadlineOf, loadInitiative, membersOf, phaseViews, templatePhase, type LoadedInitiative } from './cooperation.model.js';
import { buildStatusList, STATUS_LIST_HEADING } from './status-list.js';
import { createReminders } from './reminders.js';
import type { InitiativeDecisionRow, InitiativeRow } from './cooperation.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const INITIATIVE_NOT_FOUND = { sv: 'Initiativet finns inte.', en: 'The initiative does not exist.' };
const CELL_NOT_FOUND = { sv: 'Beslutet finns inte.', en: 'The decision does not exist.' };
const STOPPED = { sv: 'Initiativet är stoppat; inga fler beslut registreras.', en: 'The initiative is stopped; no more decisions are recorded.' };
const NOT_ACTIVE = { sv: 'Initiativet är inte aktivt.', en: 'The initiative is not active.' };

const invalidField = (field: string, message: { sv: string; en: string }) => new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field, message }] });

export function createCooperationService(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer; agenda: AgendaService }) {
  const db = deps.database.db;
  const { clock } = deps;
  const year = () => Number(swedishDate(clock()).slice(0, 4));

  async function requireInitiative(tx: Db, id: string) {
    const row = await repo.findInitiative(tx, id);
    if (!row) throw notFound(INITIATIVE_NOT_FOUND);
    return row;
  }

  async function load(id: string): Promise<LoadedInitiative> {
    return loadInitiative(db, await requireInitiative(db, id), year());
  }

  /** The committee a manager acts for: the one named, or the only one they may manage. */
  async function committeeFor(principal: Principal | null, slug?: string) {
    const committees = (await repo.listOrganisations(db)).filter((o) => o.kind === 'committee');
    const chosen = committees.find((c) => (slug ? c.slug === slug : can(principal, 'cooperation.manage', [c.id])));
    if (!chosen) throw notFound({ sv: 'Nämnden finns inte.', en: 'The committee does not exist.' });
    return chosen;
  }

  async function validateInitiative(input: TInitiativeInput, committeeId: string) {
    const orgs = await repo.listOrganisations(db);
    if (input.procuringOrganisationId && !membersOf(orgs, committeeId).some((m) => m.id === input.procuringOrganisationId)) {
      throw invalidField('procuringOrganisationId', { sv: 'Den upphandlande kommunen måste vara medlem i nämnden.', en: 'The procuring municipality must be a member of the committee.' });
    }
    if (input.caseId && (await findCase(db, input.caseId))?.organisationId !== committeeId) {
      throw invalidField('caseId', { sv: 'Ärendet finns inte i nämndens diarium.', en: "The case is not in the committee's registry." });
    }
    const allocationKey = input.allocationKind === 'mixed' ? { kind: 'mixed', flatSharePercent: input.flatSharePercent ?? 0 } : { kind: input.allocationKind };
    return { name: input.name, description: input.description ?? '', procuringOrganisationId: input.procuringOrganisationId ?? null, caseId: input.caseId ?? null, allocationKey };
  }

  /** May this principal record the cell? Only the municipality itself, or the committee's staff for the committee's cells. */
  function mayRecord(principal: Principal | null, model: Pick<LoadedInitiative, 'template' | 'committee'>, cell: InitiativeDecisionRow): boolean {
    const decision = templatePhase(model, cell.phaseKey)?.decisions.find((d) => d.key === cell.decisionKey);
    if (!decision) return false;
    return recorderOf(decision.by) === 'municipality' ? can(principal, 'cooperation.recordDecision', [cell.organisationId]) : can(principal, 'cooperation.manage', [model.committee.id]);
  }

  const reminders = createReminders({ db, clock, mailer: deps.mailer, config: deps.config });

  return {
    mayRecord,
    sendDueReminders: reminders.sendDueReminders,

    async listInitiatives(principal: Principal | null) {
      requirePrincipal(principal, 'cooperation.read');
      const visible = visibleOrganisationIds(principal, await listOrganisationRefs(db));
      const rows = (await repo.listInitiatives(db)).filter((r) => visible.has(r.committeeId));
      const models = await Promise.all(rows.map((r) => loadInitiative(db, r, year())));
      return models.map((m) => ({ model: m, phases: phaseViews(m), canManage: can(principal, 'cooperation.manage', [m.committee.id]) }));
    },

    async getInitiative(principal: Principal | null, id: string) {
      const model = await load(id);
      assertCan(principal, 'cooperation.read', await cooperationScope(db, model.committee.id));
      const stop = model.initiative.status === 'stopped' ? await repo.findStopEntry(db, id) : undefined;
      const stopReason = stop && typeof stop.after === 'object' && stop.after !== null && 'reason' in stop.after ? String((stop.after as { reason: unknown }).reason) : undefined;
      const canManage = can(principal, 'cooperation.manage', [model.committee.id]);
      // The reminders to the municipalities and how their e-mails went: for those who run the initiative.
      const sent = canManage ? await reminders.remindersOf(model.cells.map((c) => c.id)) : [];
      return { model, phases: phaseViews(model), stop: stop ? { at: stop.at, reason: stopReason ?? '' } : undefined, canManage, reminders: sent };
    },

    /** One cell with its full history, and whether this user may record it. */
    async getCell(principal: Principal | null, cellId: string) {
      const cell = await repo.findCell(db, cellId);
      if (!cell) throw notFound(CELL_NOT_FOUND);
      const model = await load(cell.initiativeId);
      assertCan(principal, 'cooperation.read', await cooperationScope(db, model.committee.id));
      const paragraphs = mayRecord(principal, model, cell) ? await repo.listNumberedParagraphs(db, model.committee.id) : [];
      const paragraph = cell.protocolParagraphId ? await repo.findParagraph(db, cell.protocolParagraphId) : undefined;
      return { model, cell, history: await repo.listHistory(db, cell.id), canRecord: mayRecord(principal, model, cell) && model.initiative.status !== 'stopped', paragraphs, paragraph };
    },

    /** Pending decisions of one municipality in the open phases of active initiatives. */
    async pendingFor(principal: Principal | null, municipalitySlug: string) {
      const orgs = await repo.listOrganisations(db);
      const municipality = orgs.find((o) => o.slug === municipalitySlug && o.kind === 'municipality');
      if (!municipality) throw notFound({ sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' });
      assertCan(principal, 'cooperation.read', await cooperationScope(db, municipality.id));
      const rows = (await repo.listInitiatives(db)).filter((r) => r.status === 'active' && r.committeeId === municipality.committeeId);
      const out: { model: LoadedInitiative; cell: InitiativeDecisionRow; canRecord: boolean }[] = [];
      for (const row of rows) {
        const model = await loadInitiative(db, row, year());
        const open = model.phases.find((p) => p.closedAt === null);
        for (const cell of model.cells) {
          if (cell.organisationId === municipality.id && cell.status === 'pending' && cell.phaseKey === open?.phaseKey) out.push({ model, cell, canRecord: mayRecord(principal, model, cell) });
        }
      }
      return { municipality, items: out };
    },

    /**
     * "Att göra": the pending decisions of the open phases that this person records for a member
     * municipality (registrar or preparation-group official of that municipality), across the
     * committees' active initiatives; never another municipality's.
     */
    async myPendingDecisions(principal: Principal | null) {
      if (!principal) return [];
      const municipalities = new Set(principal.grants.filter((g) => g.role === 'registrar' || g.role === 'preparation_official').map((g) => g.organisationId));
      if (municipalities.size === 0) return [];
      const orgs = await repo.listOrganisations(db);
      const out: { model: LoadedInitiative; cell: InitiativeDecisionRow; municipality: OrganisationRow; deadline: string | null; decisionLabel: { sv: string; en: string } }[] = [];
      for (const row of (await repo.listInitiatives(db)).filter((r) => r.status === 'active')) {
        const model = await loadInitiative(db, row, year());
        const open = model.phases.find((p) => p.closedAt === null);
        for (const cell of model.cells) {
          if (cell.status !== 'pending' || cell.phaseKey !== open?.phaseKey || !municipalities.has(cell.organisationId) || cell.organisationId === model.committee.id) continue;
          const decision = templatePhase(model, cell.phaseKey)?.decisions.find((d) => d.key === cell.decisionKey);
          const municipality = orgs.find((o) => o.id === cell.organisationId);
          if (!decision || !municipality || recorderOf(decision.by) !== 'municipality' || !mayRecord(principal, model, cell)) continue;
          out.push({ model, cell, municipality, deadline: deadlineOf(model, cell), decisionLabel: decision.label });
        }
      }
      return out;
    },

    /** The municipalities this user holds a role in (for "Att besluta"). */
    async municipalitiesOf(principal: Principal | null) {
      requirePrincipal(principal, 'cooperation.read');
      const visible = visibleOrganisationIds(principal, await listOrganisationRefs(db));
      const orgs = (await repo.listOrganisations(db)).filter((o) => visible.has(o.id));
      const mine = new Set(principal.grants.map((g) => g.organisationId));
      const municipalities = orgs.filter((o) => o.kind === 'municipality');
      return { mine: municipalities.filter((o) => mine.has(o.id)), all: municipalities.sort((a, b) => new Intl.Collator('sv').compare(a.name, b.name)) };
    },

    async formOptions(principal: Principal | null) {
      requirePrincipal(principal, 'cooperation.read');
      const committee = await committeeFor(principal).catch(() => undefined);
      const orgs = await repo.listOrganisations(db);
      return { canManage: Boolean(committee), municipalities: committee ? membersOf(orgs, committee.id) : [], meetings: committee ? await repo.listPlannedMeetings(db, committee.id, clock()) : [] };
    },

    async createInitiative(principal: Principal | null, raw: unknown, committeeSlug?: string): Promise<InitiativeRow> {
      const committee = await committeeFor(principal, committeeSlug);
      assertCan(principal, 'cooperation.manage', [committee.id]);
      const values = await validateInitiative(parseInput(ZInitiativeInput, raw), committee.id);
      const actor = actorOf(principal);
      return db.transaction(async (tx) => {
        const template = await repo.ensureDefaultTemplate(tx, committee.id);
        const first = template.phases[0];
        if (!first) throw new Error('empty template');
        const row = await repo.insertInitiative(tx, { committeeId: committee.id, templateId: template.id, phaseKey: first.key, ...values });
        await recordAudit(tx, actor, { action: 'initiative.create', entity: 'initiative', entityId: row.id, after: values, organisationId: committee.id }, clock());
        const municipalityIds = membersOf(await repo.listOrganisations(tx), committee.id).map((m) => m.id);
        await openPhase(tx, { initiative: row, phase: first, position: 0, municipalityIds, actor, at: clock() });
        return row;
      });
    },

    async updateInitiative(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const before = await requireInitiative(db, id);
      assertCan(principal, 'cooperation.manage', [before.committeeId]);
      const values = await validateInitiative(parseInput(ZInitiativeInput, raw), before.committeeId);
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        const locked = await repo.lockInitiative(tx, id);
        if (!locked) throw notFound(INITIATIVE_NOT_FOUND);
        await repo.updateInitiative(tx, id, { ...values, updatedAt: clock() });
        await recordAudit(tx, actor, { action: 'initiative.update', entity: 'initiative', entityId: id, before: { name: locked.name, procuringOrganisationId: locked.procuringOrganisationId, allocationKey: locked.allocationKey }, after: values, organisationId: locked.committeeId }, clock());
        // A new procuring municipality gets its cells in the open phase.
        const open = await repo.openPhase(tx, id);
        const template = await repo.findTemplate(tx, locked.templateId);
        const phase = open && template?.phases.find((p) => p.key === open.phaseKey);
        if (open && phase) await ensureCells(tx, { initiative: { ...locked, ...values }, phase, municipalityIds: membersOf(await repo.listOrganisations(tx), locked.committeeId).map((m) => m.id), deadline: open.decisionDeadline, actor, at: clock() });
      });
    },

    /** Budget and decision deadline of the open phase. */
    async planPhase(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const initiative = await requireInitiative(db, id);
      assertCan(principal, 'cooperation.manage', [initiative.committeeId]);
      const input = parseInput(ZPhasePlan, raw);
      await db.transaction(async (tx) => {
        await repo.lockInitiative(tx, id);
        const open = await repo.openPhase(tx, id);
        if (!open) throw conflict(NOT_ACTIVE);
        // The committee's own budget and deadline: real data, also where the demo had invented them (origin).
        await repo.updatePhase(tx, open.id, { budget: input.budget, decisionDeadline: input.decisionDeadline ?? null, updatedAt: clock(), origin: null });
        await recordAudit(tx, actorOf(principal), { action: 'initiative.phase.plan', entity: 'initiative', entityId: id, before: { phase: open.phaseKey, budget: open.budget, decisionDeadline: open.decisionDeadline }, after: { phase: open.phaseKey, ...input }, organisationId: initiative.committeeId }, clock());
      });
    },

    /**
     * Record one cell. A municipality's decision only by that municipality's own registrar or
     * preparation official (the policy scope is the municipality alone, never the committee);
     * the committee's and its groups' decisions only by the committee's coordinator or secretary.
     */
    async recordDecision(principal: Principal | null, cellId: string, raw: unknown): Promise<void> {
      const cell = await repo.findCell(db, cellId);
      if (!cell) throw notFound(CELL_NOT_FOUND);
      const initiative = await requireInitiative(db, cell.initiativeId);
      const template = await repo.findTemplate(db, initiative.templateId);
      const decision = template?.phases.find((p) => p.key === cell.phaseKey)?.decisions.find((d) => d.key === cell.decisionKey);
      if (!decision) throw notFound(CELL_NOT_FOUND);
      const byMunicipality = recorderOf(decision.by) === 'municipality';
      if (byMunicipality) assertCan(principal, 'cooperation.recordDecision', [cell.organisationId]);
      else assertCan(principal, 'cooperation.manage', [initiative.committeeId]);
      const input = parseInput(ZRecordDecision, raw);
      if (initiative.status === 'stopped') throw conflict(STOPPED);
      let documentId: string | null = null;
      if (input.documentHid) {
        const [y = 0, n = 0] = input.documentHid.split('.').map(Number);
        const doc = (await findDocumentByNumber(db, cell.organisationId, y, n)) ?? (await findDocumentByNumber(db, initiative.committeeId, y, n));
        if (!doc) throw invalidField('documentHid', { sv: `Handlingen ${input.documentHid} finns inte i diariet.`, en: `Document ${input.documentHid} is not in the registry.` });
        documentId = doc.id;
      }
      let paragraphLabel: string | null = null;
      if (input.protocolParagraphId) {
        const paragraph = byMunicipality ? undefined : await repo.findParagraph(db, input.protocolParagraphId);
        if (paragraph?.committeeId !== initiative.committeeId) throw invalidField('protocolParagraphId', { sv: 'Paragrafen finns inte i nämndens protokoll.', en: "The paragraph is not in the committee's protocols." });
        paragraphLabel = `§ ${paragraph.number ?? ''} ${paragraph.year}`;
      }
      if (decision.key === 'fullmakt' && input.status === 'yes' && !initiative.procuringOrganisationId) {
        throw invalidField('status', { sv: 'Ange först vilken kommun som upphandlar: fullmakten ges till den.', en: 'First name the procuring municipality: the power of attorney is given to it.' });
      }
      const value = {
        status: input.status,
        decidingBody: input.decidingBody ?? '',
        decidedOn: input.decidedOn ?? null,
        paragraph: input.paragraph ?? '',
        documentId,
        protocolParagraphId: byMunicipality ? null : (input.protocolParagraphId ?? null),
        link: input.link ?? '',
        note: input.note ?? '',
      };
      await db.transaction(async (tx) => {
        const locked = await repo.lockInitiative(tx, initiative.id);
        const current = await repo.findCell(tx, cellId);
        if (!locked || !current) throw notFound(CELL_NOT_FOUND);
        await writeDecision(tx, { initiative: locked, cell: current, value, labels: { documentHid: input.documentHid ?? null, protocolParagraph: paragraphLabel }, actor: actorOf(principal), at: clock() });
      });
    },

    /** Close the open phase when its gate allows: participants fixed, the next phase opened. */
    async closePhase(principal: Principal | null, id: string): Promise<{ next: string | null; participantIds: readonly string[] }> {
      const initiative = await requireInitiative(db, id);
      assertCan(principal, 'cooperation.manage', [initiative.committeeId]);
      const actor = actorOf(principal);
      return db.transaction(async (tx) => {
        const locked = await repo.lockInitiative(tx, id);
        if (!locked) throw notFound(INITIATIVE_NOT_FOUND);
        if (locked.status !== 'active') throw conflict(NOT_ACTIVE);
        const model = await loadInitiative(tx, locked, year());
        const views = phaseViews(model);
        const open = views.find((v) => v.isOpen);
        if (!open) throw conflict(NOT_ACTIVE);
        const previous = views[views.indexOf(open) - 1]?.participantIds ?? [];
        const gate = evaluatePhaseGate({ decisions: open.template.decisions, cells: model.cells.filter((c) => c.phaseKey === open.row.phaseKey), committeeId: model.committee.id, procuringOrganisationId: locked.procuringOrganisationId, previousParticipantIds: previous });
        if (!gate.canClose) throw conflict({ sv: 'Fasen kan inte stängas ännu: beslut saknas. Se vad som saknas under Grind.', en: 'The phase cannot be closed yet: decisions are missing. See what is missing under Gate.' });
        const index = model.template.phases.findIndex((p) => p.key === open.row.phaseKey);
        const next = model.template.phases[index + 1];
        await closePhaseRow(tx, { initiative: locked, phase: open.row, participantIds: gate.participantIds, actor, at: clock(), next: next?.key ?? null });
        if (next) await openPhase(tx, { initiative: locked, phase: next, position: open.row.position + 1, municipalityIds: model.municipalities.map((m) => m.id), actor, at: clock() });
        return { next: next?.key ?? null, participantIds: gate.participantIds };
      });
    },

    async stopInitiative(principal: Principal | null, id: string, raw: unknown): Promise<void> {
      const initiative = await requireInitiative(db, id);
      assertCan(principal, 'cooperation.manage', [initiative.committeeId]);
      const { reason } = parseInput(ZStopInitiative, raw);
      await db.transaction(async (tx) => {
        const locked = await repo.lockInitiative(tx, id);
        if (locked?.status !== 'active') throw conflict(NOT_ACTIVE);
        await repo.updateInitiative(tx, id, { status: 'stopped', updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'initiative.stop', entity: 'initiative', entityId: id, before: { status: locked.status, phase: locked.phaseKey }, after: { status: 'stopped', reason }, organisationId: initiative.committeeId }, clock());
      });
    },

    /** Seed § 21: the status of every initiative as an information item on a planned meeting's agenda. */
    async addStatusListToMeeting(principal: Principal | null, raw: unknown) {
      const committee = await committeeFor(principal);
      assertCan(principal, 'cooperation.manage', [committee.id]);
      const { meetingId } = parseInput(ZStatusListItem, raw);
      const planned = await repo.listPlannedMeetings(db, committee.id, clock());
      if (!planned.some((m) => m.id === meetingId)) throw invalidField('meetingId', { sv: 'Välj ett planerat sammanträde.', en: 'Choose a planned meeting.' });
      const models = await Promise.all((await repo.listInitiatives(db)).filter((r) => r.committeeId === committee.id).map((r) => loadInitiative(db, r, year())));
      const summary = buildStatusList(models);
      return deps.agenda.addItem(principal, meetingId, { kind: 'information', heading: STATUS_LIST_HEADING, summary, proposal: 'Nämnden beslutar att lägga informationen till handlingarna.' });
    },
  };
}

export type CooperationService = ReturnType<typeof createCooperationService>;
