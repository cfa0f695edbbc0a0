/**
 * The answers of a yearly checklist as the form gives them, checked statement by statement:
 * every "delvis" (partly) or "nej" (no) needs an action with an owner and a date (seed § 23:
 * "handlingsplaner för de åtgärder som inte kan genomföras omedelbart"; AFS 2023:1).
 */
import { DomainError, type FieldError } from '../../platform/errors.js';
import { isIsoDate } from '../../domain/calendar-date.js';
import { ANSWERS, type Answer } from './planning.schema.js';

export interface ChecklistStatement {
  key: string;
  text: string;
}

export interface ChecklistAnswerInput {
  statementKey: string;
  answer: Answer;
  explanation: string;
  action: string;
  actionOwner: string;
  actionDueOn: string | null;
}

/** Form field names of one statement's answer. */
export const answerFields = (key: string) => ({ answer: `answer_${key}`, explanation: `explanation_${key}`, action: `action_${key}`, owner: `owner_${key}`, due: `due_${key}` });

const MAX = 5000;

/**
 * Reads the answered statements from the form (an unanswered statement is left for later) and
 * refuses the whole form, with a message on each field to fix, when a "partly" or "no" lacks its
 * action, owner or date, or a date is not a real date.
 */
export function parseChecklistAnswers(statements: readonly ChecklistStatement[], form: Record<string, string>): ChecklistAnswerInput[] {
  const errors: FieldError[] = [];
  const out: ChecklistAnswerInput[] = [];
  for (const s of statements) {
    const f = answerFields(s.key);
    const answer = (form[f.answer] ?? '').trim();
    if (answer === '') continue;
    if (!(ANSWERS as readonly string[]).includes(answer)) {
      errors.push({ field: f.answer, message: { sv: `Påstående ${s.key}: välj ja, delvis, nej eller ej tillämpligt.`, en: `Statement ${s.key}: choose yes, partly, no or not applicable.` } });
      continue;
    }
    const text = (name: string) => (form[name] ?? '').trim().slice(0, MAX);
    const due = text(f.due);
    const row: ChecklistAnswerInput = { statementKey: s.key, answer: answer as Answer, explanation: text(f.explanation), action: text(f.action), actionOwner: text(f.owner), actionDueOn: due === '' ? null : due };
    if (due !== '' && !isIsoDate(due)) errors.push({ field: f.due, message: { sv: `Påstående ${s.key}: ange datumet som ÅÅÅÅ-MM-DD.`, en: `Statement ${s.key}: enter the date as YYYY-MM-DD.` } });
    if (row.answer === 'partly' || row.answer === 'no') {
      const said = row.answer === 'partly' ? { sv: '”delvis”', en: '"partly"' } : { sv: '”nej”', en: '"no"' };
      if (!row.action) errors.push({ field: f.action, message: { sv: `Påstående ${s.key} är besvarat ${said.sv}: beskriv en åtgärd.`, en: `Statement ${s.key} is answered ${said.en}: describe an action.` } });
      if (!row.actionOwner) errors.push({ field: f.owner, message: { sv: `Påstående ${s.key} är besvarat ${said.sv}: ange vem som ansvarar för åtgärden.`, en: `Statement ${s.key} is answered ${said.en}: name who is responsible for the action.` } });
      if (!row.actionDueOn) errors.push({ field: f.due, message: { sv: `Påstående ${s.key} är besvarat ${said.sv}: ange när åtgärden ska vara klar.`, en: `Statement ${s.key} is answered ${said.en}: give the date the action is due.` } });
    }
    out.push(row);
  }
  if (errors.length) throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'Svaren behöver rättas.', en: 'Please correct the answers.' }, fieldErrors: errors });
  return out;
}
