import { z } from 'zod';
import { msg, requiredText } from '../../platform/validation.js';

const year = z.coerce
  .number(msg('Ange ett årtal, t.ex. 2022.', 'Enter a year, e.g. 2022.'))
  .int(msg('Ange ett årtal, t.ex. 2022.', 'Enter a year, e.g. 2022.'))
  .min(1900, msg('Ange ett årtal från 1900.', 'Enter a year from 1900.'))
  .max(2200, msg('Ange ett rimligt årtal.', 'Enter a plausible year.'));

export const ZExportYear = z.object({ year: z.preprocess((v) => (v === '' ? undefined : v), year) });

export const ZRetentionRule = z
  .object({
    classificationCode: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)*$/, msg('Klassificeringskoden skrivs med siffror och punkter, t.ex. 2.3.4.1.', 'Write the classification code as digits and dots, e.g. 2.3.4.1.')),
    action: z.enum(['keep', 'dispose'], msg('Välj bevaras eller gallras.', 'Choose keep or dispose.')),
    retentionYears: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v),
      z.number(msg('Ange antal år som ett heltal.', 'Enter the number of years as a whole number.')).int(msg('Ange antal år som ett heltal.', 'Enter the number of years as a whole number.')).min(0).max(200).nullable(),
    ),
    format: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(200)),
    note: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(1000)),
  })
  .refine((r) => r.action === 'keep' || r.retentionYears !== null, {
    path: ['retentionYears'],
    ...msg('Ange efter hur många år handlingarna gallras.', 'Give after how many years the documents are disposed of.'),
  })
  .transform((r) => ({ ...r, retentionYears: r.action === 'keep' ? null : r.retentionYears }));
export type TRetentionRule = z.infer<typeof ZRetentionRule>;

export const ZLegalHold = z.object({
  reference: requiredText(40),
  reason: requiredText(500),
});

export const ZApproveDisposal = z.object({ approvedByName: requiredText(200) });

