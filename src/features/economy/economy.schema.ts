import { z } from 'zod';
import { parseKronor } from '../../domain/money-format.js';
import { DomainError } from '../../domain/domain-error.js';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';

export const COST_OBJECT_KINDS = ['base_funding', 'management', 'shared_service', 'project'] as const;
export type CostObjectKind = (typeof COST_OBJECT_KINDS)[number];
export const INVOICING = ['advance', 'arrears', 'supplier'] as const;
export type Invoicing = (typeof INVOICING)[number];
export const KEY_KINDS = ['equal', 'population', 'mixed', 'fixed', 'participants', 'separate'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

const roundTo = z.union([z.literal(1), z.literal(100)]).default(1);
/**
 * The largest amount any money field takes: ten billion kronor, far above a joint committee's
 * whole budget, so that a slip of the finger (or a fuzzer) is told so instead of overflowing the
 * sums of a report or the database's bigint.
 */
export const MAX_KRONOR = 10_000_000_000;
const TOO_LARGE = msg('Beloppet är orimligt stort: högst 10 000 000 000 kr.', 'The amount is unreasonably large: at most 10,000,000,000 kronor.');

const populationYear = z.number().int().min(1900).max(2200);

/**
 * An allocation key as stored in `cost_objects.allocation_key` (samverkansavtal 8.1–8.3):
 * equal parts; by population of a chosen year; mixed (a flat share in per cent, the rest by
 * population); fixed decided amounts per municipality (organisation id → kronor); participants
 * only, by population (from the linked initiative's last closed phase, else the list); or
 * `separate`: paid under separate agreements with each municipality, not distributed here
 * (seed, financing appendix: "se överenskommelse i respektive medlemskommun").
 */
export const ZAllocationKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equal'), roundTo }),
  z.object({ kind: z.literal('population'), year: populationYear, roundTo }),
  z.object({ kind: z.literal('mixed'), flatPercent: z.number().min(0).max(100), year: populationYear, roundTo }),
  z.object({ kind: z.literal('fixed'), amounts: z.record(z.string(), z.number().int().min(0).max(MAX_KRONOR, TOO_LARGE)) }),
  z.object({ kind: z.literal('participants'), year: populationYear, roundTo, participants: z.array(z.string()).default([]) }),
  z.object({ kind: z.literal('separate') }),
]);
export type TAllocationKey = z.infer<typeof ZAllocationKey>;

/** A stored key read back; anything unreadable counts as equal parts so that a page still shows. */
export function readAllocationKey(value: unknown): TAllocationKey {
  const parsed = ZAllocationKey.safeParse(value);
  return parsed.success ? parsed.data : { kind: 'equal', roundTo: 1 };
}


/** Whole kronor as people write them: "1 065 400", "-55 958", "80 500 kr"; at most MAX_KRONOR either way. */
export const kronor = (options: { min?: number } = {}) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      try {
        return parseKronor(v);
      } catch (error) {
        if (error instanceof DomainError) return Number.NaN;
        throw error;
      }
    },
    z
      .number(msg('Ange ett belopp i hela kronor, t.ex. 1 065 400.', 'Enter an amount in whole kronor, e.g. 1 065 400.'))
      .int()
      .min(options.min ?? -MAX_KRONOR, options.min === undefined ? TOO_LARGE : msg('Beloppet får inte vara negativt.', 'The amount may not be negative.'))
      .max(MAX_KRONOR, TOO_LARGE),
  );

const optionalKronor = () => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), kronor({ min: 0 }).optional());

/** The cost object form (the key's own fields are read by `keyFromForm`). */
export const ZCostObjectForm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9ÅÄÖåäö_-]+(\.[A-Za-z0-9ÅÄÖåäö_-]+)?$/, msg('Koden skrivs med bokstäver och siffror, t.ex. GF eller GF.VU (en punkt: del av GF).', 'Write the code with letters and digits, e.g. GF or GF.VU (one dot: part of GF).'))
    .max(40),
  name: requiredText(200),
  kind: z.enum(COST_OBJECT_KINDS, msg('Välj typ av kostnadsobjekt.', 'Choose the kind of cost object.')),
  invoicing: z.enum(INVOICING, msg('Välj hur det faktureras.', 'Choose how it is invoiced.')),
  position: z.preprocess((v) => (v === '' || v === undefined ? 0 : Number(v)), z.number().int().min(0).max(10_000)),
  budgetIncome: kronor({ min: 0 }),
  budgetCost: kronor({ min: 0 }),
  forecastIncome: optionalKronor(),
  forecastCost: optionalKronor(),
  initiativeId: optionalText(36).pipe(z.uuid().optional()),
  comment: optionalText(1000),
});
export type TCostObjectForm = z.infer<typeof ZCostObjectForm>;

/** The October PKV reading that indexes the next year (samverkansavtal 8.1). */
export const ZPkvReading = z.object({
  readOn: isoDate(),
  pkvPercent: z.preprocess(
    (v) => (typeof v === 'string' ? Number(v.trim().replace(',', '.').replace(/\s*%$/, '')) : v),
    z.number(msg('Ange PKV i procent, t.ex. 5,8.', 'Enter PKV in per cent, e.g. 5.8.')).gt(-100).max(100),
  ),
  source: optionalText(300),
  roundTo: z.preprocess((v) => (v === undefined || v === '' ? 100 : Number(v)), z.union([z.literal(1), z.literal(100)])),
});
export type TPkvReading = z.infer<typeof ZPkvReading>;

/** A comment on a deviation in the outcome report of a date. */
export const ZOutcomeComment = z.object({ periodTo: isoDate(), comment: optionalText(2000) });

/** Kronor with up to two decimals ("1 781 235,60") to öre; the ledger has öre. Null beyond MAX_KRONOR. */
export function parseOre(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '').replace('\u2212', '-');
  if (cleaned === '') return 0;
  const match = /^(-?)(\d+)(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const ore = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(ore) || ore > MAX_KRONOR * 100) return null;
  return match[1] === '-' ? -ore : ore;
}

export const ZManualOutcome = z.object({ periodTo: isoDate() });
