import { z } from 'zod';
import { msg } from '../../platform/validation.js';
import { ZClassificationCode } from '../registry/registry.schema.js';

export const SEARCH_KINDS = ['case', 'document', 'file', 'paragraph'] as const;

/** At most this many matches are ranked and counted; more are reported as "more than". */
export const MAX_CANDIDATES = 200;

/** Query-string values arrive as strings; an empty one means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const ZSearchQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1, msg('Skriv vad du söker efter.', 'Enter what you are looking for.')).max(200)),
  year: optional(z.coerce.number().int().min(1900).max(2100)),
  classificationCode: optional(ZClassificationCode),
  bodyId: optional(z.uuid(msg('Välj ett organ ur listan.', 'Choose a body from the list.'))),
  kind: optional(z.enum(SEARCH_KINDS)),
  limit: optional(z.coerce.number().int().min(1).max(50)),
  offset: optional(z.coerce.number().int().min(0).max(MAX_CANDIDATES)),
});
export type TSearchQuery = z.input<typeof ZSearchQuery>;
export type TParsedSearchQuery = z.output<typeof ZSearchQuery>;

/** One part of a snippet: plain text, or a highlighted (`mark`) word. Text is never HTML. */
export const ZSnippetPart = z.object({ text: z.string(), mark: z.boolean() });
export type TSnippetPart = z.infer<typeof ZSnippetPart>;

export const ZSearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  reference: z.string().describe('Case number, document id (YEAR.NUMBER) or paragraph reference'),
  title: z.string(),
  snippet: z.array(ZSnippetPart),
  url: z.string(),
  year: z.number().int(),
  rank: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResult = z.object({
  total: z.number().int().describe('Number of matches; when `capped`, more than this'),
  capped: z.boolean().describe(`True when more than ${MAX_CANDIDATES} entries match: only the first ${MAX_CANDIDATES} are ranked and counted`),
  stopWordsOnly: z.boolean().describe('True when every word was a common word (och, att, för …) that is not searched for'),
  hits: z.array(ZSearchHit),
  facets: z.object({
    years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
    kinds: z.array(z.object({ kind: z.enum(SEARCH_KINDS), count: z.number().int() })),
  }),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
