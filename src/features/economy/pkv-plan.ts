/**
 * Next year's base funding from this year's and the October PKV reading, with the derivation as
 * data, and the surplus or deficit carried over (samverkansavtal 8.1). Pure: no I/O.
 */
import { carryOver, indexAmount, indexEqualShare, type CarryOver, type IndexationStep } from '../../domain/index.js';
import { groupCostObjects, type CostObjectData } from './reports.js';

export interface BaseFundingPlan {
  object: CostObjectData;
  members: number;
  /** The equal share per member this year, when the budget splits evenly. */
  sharePerMember: number | null;
  nextSharePerMember: number | null;
  nextAmount: number;
  steps: readonly IndexationStep[];
  carry: CarryOver;
  /** The year's result of the base funding and its parts: income minus cost. */
  result: { income: number; cost: number };
  /** What the result is measured on: the full-year outcome, else the forecast (the budget where none is set). */
  carryBasis: 'outcome' | 'forecast';
}

/**
 * For each base-funding cost object: index the equal share per member and multiply (as the seed:
 * 76 100 → 80 500, 14 × 80 500 = 1 127 000), or the total when it does not split evenly; and the
 * year's result of it and its parts (income minus cost: the outcome of a closed year, else the
 * forecast) to carry over to the next year.
 */
export function planNextBaseFunding(options: {
  objects: readonly CostObjectData[];
  members: number;
  pkvPercent: number;
  unit: 1 | 100;
  /** Full-year outcome (kronor) per head cost object, when the year's ledger is closed. */
  fullYear?: ReadonlyMap<string, { income: number; cost: number }>;
}): BaseFundingPlan[] {
  return groupCostObjects(options.objects)
    .filter((g) => g.head.kind === 'base_funding')
    .map(({ head: object, members: parts }) => {
      const even = object.allocationKey.kind === 'equal' && options.members > 0 && object.budgetIncome % options.members === 0;
      const outcome = options.fullYear?.get(object.id);
      const basis: BaseFundingPlan['carryBasis'] = outcome !== undefined ? 'outcome' : 'forecast';
      const result = outcome ?? {
        income: parts.reduce((s, o) => s + (o.forecastIncome ?? o.budgetIncome), 0),
        cost: parts.reduce((s, o) => s + (o.forecastCost ?? o.budgetCost), 0),
      };
      const carry = carryOver({ budget: result.income, outcome: result.cost });
      if (even) {
        const share = object.budgetIncome / options.members;
        const indexed = indexEqualShare({ sharePerMember: share, members: options.members, pkvPercent: options.pkvPercent, unit: options.unit });
        return { object, members: options.members, sharePerMember: share, nextSharePerMember: indexed.sharePerMember, nextAmount: indexed.amount, steps: indexed.steps, carry, result, carryBasis: basis };
      }
      const indexed = indexAmount({ amount: object.budgetIncome, pkvPercent: options.pkvPercent, unit: options.unit });
      return { object, members: options.members, sharePerMember: null, nextSharePerMember: null, nextAmount: indexed.amount, steps: indexed.steps, carry, result, carryBasis: basis };
    });
}
