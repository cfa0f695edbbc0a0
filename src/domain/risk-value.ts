/**
 * Riskvärde of the internal control plan: sannolikhet (probability) × konsekvens (consequence),
 * each scored 1–4 (seed § 20; verksamhetsplan 2023, 3 "Sannolikhet Konsekvens Riskvärde").
 */
import { refuse } from './domain-error.js';
import { CONSEQUENCE_LABELS, computeRiskValue, type RiskScore } from './risk.js';

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
export const RISK_CONSEQUENCE_SCALE: Readonly<Record<RiskScore, string>> = CONSEQUENCE_LABELS;

function requireWholeScore(value: number, en: string, sv: string): RiskScore {
  if (!Number.isInteger(value) || value < 1 || value > 4) {
    refuse('invalid-risk-score', `${en} must be a whole number 1–4, got ${String(value)}`, `${sv} ska vara ett heltal 1–4, fick ${String(value)}`);
  }
  return value as RiskScore;
}

/**
 * Risk value = probability × consequence, 1–16. Refuses with a DomainError
 * ('invalid-risk-score') a score outside 1–4 or not a whole number.
 * Seed § 20 and verksamhetsplan 2023, 3 (e.g. 2 × 3 = 6 "följs upp genom internkontroll").
 */
export function riskValue({ probability, consequence }: { probability: number; consequence: number }): number {
  const p = requireWholeScore(probability, 'probability', 'sannolikhet');
  const c = requireWholeScore(consequence, 'consequence', 'konsekvens');
  return computeRiskValue({ probability: p, consequence: c });
}
