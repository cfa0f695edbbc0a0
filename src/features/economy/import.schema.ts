/** zod schemas for the outcome import's forms: the upload and the confirmation with mappings. */
import { z } from 'zod';
import { isoDate, msg } from '../../platform/validation.js';

const year = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.trim()) : v),
  z.number(msg('Ange året, t.ex. 2022.', 'Enter the year, e.g. 2022.')).int(msg('Ange året, t.ex. 2022.', 'Enter the year, e.g. 2022.')).min(2000).max(2100),
);

const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  isoDate().optional(),
);

/** The upload form: the year the outcome is for and, optionally, the last day it covers. */
export const ZUploadForm = z.object({ year, periodTo: optionalDate });
export type TUploadForm = z.infer<typeof ZUploadForm>;

/** What the preview and the confirmation read: the stored file, its year and period. */
export const ZImportRequest = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, msg('Filen saknas; ladda upp den igen.', 'The file is missing; upload it again.')),
  fileName: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 255) : ''), z.string()),
  year,
  periodTo: optionalDate,
});
export type TImportRequest = z.infer<typeof ZImportRequest>;

/** One choice for an unmapped account (and cost centre): a cost object's code, or ignore. */
export interface MappingChoice {
  account: string;
  costCentre: string;
  choice: string;
  /** "5400-5499": the choice holds for every account of the range (any cost centre), now and in later imports. */
  range?: string;
}

/**
 * The form's mapping fields: `account_N`, `centre_N`, `choice_N` and `range_N` for each row N of the preview;
 * rows left without a choice are not choices.
 */
export function readMappingChoices(values: Record<string, string | undefined>): MappingChoice[] {
  const choices: MappingChoice[] = [];
  for (const [key, account] of Object.entries(values)) {
    const n = /^account_(\d{1,5})$/.exec(key)?.[1];
    const choice = n === undefined ? '' : (values[`choice_${n}`] ?? '').trim();
    if (n === undefined || account === undefined || choice === '') continue;
    const range = (values[`range_${n}`] ?? '').trim().slice(0, 40);
    choices.push({ account: account.trim().slice(0, 40), costCentre: (values[`centre_${n}`] ?? '').trim().slice(0, 40), choice: choice.slice(0, 40), ...(range ? { range } : {}) });
  }
  return choices;
}

/** The value of the "ignore" choice in the mapping form. */
export const IGNORE_CHOICE = '-ignore-';
