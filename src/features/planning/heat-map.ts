/**
 * The 4 × 4 risk matrix (riskmatris) of the internal control plan: probability from the top
 * (4 mycket sannolik) down, consequence from the left (1 försumbar) across. Seed § 20.
 */
import { classifyRiskValue, riskValue, type RiskBand, type RiskScore } from '../../domain/index.js';

export interface HeatMapRisk {
  /** The risk's number in the register (1, 2, …), shown in its cell. */
  number: number;
  probability: number;
  consequence: number;
}

export interface HeatCell {
  probability: RiskScore;
  consequence: RiskScore;
  value: number;
  band: RiskBand;
  riskNumbers: number[];
}

export const SCORES: readonly RiskScore[] = [1, 2, 3, 4];

/** Row and column (0-based) of a risk: row 0 is probability 4, column 0 is consequence 1. */
export function heatMapPosition(risk: { probability: number; consequence: number }): { row: number; column: number } {
  riskValue(risk);
  return { row: 4 - risk.probability, column: risk.consequence - 1 };
}

/** The grid, rows top to bottom (probability 4 → 1), each cell with the risks placed in it. */
export function heatMapGrid(risks: readonly HeatMapRisk[]): HeatCell[][] {
  const grid = [4, 3, 2, 1].map((p) =>
    SCORES.map((c) => {
      const value = riskValue({ probability: p, consequence: c });
      return { probability: p as RiskScore, consequence: c, value, band: classifyRiskValue(value), riskNumbers: [] as number[] };
    }),
  );
  for (const risk of risks) {
    const { row, column } = heatMapPosition(risk);
    grid[row]?.[column]?.riskNumbers.push(risk.number);
  }
  return grid;
}
