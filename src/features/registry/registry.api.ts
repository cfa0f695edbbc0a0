/**
 * The registry's JSON API under /api/v1, for Bearer API tokens. Each operation below both
 * registers its route and describes itself in the OpenAPI document, so the two cannot drift.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { readMultipartForm } from '../../platform/http/multipart.js';
import { buildOpenApiDocument, type ApiOperation, type OpenApiDocument } from '../../platform/http/openapi.js';
import { msg, parseInput } from '../../platform/validation.js';
import { ZCreateCase, ZCreateDocument } from './registry.schema.js';
import { snippetHtml } from '../search/search.service.js';
import { ZSearchQuery, ZSearchResult, ZSearchHit } from '../search/search.schema.js';
import type { PresentedDocument } from './secrecy.js';
import type { UploadedFile } from './registry.service.js';
// Cooperation (issue 7): its operations join the one OpenAPI document.
import { COOPERATION_API_OPERATIONS } from '../cooperation/cooperation.api.js';
import type { CaseRow } from './registry.tables.js';
import { PUBLICATION_API_OPERATIONS } from '../publication/publication.api.js'; // publication: the notice boards

const ZCaseStatus = z.enum(['open', 'closed']);
const ZOrigin = z.enum(['seed', 'demo']).nullable().describe('Demo data only: `seed` taken from the seed protocol, `demo` invented (shown as Exempeldata); null for real records');
const ZId = z.object({ id: z.uuid().describe('The id (UUID)') });

export const ZApiCreateCase = ZCreateCase.extend({ organisation: z.string().min(1, msg('Ange organisationens kortnamn.', 'Give the organisation’s short name (slug).')).describe('Slug of the organisation whose registry the case goes in') });

export const ZApiListCasesQuery = z.object({
  q: z.string().max(200).optional().describe('Words in the case title or case number'),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  status: ZCaseStatus.optional(),
});

export const ZApiCaseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string().describe('YEAR/NUMBER-CODE, e.g. 2022/20-2.4.0.2'),
  year: z.number().int(),
  number: z.number().int(),
  classificationCode: z.string(),
  title: z.string(),
  status: ZCaseStatus,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  organisationName: z.string(),
  origin: ZOrigin,
});

export const ZApiDocument = z.object({
  id: z.uuid(),
  handlingId: z.string().describe('YEAR.NUMBER'),
  caseId: z.uuid(),
  direction: z.enum(['incoming', 'outgoing', 'drawn_up']),
  documentDate: z.string(),
  registeredAt: z.string(),
  secrecy: z.enum(['public', 'secret', 'internal']),
  securityClass: z.string(),
  description: z.string().describe('For a secret document seen as a registry entry only: its public description'),
  counterpart: z.string().nullable(),
  secrecyProvision: z.string().nullable(),
  secrecyMarkedOn: z.string().nullable(),
  secrecyMarkedBy: z.string().nullable(),
  access: z.enum(['full', 'entry']).describe('`entry`: a secret document shown as its registry entry, without content or files'),
  disposal: z
    .object({ disposedOn: z.string(), reference: z.string().describe('The disposal decision: approved list, approver, rule of the document management plan') })
    .nullable()
    .describe('Gallrad (OSL 5 kap.): the files were destroyed on this day; the registry entry stays'),
  files: z.array(z.object({ id: z.uuid(), version: z.number().int(), filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: z.string() })),
  origin: ZOrigin,
});

export const ZApiDocumentEntry = ZApiDocument.extend({ caseNumber: z.string(), caseTitle: z.string() });

export const ZApiCase = ZApiCaseSummary.extend({
  responsiblePersonId: z.uuid().nullable(),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  documents: z.array(ZApiDocument),
});

export const ZApiSearchResult = ZSearchResult.extend({ hits: z.array(ZSearchHit.extend({ snippetHtml: z.string().describe('The snippet as HTML: text escaped, search words in <mark>') })) });

const ZMultipartDocument = z.object({
  metadata: z.string().describe('The document as JSON (the fields of the JSON body); or send those fields one by one').optional(),
  file: z.string().meta({ contentMediaType: 'application/octet-stream' }).describe('The file (PDF, DOCX, XLSX, ODT, text, …)').optional(),
});

type OperationId = 'createCase' | 'getCase' | 'listCases' | 'createDocument' | 'getDocument' | 'listDocuments' | 'search';

export const API_OPERATIONS: readonly ApiOperation<OperationId>[] = [
  { operationId: 'createCase', method: 'POST', path: '/api/v1/cases', action: 'registry.write', tag: 'Cases', summary: 'Open a case with the next case number of the year', body: [{ contentType: 'application/json', schema: ZApiCreateCase }], response: { status: 201, description: 'The new case', schema: ZApiCase } },
  { operationId: 'listCases', method: 'GET', path: '/api/v1/cases', action: 'registry.read', tag: 'Cases', summary: 'List cases, newest first', query: ZApiListCasesQuery, response: { status: 200, description: 'The cases', schema: z.object({ cases: z.array(ZApiCaseSummary) }) } },
  { operationId: 'getCase', method: 'GET', path: '/api/v1/cases/:id', action: 'registry.read', tag: 'Cases', summary: 'A case with the documents this user may see', params: ZId, response: { status: 200, description: 'The case', schema: ZApiCase } },
  {
    operationId: 'createDocument',
    method: 'POST',
    path: '/api/v1/documents',
    action: 'registry.write',
    tag: 'Documents',
    summary: 'Register a document in a case, optionally with its file',
    description: 'Send JSON, or multipart/form-data with a `metadata` JSON field (or the fields one by one) and an optional `file`.',
    body: [
      { contentType: 'application/json', schema: ZCreateDocument },
      { contentType: 'multipart/form-data', schema: ZMultipartDocument },
    ],
    response: { status: 201, description: 'The registered document', schema: ZApiDocumentEntry },
  },
  { operationId: 'listDocuments', method: 'GET', path: '/api/v1/documents', action: 'registry.read', tag: 'Documents', summary: 'Every registered document this user may know of, newest first', response: { status: 200, description: 'The documents', schema: z.object({ documents: z.array(ZApiDocumentEntry) }) } },
  { operationId: 'getDocument', method: 'GET', path: '/api/v1/documents/:id', action: 'registry.read', tag: 'Documents', summary: 'A document as this user may see it', params: ZId, response: { status: 200, description: 'The document', schema: ZApiDocumentEntry } },
  {
    operationId: 'search',
    method: 'GET',
    path: '/api/v1/search',
    action: 'public',
    tag: 'Search',
    summary: 'Full-text search (Swedish) in cases, documents, files and minutes',
    description: 'Without a token only public material is searched. At most 200 matches are ranked and counted (`capped`).',
    query: ZSearchQuery,
    response: { status: 200, description: 'Hits, most relevant first, with counts per year and type', schema: ZApiSearchResult },
  },
];

type TCaseSummary = z.infer<typeof ZApiCaseSummary>;
type TDocument = z.infer<typeof ZApiDocument>;
type TDocumentEntry = z.infer<typeof ZApiDocumentEntry>;

function presentCaseSummary(row: CaseRow, caseNumber: string, organisationName: string): TCaseSummary {
  const { id, year, number, classificationCode, title, status, openedOn, closedOn, origin } = row;
  return { id, caseNumber, year, number, classificationCode, title, status, openedOn, closedOn, organisationName, origin };
}

function presentDocument(doc: PresentedDocument): TDocument {
  const { id, handlingId, caseId, direction, documentDate, registeredAt, secrecy, securityClass, description, counterpart, secrecyProvision, secrecyMarkedOn, secrecyMarkedBy, access, disposal, files, origin } = doc;
  return { id, handlingId, caseId, direction, documentDate, registeredAt, secrecy, securityClass, description, counterpart, secrecyProvision, secrecyMarkedOn, secrecyMarkedBy, access, disposal, files, origin };
}

const presentDocumentEntry = (doc: PresentedDocument, caseNumber: string, caseTitle: string): TDocumentEntry => ({ ...presentDocument(doc), caseNumber, caseTitle });

function idOf(request: FastifyRequest): string {
  const parsed = ZId.safeParse(request.params);
  if (!parsed.success) throw notFound({ sv: 'Finns inte.', en: 'Not found.' });
  return parsed.data.id;
}

async function readDocumentUpload(request: FastifyRequest, maxBytes: number): Promise<{ raw: unknown; file?: UploadedFile | undefined }> {
  if (!request.isMultipart()) return { raw: request.body ?? {} };
  const form = await readMultipartForm(request, maxBytes);
  if (form.fields.metadata === undefined) return { raw: form.fields, file: form.file };
  try {
    return { raw: JSON.parse(form.fields.metadata) as unknown, file: form.file };
  } catch {
    throw new DomainError('INVALID_INPUT', {
      userMessage: { sv: 'Fältet metadata är inte giltig JSON.', en: 'The metadata field is not valid JSON.' },
      fieldErrors: [{ field: 'metadata', message: { sv: 'Skicka handlingens uppgifter som ett JSON-objekt.', en: 'Send the document’s fields as a JSON object.' } }],
    });
  }
}

export function registerRegistryApi(app: FastifyInstance, services: Services): void {
  const { registry, search } = services;

  async function caseView(request: FastifyRequest, id: string) {
    const view = await registry.getCase(request.principal, id);
    const organisation = { slug: view.organisation?.slug ?? '', name: view.organisation?.name ?? '' };
    return { ...presentCaseSummary(view.case, view.caseNumber, organisation.name), responsiblePersonId: view.case.responsiblePersonId, organisation, documents: view.documents.map(presentDocument) };
  }

  async function documentView(request: FastifyRequest, id: string) {
    const view = await registry.getDocument(request.principal, id);
    return presentDocumentEntry(view.document, view.caseNumber, view.case.title);
  }

  const handlers: Record<OperationId, (request: FastifyRequest) => Promise<unknown>> = {
    async createCase(request) {
      const { organisation, ...input } = parseInput(ZApiCreateCase, request.body ?? {});
      const row = await registry.createCase(request.principal, organisation, input);
      return caseView(request, row.id);
    },
    getCase: (request) => caseView(request, idOf(request)),
    async listCases(request) {
      const filter = parseInput(ZApiListCasesQuery, request.query);
      const words = (filter.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
      const rows = await registry.listCases(request.principal);
      const cases = rows
        .filter((r) => (filter.year === undefined || r.year === filter.year) && (filter.status === undefined || r.status === filter.status))
        .filter((r) => words.every((w) => `${r.caseNumber} ${r.title}`.toLocaleLowerCase('sv').includes(w)))
        .map((r) => presentCaseSummary(r, r.caseNumber, r.organisationName));
      return { cases };
    },
    async createDocument(request) {
      const { raw, file } = await readDocumentUpload(request, services.config.maxFileBytes);
      const doc = await registry.registerDocument(request.principal, raw, file);
      return documentView(request, doc.id);
    },
    getDocument: (request) => documentView(request, idOf(request)),
    async listDocuments(request) {
      const entries = await registry.listDocuments(request.principal);
      return { documents: entries.map((e) => presentDocumentEntry(e, e.caseNumber, e.caseTitle)) };
    },
    async search(request) {
      const result = await search.search(request.principal, request.query);
      return { ...result, hits: result.hits.map((hit) => ({ ...hit, snippetHtml: snippetHtml(hit.snippet) })) };
    },
  };

  for (const op of API_OPERATIONS) {
    app.route({
      method: op.method,
      url: op.path,
      config: { action: op.action },
      handler: async (request, reply) => reply.code(op.response.status).send(await handlers[op.operationId](request)),
    });
  }

  // Built on its first request, not at every start (the zod schemas' JSON Schema takes a while).
  let document: OpenApiDocument | undefined;
  app.get('/api/v1/openapi.json', { config: { action: 'public' } }, async () =>
    (document ??= buildOpenApiDocument(
      { title: 'Kansli API', version: '1', description: 'The registry (diarium) of a joint municipal committee: cases, documents and search. Authenticate with `Authorization: Bearer <token>`.' },
      [...API_OPERATIONS, ...COOPERATION_API_OPERATIONS, ...PUBLICATION_API_OPERATIONS], // cooperation (issue 7), publication
    )),
  );
}
