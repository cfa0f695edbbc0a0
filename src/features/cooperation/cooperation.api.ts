/**
 * The cooperation process in the JSON API under /api/v1: initiatives with their phases, gates and
 * cost shares, and the decision cells. The same operation list registers the routes and is merged
 * into the OpenAPI document (see registry.api.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { notFound } from '../../platform/errors.js';
import type { ApiOperation } from '../../platform/http/openapi.js';
import { parseInput } from '../../platform/validation.js';
import { RECORD_ORIGINS } from '../../platform/db/columns.js';
import { DECISION_STATUSES, ZInitiativeInput, ZRecordDecision } from './cooperation.schema.js';
import { allocationKeyOf, referenceText, type LoadedInitiative, type PhaseView } from './cooperation.model.js';

const ZId = z.object({ id: z.uuid().describe('The id (UUID)') });
const ZLabel = z.object({ sv: z.string(), en: z.string() });
const ZOrigin = z.enum(RECORD_ORIGINS).nullable().describe("'demo': invented by the demo committee (shown as Exempeldata); 'seed': from the seed protocol; null: entered by a user");

export const ZApiDecisionCell = z.object({
  id: z.uuid(),
  phase: z.string(),
  decision: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(DECISION_STATUSES),
  decidingBody: z.string(),
  decidedOn: z.string().nullable(),
  paragraph: z.string(),
  reference: z.string().describe('Body, date, paragraph and Hid as one line'),
  link: z.string(),
  deadline: z.string().nullable(),
  recordedAt: z.string().nullable(),
  origin: ZOrigin,
});

export const ZApiPhase = z.object({
  key: z.string(),
  label: ZLabel,
  position: z.number().int(),
  open: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  budget: z.number().int().describe('Whole kronor'),
  decisionDeadline: z.string().nullable(),
  participantIds: z.array(z.uuid()).describe('Fixed when the phase closed; for the open phase, those that have joined so far'),
  shares: z.array(z.object({ organisationId: z.uuid(), amount: z.number().int() })),
  gate: z.object({ canClose: z.boolean(), shortfalls: z.array(z.object({ kind: z.string(), decisionKey: z.string() })) }).nullable(),
  origin: ZOrigin,
});

export const ZApiInitiative = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['active', 'stopped', 'completed']),
  phase: z.string(),
  procuringOrganisationId: z.uuid().nullable(),
  allocationKey: z.object({ kind: z.string(), flatSharePercent: z.number().optional() }),
  phases: z.array(ZApiPhase),
  origin: ZOrigin,
});

type OperationId = 'listInitiatives' | 'getInitiative' | 'createInitiative' | 'listInitiativeDecisions' | 'recordInitiativeDecision';

export const COOPERATION_API_OPERATIONS: readonly ApiOperation<OperationId>[] = [
  { operationId: 'listInitiatives', method: 'GET', path: '/api/v1/initiatives', action: 'cooperation.read', tag: 'Cooperation', summary: 'Joint initiatives with their phases', response: { status: 200, description: 'The initiatives', schema: z.object({ initiatives: z.array(ZApiInitiative) }) } },
  { operationId: 'getInitiative', method: 'GET', path: '/api/v1/initiatives/:id', action: 'cooperation.read', tag: 'Cooperation', summary: 'An initiative with its phases, gate and cost shares', params: ZId, response: { status: 200, description: 'The initiative', schema: ZApiInitiative } },
  { operationId: 'createInitiative', method: 'POST', path: '/api/v1/initiatives', action: 'cooperation.manage', tag: 'Cooperation', summary: 'Start an initiative in the first phase of the default process', body: [{ contentType: 'application/json', schema: ZInitiativeInput }], response: { status: 201, description: 'The new initiative', schema: ZApiInitiative } },
  { operationId: 'listInitiativeDecisions', method: 'GET', path: '/api/v1/initiatives/:id/decisions', action: 'cooperation.read', tag: 'Cooperation', summary: 'Every cell of the decision matrix', params: ZId, response: { status: 200, description: 'The cells', schema: z.object({ decisions: z.array(ZApiDecisionCell) }) } },
  {
    operationId: 'recordInitiativeDecision',
    method: 'POST',
    path: '/api/v1/decisions/:id',
    action: 'cooperation.recordDecision',
    tag: 'Cooperation',
    summary: "Record a municipality's own decision (only by that municipality's registrar or preparation official)",
    params: ZId,
    body: [{ contentType: 'application/json', schema: ZRecordDecision }],
    response: { status: 200, description: 'The cell as recorded', schema: ZApiDecisionCell },
  },
];

function presentPhase(view: PhaseView) {
  return {
    key: view.template.key,
    label: view.template.label,
    position: view.row.position,
    open: view.isOpen,
    openedAt: view.row.openedAt.toISOString(),
    closedAt: view.row.closedAt?.toISOString() ?? null,
    budget: view.row.budget,
    decisionDeadline: view.row.decisionDeadline,
    participantIds: [...view.participantIds],
    shares: 'shares' in view.shares ? view.shares.shares.map((s) => ({ organisationId: s.partyId, amount: s.amount })) : [],
    gate: view.gate ? { canClose: view.gate.canClose, shortfalls: view.gate.shortfalls.map((s) => ({ kind: s.kind, decisionKey: s.decisionKey })) } : null,
    origin: view.row.origin,
  };
}

function presentInitiative(model: LoadedInitiative, phases: PhaseView[]) {
  const { initiative } = model;
  const key = allocationKeyOf(initiative);
  return {
    id: initiative.id,
    name: initiative.name,
    description: initiative.description,
    status: initiative.status,
    phase: initiative.phaseKey,
    procuringOrganisationId: initiative.procuringOrganisationId,
    allocationKey: key.kind === 'mixed' ? { kind: key.kind, flatSharePercent: key.flatSharePercent } : { kind: key.kind },
    phases: phases.map(presentPhase),
    origin: initiative.origin,
  };
}

function presentCell(model: LoadedInitiative, cell: LoadedInitiative['cells'][number]) {
  const org = cell.organisationId === model.committee.id ? model.committee : model.municipalities.find((m) => m.id === cell.organisationId);
  const phase = model.phases.find((p) => p.phaseKey === cell.phaseKey);
  return {
    id: cell.id,
    phase: cell.phaseKey,
    decision: cell.decisionKey,
    organisationId: cell.organisationId,
    organisationName: org?.name ?? '',
    status: cell.status,
    decidingBody: cell.decidingBody,
    decidedOn: cell.decidedOn,
    paragraph: cell.paragraph,
    reference: referenceText(model, cell),
    link: cell.link,
    deadline: cell.deadline ?? phase?.decisionDeadline ?? null,
    recordedAt: cell.recordedAt?.toISOString() ?? null,
    origin: cell.origin,
  };
}

function idOf(request: FastifyRequest): string {
  const parsed = ZId.safeParse(request.params);
  if (!parsed.success) throw notFound({ sv: 'Finns inte.', en: 'Not found.' });
  return parsed.data.id;
}

export function registerCooperationApi(app: FastifyInstance, services: Services): void {
  const { cooperation } = services;
  const view = async (request: FastifyRequest, id: string) => {
    const detail = await cooperation.getInitiative(request.principal, id);
    return presentInitiative(detail.model, detail.phases);
  };
  const handlers: Record<OperationId, (request: FastifyRequest) => Promise<unknown>> = {
    async listInitiatives(request) {
      return { initiatives: (await cooperation.listInitiatives(request.principal)).map((r) => presentInitiative(r.model, r.phases)) };
    },
    getInitiative: (request) => view(request, idOf(request)),
    async createInitiative(request) {
      const input = parseInput(ZInitiativeInput, request.body ?? {});
      const row = await cooperation.createInitiative(request.principal, input);
      return view(request, row.id);
    },
    async listInitiativeDecisions(request) {
      const { model } = await cooperation.getInitiative(request.principal, idOf(request));
      return { decisions: model.cells.map((c) => presentCell(model, c)) };
    },
    async recordInitiativeDecision(request) {
      const id = idOf(request);
      await cooperation.recordDecision(request.principal, id, request.body ?? {});
      const { model, cell } = await cooperation.getCell(request.principal, id);
      return presentCell(model, cell);
    },
  };
  for (const op of COOPERATION_API_OPERATIONS) {
    app.route({ method: op.method, url: op.path, config: { action: op.action }, handler: async (request, reply) => reply.code(op.response.status).send(await handlers[op.operationId](request)) });
  }
}
