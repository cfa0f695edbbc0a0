import { DomainError, type FieldError } from '../../platform/errors.js';
import { readCsv } from '../../platform/csv.js';
import { parseInput } from '../../platform/validation.js';
import { ZRetentionRule, type TRetentionRule } from './archive.schema.js';

/** The columns of the document management plan's CSV, as shown on the plan's page. */
export const PLAN_COLUMNS = [
  { key: 'classificationCode', names: ['klassificeringskod', 'kod', 'code', 'classification_code'], required: true },
  // Read only to refuse it: the plan governs by classification code, never by words in a description.
  { key: 'documentType', names: ['handlingstyp', 'typ', 'document_type', 'documenttype'], required: false },
  { key: 'action', names: ['åtgärd', 'atgard', 'bevaras/gallras', 'action'], required: true },
  { key: 'retentionYears', names: ['gallringsfrist', 'år', 'ar', 'retention_years', 'years'], required: false },
  { key: 'format', names: ['format', 'bevarandeformat'], required: false },
  { key: 'note', names: ['anmärkning', 'anmarkning', 'note', 'kommentar'], required: false },
] as const;

const ACTIONS: Record<string, 'keep' | 'dispose'> = { bevaras: 'keep', bevara: 'keep', keep: 'keep', gallras: 'dispose', gallra: 'dispose', dispose: 'dispose' };

function invalid(errors: FieldError[]): DomainError {
  return new DomainError('INVALID_INPUT', { userMessage: { sv: 'Filen har fel; ingenting sparades.', en: 'The file has errors; nothing was saved.' }, fieldErrors: errors });
}

/**
 * Read a document management plan from CSV (comma or semicolon separated, as Excel saves it).
 * Every line is checked; any error refuses the whole file, with a message per line.
 */
export function parsePlanCsv(text: string): TRetentionRule[] {
  const read = readCsv(text);
  if (!read.ok) throw invalid([{ field: '_', message: { sv: `Rad ${read.line}: ${read.reason.sv}.`, en: `Line ${read.line}: ${read.reason.en}.` } }]);
  const { header, rows } = read.table;
  if (header.cells.length === 0) throw invalid([{ field: '_', message: { sv: 'Filen är tom.', en: 'The file is empty.' } }]);
  const names = header.cells.map((h) => h.toLocaleLowerCase('sv'));
  const index = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, names.findIndex((n) => (c.names as readonly string[]).includes(n))])) as Record<(typeof PLAN_COLUMNS)[number]['key'], number>;
  if (index.classificationCode < 0 || index.action < 0) {
    throw invalid([{ field: '_', message: { sv: 'Första raden ska ha minst kolumnerna klassificeringskod och åtgärd.', en: 'The first line must have at least the columns klassificeringskod (code) and åtgärd (action).' } }]);
  }
  const rules: TRetentionRule[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line: lineNo, cells }) => {
    const cell = (key: keyof typeof index) => (index[key] >= 0 ? (cells[index[key]] ?? '') : '');
    const action = ACTIONS[cell('action').toLocaleLowerCase('sv')];
    if (!action) {
      errors.push({ field: '_', message: { sv: `Rad ${lineNo}: åtgärden ska vara ”bevaras” eller ”gallras”, inte ”${cell('action')}”.`, en: `Line ${lineNo}: the action must be "bevaras" (keep) or "gallras" (dispose), not "${cell('action')}".` } });
      return;
    }
    if (cell('documentType').trim() !== '') {
      errors.push({
        field: '_',
        message: {
          sv: `Rad ${lineNo}: planen gäller per klassificeringskod, inte per ord i handlingens beskrivning. Ge handlingstypen ”${cell('documentType').trim()}” en egen kod i klassificeringsstrukturen och en egen rad.`,
          en: `Line ${lineNo}: the plan governs by classification code, not by words in a document's description. Give the document type "${cell('documentType').trim()}" its own code in the classification scheme and its own line.`,
        },
      });
      return;
    }
    let rule: TRetentionRule;
    try {
      rule = parseInput(ZRetentionRule, { classificationCode: cell('classificationCode'), action, retentionYears: cell('retentionYears'), format: cell('format'), note: cell('note') });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const fe of error.fieldErrors) {
        const column = PLAN_COLUMNS.find((c) => c.key === fe.field)?.names[0] ?? fe.field;
        errors.push({ field: '_', message: { sv: `Rad ${lineNo} (${column}): ${fe.message.sv}`, en: `Line ${lineNo} (${column}): ${fe.message.en}` } });
      }
      return;
    }
    const earlier = seen.get(rule.classificationCode);
    if (earlier) {
      errors.push({ field: '_', message: { sv: `Rad ${lineNo}: samma klassificeringskod som rad ${earlier}.`, en: `Line ${lineNo}: the same classification code as line ${earlier}.` } });
      return;
    }
    seen.set(rule.classificationCode, lineNo);
    rules.push(rule);
  });
  if (errors.length) throw invalid(errors);
  if (rules.length === 0) throw invalid([{ field: '_', message: { sv: 'Filen har inga regler under rubrikraden.', en: 'The file has no rules below the header line.' } }]);
  return rules;
}
