/**
 * Yearly checklists from templates, such as the 25 statements of the systematic work-environment
 * follow-up (SAM, seed § 23), answered and compared year on year.
 */
import * as write from './planning-write.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, DomainError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { type Principal, requirePrincipal } from '../../platform/auth/policy.js';
import * as repo from './planning.repository.js';
import { assertManage, mayManage, requireOwnCommittee, type PlanningDeps } from './planning-context.js';
import type { PlanService } from './plan.service.js';
import { parseChecklistAnswers } from './checklist-answers.js';
import { ZStartChecklist, ZTemplateInput } from './planning.schema.js';

const NOT_FOUND = { sv: 'Checklistan finns inte.', en: 'The checklist does not exist.' };

export function createChecklistService(deps: PlanningDeps & { plans: PlanService }) {
  const db = deps.database.db;
  const { clock, plans } = deps;

  /** The checklist with its template and answers; only for users of its committee. */
  async function load(principal: Principal | null, id: string) {
    requirePrincipal(principal, 'planning.read');
    const checklist = await repo.findChecklist(db, id);
    const template = checklist ? await repo.findTemplate(db, checklist.templateId) : undefined;
    if (!checklist || !template) throw notFound(NOT_FOUND);
    const committee = await requireOwnCommittee(db, principal, template.committeeId, NOT_FOUND);
    return { checklist, template, committee, answers: await repo.listAnswers(db, [checklist.id]), canManage: mayManage(principal, committee.id) };
  }

  return {
    load,

    /** Templates and the checklists of every year, newest first. */
    async list(principal: Principal | null, query: unknown) {
      const s = await plans.scope(principal, query);
      const templates = await repo.listTemplates(db, s.committee.id);
      const all = await repo.listChecklists(db, templates.map((t) => t.id));
      const answers = await repo.listAnswers(db, all.map((c) => c.id));
      const rows = all
        .map((c) => {
          const own = answers.filter((a) => a.checklistId === c.id);
          const template = templates.find((t) => t.id === c.templateId);
          return { ...c, templateName: template?.name ?? '', statements: template?.statements.length ?? 0, answered: own.length, deviations: own.filter((a) => a.answer === 'partly' || a.answer === 'no').length };
        })
        .sort((a, b) => b.year - a.year);
      return { ...s, templates, checklists: rows, canManage: mayManage(principal, s.committee.id) };
    },

    async addTemplate(principal: Principal | null, query: unknown, raw: unknown): Promise<{ slug: string }> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZTemplateInput, raw);
      const statements = input.statements.map((text, i) => ({ key: String(i + 1), text }));
      await db.transaction(async (tx) => {
        const templateId = await write.insertChecklistTemplate(tx, { committeeId: s.committee.id, name: input.name, statements, createdAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.checklistTemplate.add', entity: 'checklist_template', entityId: templateId, after: { name: input.name, statements: statements.length }, organisationId: s.committee.id }, clock());
      });
      return { slug: s.committee.slug };
    },

    /** A year's checklist from a template; one per template and year. */
    async start(principal: Principal | null, query: unknown, raw: unknown): Promise<string> {
      const s = await plans.scope(principal, query);
      assertManage(principal, s.committee.id);
      const input = parseInput(ZStartChecklist, raw);
      const template = await repo.findTemplate(db, input.templateId);
      if (template?.committeeId !== s.committee.id) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors: [{ field: 'templateId', message: { sv: 'Välj en av nämndens mallar.', en: "Choose one of the committee's templates." } }] });
      }
      return db.transaction(async (tx) => {
        const existing = await write.findChecklistOfYear(tx, template.id, input.year);
        if (existing) throw conflict({ sv: `Det finns redan en checklista ”${template.name}” för ${input.year}.`, en: `There is already a checklist "${template.name}" for ${input.year}.` });
        const row = await write.insertChecklist(tx, { templateId: template.id, year: input.year, createdAt: clock(), updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.checklist.start', entity: 'checklist', entityId: row.id, after: input, organisationId: s.committee.id }, clock());
        return row.id;
      });
    },

    /**
     * Saves the answers given; a "partly" or "no" without action, owner and date refuses the whole
     * form. Marking the checklist completed needs every statement answered.
     */
    async answer(principal: Principal | null, id: string, form: Record<string, string>): Promise<void> {
      const { checklist, template, committee } = await load(principal, id);
      assertManage(principal, committee.id);
      const answers = parseChecklistAnswers(template.statements, form);
      const complete = form.completed === 'on';
      if (complete && answers.length < template.statements.length) {
        throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Svaren behöver rättas.', en: 'Please correct the answers.' }, fieldErrors: [{ field: 'completed', message: { sv: `Besvara alla ${template.statements.length} påståenden innan checklistan markeras som klar.`, en: `Answer all ${template.statements.length} statements before marking the checklist completed.` } }] });
      }
      await db.transaction(async (tx) => {
        await write.replaceChecklistAnswers(tx, id, answers.map((a) => ({ checklistId: id, ...a, updatedAt: clock() })));
        const status = complete ? 'completed' : 'open';
        await write.updateChecklist(tx, id, { status, updatedAt: clock() });
        await recordAudit(tx, actorOf(principal), { action: 'planning.checklist.answer', entity: 'checklist', entityId: id, before: { status: checklist.status }, after: { status, answers: answers.map((a) => ({ key: a.statementKey, answer: a.answer })) }, organisationId: committee.id }, clock());
      });
    },

    /** The template's checklists side by side, one column per year. */
    async compare(principal: Principal | null, id: string) {
      const { template, committee } = await load(principal, id);
      const years = await repo.listChecklists(db, [template.id]);
      const answers = await repo.listAnswers(db, years.map((c) => c.id));
      return { template, committee, years: years.map((c) => ({ id: c.id, year: c.year, answers: new Map(answers.filter((a) => a.checklistId === c.id).map((a) => [a.statementKey, a])) })) };
    },
  };
}

export type ChecklistService = ReturnType<typeof createChecklistService>;
