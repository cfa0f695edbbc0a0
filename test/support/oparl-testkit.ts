/**
 * For the OParl tests: the official JSON schemas (draft-07 branch of OParl/spec, see
 * ../shared/standards/oparl-1.1/SOURCE.md) compiled with ajv, and a crawler that follows every
 * URL into the OParl space from /oparl/v1/system, list pages' `links.next` included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../fixtures/standards/oparl-1.1/draft-07-branch');

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One validator per OParl type name ("Meeting" …). */
export function loadValidators(): Map<string, ValidateFunction> {
  // strict: false — the schemas use OParl's own annotation keywords (references, cardinality …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('date', (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
  // OParl's own "url" format: an absolute http(s) URL.
  ajv.addFormat('url', (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol));
  const names: string[] = [];
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as { $id: string };
    // SOURCE.md caveat: $id has no ".json" while $ref names "Location.json"; register both.
    ajv.addSchema(schema);
    ajv.addSchema({ ...schema, $id: `${schema.$id}.json` });
    names.push(file.replace(/\.json$/, ''));
  }
  return new Map(names.map((name) => [name, ajv.getSchema(`https://schema.oparl.org/1.1/${name}`) as ValidateFunction]));
}

export interface Crawled {
  url: string;
  response: LightMyRequestResponse;
  json: unknown;
}

/** Every absolute URL under `prefix` found anywhere in a JSON value. */
export function urlsIn(value: unknown, prefix: string, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith(prefix)) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) urlsIn(v, prefix, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urlsIn(v, prefix, out);
  return out;
}

/** GET every URL reachable from `start` within `prefix` (e.g. https://kansli.example.se/oparl/). */
export async function crawl(app: FastifyInstance, start: string, prefix: string, site: string): Promise<Map<string, Crawled>> {
  const seen = new Map<string, Crawled>();
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    const response = await app.inject({ method: 'GET', url: url.slice(site.length) });
    const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
    const json: unknown = isJson ? JSON.parse(response.body) : undefined;
    seen.set(url, { url, response, json });
    for (const next of urlsIn(json, prefix)) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}

/** The OParl type name of an object ("Meeting"), from its `type` URI. */
export const typeName = (object: { type?: unknown }) => String(object.type ?? '').replace('https://schema.oparl.org/1.1/', '');
