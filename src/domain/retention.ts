/**
 * Retention and disposal (gallring) by the document management plan (dokumenthanteringsplan).
 * Archives act (arkivlagen 1990:782) 10 § — disposal only under a decision, here the plan's rules.
 */

/**
 * One rule of the plan: the documents of a classification code (and every code below it) are kept,
 * or disposed of after N years. A rule names a code of the registry's classification scheme, never
 * words in a document's description: what is disposed of must follow from the registration itself.
 */
export interface RetentionRule {
  id: string;
  classificationCode: string;
  action: 'keep' | 'dispose';
  retentionYears: number | null;
}

function codeSegments(code: string): string[] {
  return code.split('.').filter((s) => s !== '');
}

/** Does `ruleCode` cover `code`: the same code, or a higher level of it (2.3 covers 2.3.4.1)? */
function codeCovers(ruleCode: string, code: string): boolean {
  const rule = codeSegments(ruleCode);
  const target = codeSegments(code);
  return rule.length > 0 && rule.length <= target.length && rule.every((s, i) => s === target[i]);
}

/**
 * Does a rule's code belong to the registry's classification scheme: one of its codes, or a
 * higher level of one (a rule for 2.3 governs 2.3.4.1)? A code outside the scheme governs nothing.
 */
export function codeInScheme(code: string, schemeCodes: readonly string[]): boolean {
  return schemeCodes.some((c) => codeCovers(code, c));
}

/**
 * The rule of the plan that governs a document: the most specific rule whose code covers the
 * document's classification code (its case's code in the registry). Undefined: the plan says
 * nothing, so it is kept (arkivlagen 10 §: disposal only by decision).
 */
export function matchRetentionRule<R extends RetentionRule>(rules: readonly R[], document: { classificationCode: string }): R | undefined {
  return rules
    .filter((r) => codeCovers(r.classificationCode, document.classificationCode))
    .sort((a, b) => codeSegments(b.classificationCode).length - codeSegments(a.classificationCode).length)[0];
}

/**
 * The first day a document may be disposed of: the retention period counts from the end of the
 * calendar year in which the case was closed, or the document was dated if that is later
 * (the common reading of "gallras efter N år" in Swedish document management plans).
 */
export function disposalDueOn(options: { documentDate: string; caseClosedOn: string; retentionYears: number }): string {
  const base = Math.max(Number(options.documentDate.slice(0, 4)), Number(options.caseClosedOn.slice(0, 4)));
  return `${base + options.retentionYears + 1}-01-01`;
}

export type DisposalRefusal = 'no-rule' | 'keep' | 'case-open' | 'legal-hold' | 'not-due';

/**
 * May a document be disposed of today? Never while its case is open or a legal hold covers it,
 * never when the plan keeps it (or says nothing), and only once its retention has run out.
 */
export function disposalDecision(options: {
  rule: RetentionRule | undefined;
  caseStatus: 'open' | 'closed';
  caseClosedOn: string | null;
  documentDate: string;
  underLegalHold: boolean;
  today: string;
}): { disposable: true; dueOn: string } | { disposable: false; reason: DisposalRefusal; dueOn?: string } {
  const { rule } = options;
  if (options.underLegalHold) return { disposable: false, reason: 'legal-hold' };
  if (options.caseStatus === 'open' || !options.caseClosedOn) return { disposable: false, reason: 'case-open' };
  if (!rule) return { disposable: false, reason: 'no-rule' };
  if (rule.action === 'keep' || rule.retentionYears === null) return { disposable: false, reason: 'keep' };
  const dueOn = disposalDueOn({ documentDate: options.documentDate, caseClosedOn: options.caseClosedOn, retentionYears: rule.retentionYears });
  return dueOn <= options.today ? { disposable: true, dueOn } : { disposable: false, reason: 'not-due', dueOn };
}
