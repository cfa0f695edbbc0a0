/**
 * OpenAPI 3.1 from the API's own operation list: the same list registers the routes, so the
 * document cannot describe a route that does not exist. Schemas come from the zod schemas that
 * validate the input and type the output (zod 4's JSON Schema, draft 2020-12 — the dialect of 3.1).
 */
import { z } from 'zod';
import type { Action } from '../auth/policy.js';

export type HttpMethod = 'GET' | 'POST';

export interface ApiOperation<Id extends string = string> {
  operationId: Id;
  method: HttpMethod;
  /** Fastify form: `/api/v1/cases/:id`. */
  path: string;
  action: Action;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { contentType: 'application/json' | 'multipart/form-data'; schema: z.ZodType }[];
  response: { status: 200 | 201; description: string; schema: z.ZodType };
}

type JsonSchema = Record<string, unknown>;

/** The error body every failure has (see platform/http/error-handler.ts). */
export const ZApiError = z.object({
  error: z.object({
    code: z.string().describe('INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, …'),
    message: z.object({ sv: z.string(), en: z.string() }).describe('What to do, in Swedish and English'),
    fields: z.array(z.object({ field: z.string(), message: z.object({ sv: z.string(), en: z.string() }) })).optional(),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/api/v1/cases/:id` → `/api/v1/cases/{id}` */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:(\w+)/g, '{$1}');
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: propertySchema };
  });
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input: `error.fields` names each field and what to do',
  '401': 'No valid API token',
  '403': 'The token’s user may not do this',
  '404': 'Not found, or not visible to this user',
};

function operationObject(op: ApiOperation) {
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    // A public operation answers anonymous callers too; a token shows them more.
    ...(op.action === 'public' ? { security: [{}, { bearerAuth: [] }] } : {}),
    parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
    ...(op.body ? { requestBody: { required: true, content: Object.fromEntries(op.body.map((b) => [b.contentType, { schema: jsonSchema(b.schema, 'input') }])) } } : {}),
    responses: {
      [String(op.response.status)]: { description: op.response.description, content: { 'application/json': { schema: jsonSchema(op.response.schema, 'output') } } },
      ...Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([status, description]) => [status, { description, ...errorRef }])),
    },
  };
}

export function buildOpenApiDocument(info: { title: string; version: string; description: string }, operations: readonly ApiOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const entry = (paths[openApiPath(op.path)] ??= {});
    entry[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token: `npx kansli token create --email …`' } },
      schemas: { Error: jsonSchema(ZApiError, 'output') },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
