/**
 * Retention and disposal (gallring) by the document management plan (dokumenthanteringsplan).
 * Archives act (arkivlagen 1990:782) 10 § — disposal only under a decision, here the plan's rules.
 */

/** One rule of the plan: a classification code (and optionally a document type) is kept or disposed of after N years. */
export interface RetentionRule {
  id: string;
  classificationCode: string;
  /** Empty: every document of the code. Otherwise a word the document's description contains. */
  documentType: string;
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
 * The rule of the plan that governs a document: the most specific code that covers the case's
 * code, and within it a rule for the document's type (a word in its description) before the
 * rule for every document of the code. Undefined: the plan says nothing, so it is kept.
 */
export function matchRetentionRule<R extends RetentionRule>(rules: readonly R[], document: { classificationCode: string; description: string }): R | undefined {
  const description = document.description.toLocaleLowerCase('sv');
  const candidates = rules.filter(
    (r) => codeCovers(r.classificationCode, document.classificationCode) && (r.documentType === '' || description.includes(r.documentType.toLocaleLowerCase('sv'))),
  );
  return candidates.sort((a, b) => {
    const byDepth = codeSegments(b.classificationCode).length - codeSegments(a.classificationCode).length;
    if (byDepth !== 0) return byDepth;
    return (b.documentType === '' ? 0 : 1) - (a.documentType === '' ? 0 : 1);
  })[0];
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
