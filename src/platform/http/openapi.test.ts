import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { openApiPath } from './openapi.js';

type Json = Record<string, unknown>;
const OPERATION_IDS = ['createCase', 'createDocument', 'createInitiative', 'getCase', 'getDocument', 'getInitiative', 'getNoticeBoard', 'listCases', 'listDocuments', 'listInitiativeDecisions', 'listInitiatives', 'recordInitiativeDecision', 'search'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `$ref` in the document, with where it is. */
function refs(value: unknown, at = '#', out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => refs(v, `${at}/${i}`, out));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push([at, v]);
      else refs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

function resolve(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
}

/** A JSON Schema (2020-12) object is an object, or a boolean; its `type`, when there, is known. */
function checkSchema(schema: unknown, where: string): void {
  if (typeof schema === 'boolean') return;
  assert.ok(isObject(schema), `${where}: schema is an object`);
  assert.ok(!('$schema' in schema), `${where}: no dialect inside the document`);
  const types = [schema.type ?? []].flat();
  for (const type of types) assert.ok(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'].includes(String(type)), `${where}: type ${String(type)}`);
  if (isObject(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) checkSchema(v, `${where}.${k}`);
  if (schema.items !== undefined) checkSchema(schema.items, `${where}[]`);
  if (Array.isArray(schema.required) && isObject(schema.properties)) {
    for (const name of schema.required) assert.ok(String(name) in schema.properties, `${where}: required ${String(name)} is a property`);
  }
}

describe('OpenAPI document', () => {
  let t: TestContext;
  let doc: Json;

  before(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/json/);
    doc = JSON.parse(response.body) as Json;
  });
  after(() => t.close());

  const operations = () =>
    Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op: op as Json })),
    );

  test('is OpenAPI 3.1.0 with info, paths and the bearer security scheme', () => {
    assert.equal(doc.openapi, '3.1.0');
    const info = doc.info as Json;
    assert.ok(typeof info.title === 'string' && typeof info.version === 'string');
    const components = doc.components as { securitySchemes: Record<string, Json> };
    assert.deepEqual(components.securitySchemes.bearerAuth, { ...components.securitySchemes.bearerAuth, type: 'http', scheme: 'bearer' });
    assert.deepEqual(doc.security, [{ bearerAuth: [] }]);
  });

  test('has exactly the known operations, each id once', () => {
    assert.deepEqual(operations().map((o) => o.op.operationId).sort(), OPERATION_IDS);
  });

  test('every path and method in it is a real route of the app', () => {
    const routes = new Set(t.app.kansliRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`));
    for (const { path, method } of operations()) assert.ok(routes.has(`${method.toUpperCase()} ${path}`), `${method} ${path}`);
  });

  test('operations are well formed: parameters, bodies, responses, schemas and references', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      const params = (op.parameters ?? []) as Json[];
      const declared = new Set(params.filter((p) => p.in === 'path').map((p) => p.name));
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) assert.ok(declared.has(name), `${where}: path parameter ${name}`);
      for (const p of params) {
        assert.ok(typeof p.name === 'string' && ['path', 'query', 'header', 'cookie'].includes(String(p.in)), `${where}: parameter`);
        if (p.in === 'path') assert.equal(p.required, true, `${where}: path parameter ${String(p.name)} is required`);
        checkSchema(p.schema, `${where} ${String(p.name)}`);
      }
      const body = op.requestBody as { content: Record<string, Json> } | undefined;
      if (body) for (const [type, media] of Object.entries(body.content)) checkSchema(media.schema, `${where} body ${type}`);
      if (method === 'post') assert.ok(body, `${where}: has a request body`);
      const responses = op.responses as Record<string, Json>;
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      assert.equal(success.length, 1, `${where}: one success response`);
      for (const [status, response] of Object.entries(responses)) {
        assert.match(status, /^[1-5]\d\d$/);
        assert.ok(typeof response.description === 'string' && response.description.length > 0, `${where} ${status}: description`);
        const schema = (response.content as Record<string, Json>)['application/json']?.schema;
        if (!isObject(schema) || !('$ref' in schema)) checkSchema(schema, `${where} ${status}`);
      }
    }
    for (const [at, ref] of refs(doc)) assert.ok(resolve(doc, ref) !== undefined, `${at}: ${ref} resolves`);
  });

  test('schemas come from the zod schemas: the case body requires what the API requires', () => {
    const createCase = operations().find((o) => o.op.operationId === 'createCase')?.op;
    const schema = (createCase?.requestBody as { content: Record<string, { schema: Json }> }).content['application/json']?.schema;
    assert.deepEqual([...((schema?.required as string[]) ?? [])].sort(), ['classificationCode', 'organisation', 'title']);
    const search = operations().find((o) => o.op.operationId === 'search')?.op;
    assert.deepEqual(search?.security, [{}, { bearerAuth: [] }]);
    assert.ok(((search?.parameters ?? []) as Json[]).some((p) => p.name === 'q' && p.required === true));
  });
});
