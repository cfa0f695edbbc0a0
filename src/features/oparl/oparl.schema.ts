import { z } from 'zod';
import { msg } from '../../platform/validation.js';

/** Default and largest page of an external list (OParl recommends paging lists over 100). */
export const PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

// OParl 1.1 "Filter": a full date-time with time zone, e.g. 2014-01-01T00:00:00+01:00.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const instant = z
  .string()
  // An unencoded "+" in a query string arrives as a space.
  .transform((s) => s.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .refine(
    (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
    msg(
      'Ange tidpunkten enligt ISO 8601 med tidszon, t.ex. 2024-01-01T00:00:00+01:00 (URL-kodat: 2024-01-01T00%3A00%3A00%2B01%3A00).',
      'Give the time in ISO 8601 with a time zone, e.g. 2024-01-01T00:00:00+01:00 (URL-encoded: 2024-01-01T00%3A00%3A00%2B01%3A00).',
    ),
  )
  .transform((s) => new Date(s).toISOString());

const pageSize = z.coerce
  .number()
  .int(msg('Ange ett heltal.', 'Enter a whole number.'))
  .min(1, msg('Minst 1.', 'At least 1.'))
  .max(MAX_PAGE_SIZE, msg(`Högst ${MAX_PAGE_SIZE}.`, `At most ${MAX_PAGE_SIZE}.`));

/** The query of an external list page. `limit` is accepted as another name for OParl's `elementsPerPage`. */
export const ZListQuery = z.object({
  created_since: instant.optional(),
  created_until: instant.optional(),
  modified_since: instant.optional(),
  modified_until: instant.optional(),
  elementsPerPage: pageSize.optional(),
  limit: pageSize.optional(),
  /** The id (last path segment) after which the page starts: keyset paging, stable while the list changes. */
  after: z.string().max(200).optional(),
});
export type TListQuery = z.output<typeof ZListQuery>;

/** The filter parameters, in the order they are written into `links`. */
export const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
