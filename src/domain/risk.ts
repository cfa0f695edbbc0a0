/**
 * Risk assessment in the internal control plan: sannolikhet (probability) 1–4 × konsekvens
 * (consequence) 1–4 = riskvärde (seed § 20 and verksamhetsplan 2023, 3).
 */
import { refuse } from './domain-error.js';

/** 1–4 on the seed's scales. */
export type RiskScore = 1 | 2 | 3 | 4;

/** Swedish labels of the scales, as the issue and DOMAIN.md give them (sannolikhet: osannolik,
 * mindre sannolik, sannolik, mycket sannolik; konsekvens: försumbar, lindrig, kännbar, allvarlig). */
export const PROBABILITY_LABELS: Readonly<Record<RiskScore, string>> = {
  1: 'osannolik',
  2: 'mindre sannolik',
  3: 'sannolik',
  4: 'mycket sannolik',
};
export const CONSEQUENCE_LABELS: Readonly<Record<RiskScore, string>> = {
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

/** The two decisions the seed uses for a risk. */
export type RiskDecision = 'risk-accepted' | 'follow-up-in-internal-control';

function requireScore(value: number, name: string): RiskScore {
  if (value !== 1 && value !== 2 && value !== 3 && value !== 4) {
    return refuse('invalid-risk-score', `${name} must be 1, 2, 3 or 4, got ${String(value)}`, `${name} måste vara 1, 2, 3 eller 4, fick ${String(value)}`);
  }
  return value;
}

/**
 * Risk value = probability × consequence, each 1–4; refuses other scores.
 * Seed verksamhetsplan 2023, 3 ("Sannolikhet Konsekvens Riskvärde").
 */
export function computeRiskValue(options: { probability: number; consequence: number }): number {
  return requireScore(options.probability, 'sannolikhet') * requireScore(options.consequence, 'konsekvens');
}

/**
 * Band of a risk value: 1–3 low, 4–6 medium, 8–9 high, 12–16 very high.
 * Seed § 20 and verksamhetsplan 2023, 3 (values 1–4 accepted, 6 followed up).
 */
export function classifyRiskValue(value: number): RiskBand {
  if (!Number.isInteger(value) || value < 1 || value > 16) {
    refuse('invalid-risk-score', `a risk value is 1–16, got ${String(value)}`, `ett riskvärde är 1–16, fick ${String(value)}`);
  }
  if (value <= 3) return 'low';
  if (value <= 6) return 'medium';
  if (value <= 9) return 'high';
  return 'very-high';
}

/**
 * The decision the seed's practice suggests: accept a risk valued 4 or less, follow up the rest
 * by internal control. Only a suggestion: the committee decides. KL 6:6; seed § 20.
 */
export function suggestRiskDecision(value: number): RiskDecision {
  classifyRiskValue(value);
  return value <= 4 ? 'risk-accepted' : 'follow-up-in-internal-control';
}

/**
 * True when a stated risk value (e.g. imported from a document) equals probability ×
 * consequence. The seed's GDPR row states 1 × 2 = 3, which this flags. Seed § 20.
 */
export function isStatedRiskValueConsistent(options: { probability: number; consequence: number; statedValue: number }): boolean {
  return computeRiskValue(options) === options.statedValue;
}
