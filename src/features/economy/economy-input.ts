/**
 * Form values of the economy's forms read into checked values: the cost object with its key,
 * and the manual outcome. Refused input is refused whole, with a message per field.
 */
import { DomainError, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { KEY_KINDS, ZAllocationKey, ZCostObjectForm, ZManualOutcome, parseOre, type TAllocationKey, type TCostObjectForm } from './economy.schema.js';
import type { CostObjectData, MunicipalityData } from './reports.js';

const refused = (fieldErrors: FieldError[]) =>
  new DomainError('INVALID_INPUT', { userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' }, fieldErrors });

function wholeNumber(text: string | undefined): number | null {
  const cleaned = (text ?? '').replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** The allocation key from its form fields: keyKind, keyRoundTo, keyYear, keyFlatPercent, fixed_<id>, participant_<id>. */
export function keyFromForm(values: Record<string, string>, municipalities: readonly MunicipalityData[], budgetIncome: number | null): TAllocationKey {
  const kind = values.keyKind ?? '';
  if (!(KEY_KINDS as readonly string[]).includes(kind)) throw refused([{ field: 'keyKind', message: { sv: 'Välj en fördelningsnyckel.', en: 'Choose an allocation key.' } }]);
  const errors: FieldError[] = [];
  const roundTo = values.keyRoundTo === '100' ? 100 : 1;
  const year = wholeNumber(values.keyYear);
  if (['population', 'mixed', 'participants'].includes(kind) && year === null) {
    errors.push({ field: 'keyYear', message: { sv: 'Ange vilket års invånarantal som används, t.ex. 2021.', en: 'Give the year whose population is used, e.g. 2021.' } });
  }
  const flat = Number((values.keyFlatPercent ?? '').trim().replace(',', '.'));
  if (kind === 'mixed' && (!(values.keyFlatPercent ?? '').trim() || !Number.isFinite(flat) || flat < 0 || flat > 100)) {
    errors.push({ field: 'keyFlatPercent', message: { sv: 'Ange den raka andelen i procent, 0–100.', en: 'Give the flat share in per cent, 0–100.' } });
  }
  const amounts: Record<string, number> = {};
  if (kind === 'fixed') {
    for (const m of municipalities) {
      const amount = wholeNumber(values[`fixed_${m.id}`] ?? '0') ?? (values[`fixed_${m.id}`]?.trim() === '' ? 0 : null);
      if (amount === null) errors.push({ field: `fixed_${m.id}`, message: { sv: `Ange ett belopp i hela kronor för ${m.name}.`, en: `Give an amount in whole kronor for ${m.name}.` } });
      else amounts[m.id] = amount;
    }
    const sum = Object.values(amounts).reduce((s, v) => s + v, 0);
    if (errors.length === 0 && budgetIncome !== null && sum !== budgetIncome) {
      errors.push({ field: 'keyKind', message: { sv: `De fasta beloppen summerar till ${sum} kr men budgeterade intäkter är ${budgetIncome} kr.`, en: `The fixed amounts sum to ${sum} kr but the budgeted income is ${budgetIncome} kr.` } });
    }
  }
  const participants = municipalities.filter((m) => values[`participant_${m.id}`] === 'on').map((m) => m.id);
  if (errors.length) throw refused(errors);
  const raw =
    kind === 'equal' ? { kind, roundTo }
    : kind === 'population' ? { kind, roundTo, year }
    : kind === 'mixed' ? { kind, roundTo, year, flatPercent: flat }
    : kind === 'fixed' ? { kind, amounts }
    : kind === 'participants' ? { kind, roundTo, year, participants }
    : { kind };
  return parseInput(ZAllocationKey, raw);
}

/** The cost object form: its own fields and its key, refused together. */
export function costObjectFromForm(values: Record<string, string>, municipalities: readonly MunicipalityData[]): { form: TCostObjectForm; key: TAllocationKey } {
  let form: TCostObjectForm | undefined;
  const errors: FieldError[] = [];
  try {
    form = parseInput(ZCostObjectForm, values);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(...error.fieldErrors);
  }
  let key: TAllocationKey | undefined;
  try {
    key = keyFromForm(values, municipalities, form?.budgetIncome ?? null);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(...error.fieldErrors);
  }
  if (errors.length || !form || !key) throw refused(errors);
  if (key.kind === 'participants' && !form.initiativeId && key.participants.length === 0) {
    throw refused([{ field: 'keyKind', message: { sv: 'Välj de deltagande kommunerna eller koppla ett samverkansinitiativ.', en: 'Choose the participating municipalities or link a cooperation initiative.' } }]);
  }
  return { form, key };
}

/** The manual outcome form: a date and, per cost object, income and cost in kronor (öre allowed). */
export function manualOutcomeFromForm(values: Record<string, string>, objects: readonly CostObjectData[], year: number) {
  const { periodTo } = parseInput(ZManualOutcome, values);
  const errors: FieldError[] = [];
  if (!periodTo.startsWith(`${year}-`)) errors.push({ field: 'periodTo', message: { sv: `Datumet måste ligga i ${year}.`, en: `The date must be in ${year}.` } });
  const amounts: { costObjectId: string; income: number; cost: number }[] = [];
  for (const o of objects) {
    const income = parseOre(values[`income_${o.id}`] ?? '');
    const cost = parseOre(values[`cost_${o.id}`] ?? '');
    const bad = { sv: `Ange ett belopp i kronor för ${o.name} (högst 10 000 000 000 kr), t.ex. 1 781 236 eller 1781235,60.`, en: `Give an amount in kronor for ${o.name} (at most 10,000,000,000), e.g. 1 781 236 or 1781235.60.` };
    if (income === null) errors.push({ field: `income_${o.id}`, message: bad });
    if (cost === null) errors.push({ field: `cost_${o.id}`, message: bad });
    if (income !== null && cost !== null) amounts.push({ costObjectId: o.id, income, cost });
  }
  if (errors.length) throw refused(errors);
  return { periodTo, amounts };
}
