/**
 * Risk assessment in the internal control plan: sannolikhet (probability) 1–4 × konsekvens
 * (consequence) 1–4 = riskvärde (seed § 20 and verksamhetsplan 2023, 3 "Sannolikhet Konsekvens
 * Riskvärde").
 */
import { refuse } from './domain-error.js';

/** 1–4 on the seed's scales. */
export type RiskScore = 1 | 2 | 3 | 4;

/**
 * The probability scale as the planning pages name it (issue 9; seed § 20 shows 1 osannolik and
 * 2 mindre sannolik, the wrapped cell of verksamhetsplan 3 reads "sannolik").
 */
export const RISK_PROBABILITY_SCALE: Readonly<Record<RiskScore, string>> = {
  1: 'osannolik',
  2: 'mindre sannolik',
  3: 'sannolik',
  4: 'mycket sannolik',
};

/** The consequence scale: försumbar, lindrig, kännbar, allvarlig (seed § 20). */
export const RISK_CONSEQUENCE_SCALE: Readonly<Record<RiskScore, string>> = {
  1: 'försumbar',
  2: 'lindrig',
  3: 'kännbar',
  4: 'allvarlig',
};

/**
 * Bands of the risk value. The seed states no thresholds; these split the nine possible
 * products {1,2,3,4,6,8,9,12,16} so that the seed's decisions fall on one side each:
 * values up to 4 were accepted, 6 was followed up by internal control.
 */
export type RiskBand = 'low' | 'medium' | 'high' | 'very-high';

function requireWholeScore(value: number, en: string, sv: string): RiskScore {
  if (!Number.isInteger(value) || value < 1 || value > 4) {
    refuse('INVALID_RISK_SCORE', `${en} must be a whole number 1–4, got ${String(value)}`, `${sv} ska vara ett heltal 1–4, fick ${String(value)}`);
  }
  return value as RiskScore;
}

/**
 * Risk value = probability × consequence, 1–16. Refuses with a DomainError
 * ('INVALID_RISK_SCORE') a score outside 1–4 or not a whole number.
 * Seed § 20 and verksamhetsplan 2023, 3 (e.g. 2 × 3 = 6 "följs upp genom internkontroll").
 */
export function riskValue({ probability, consequence }: { probability: number; consequence: number }): number {
  return requireWholeScore(probability, 'probability', 'sannolikhet') * requireWholeScore(consequence, 'consequence', 'konsekvens');
}

/**
 * Band of a risk value (the heat map's colours): 1–3 low, 4–6 medium, 8–9 high, 12–16 very high.
 * Seed § 20 and verksamhetsplan 2023, 3 (values 1–4 accepted, 6 followed up).
 */
export function classifyRiskValue(value: number): RiskBand {
  if (!Number.isInteger(value) || value < 1 || value > 16) {
    refuse('INVALID_RISK_SCORE', `a risk value is 1–16, got ${String(value)}`, `ett riskvärde är 1–16, fick ${String(value)}`);
  }
  if (value <= 3) return 'low';
  if (value <= 6) return 'medium';
  if (value <= 9) return 'high';
  return 'very-high';
}
