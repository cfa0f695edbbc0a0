/**
 * Levels of assurance (tillitsnivåer) for electronic identification: the Swedish framework's
 * (Digg, formerly E-legitimationsnämnden: loa1–loa4) and eIDAS (low, substantial, high), as the
 * `acr` values Sweden Connect and Swedish e-ID brokers send.
 */
const RANK: Record<string, number> = {
  'http://id.elegnamnden.se/loa/1.0/loa1': 1,
  'http://id.elegnamnden.se/loa/1.0/loa2': 2,
  'http://id.elegnamnden.se/loa/1.0/loa3': 3,
  'http://id.elegnamnden.se/loa/1.0/loa4': 4,
  'http://id.elegnamnden.se/loa/1.0/eidas-low': 2,
  'http://id.elegnamnden.se/loa/1.0/eidas-sub': 3,
  'http://id.elegnamnden.se/loa/1.0/eidas-high': 4,
  'http://id.elegnamnden.se/loa/1.0/eidas-nf-low': 2,
  'http://id.elegnamnden.se/loa/1.0/eidas-nf-sub': 3,
  'http://id.elegnamnden.se/loa/1.0/eidas-nf-high': 4,
  'http://id.swedenconnect.se/loa/1.0/uncertified-loa3': 3,
};

export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

/** The level's number (1–4), or null for an acr this table does not know. */
export function assuranceRank(acr: string | null | undefined): number | null {
  return acr ? (RANK[acr] ?? null) : null;
}

/**
 * Does an authentication at `actual` satisfy a requirement of `required`? A known level satisfies
 * every known level at or below it; an unknown acr only itself.
 */
export function meetsAssuranceLevel(actual: string | null | undefined, required: string): boolean {
  if (!actual) return false;
  if (actual === required) return true;
  const a = assuranceRank(actual);
  const r = assuranceRank(required);
  return a !== null && r !== null && a >= r;
}

/** The short Swedish name of a level for signature records: "tillitsnivå 3", or the acr itself. */
export function assuranceLabel(acr: string): string {
  const rank = assuranceRank(acr);
  return rank === null ? acr : `tillitsnivå ${rank}`;
}
