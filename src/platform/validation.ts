import { z } from 'zod';
import { DomainError, type FieldError, type UserMessage } from './errors.js';
import { isIsoDate } from '../domain/calendar-date.js';

const SEPARATOR = '\u241f';

/** A custom zod message in both languages: `z.string().min(1, msg('Fyll i namn', 'Enter a name'))`. */
export function msg(sv: string, en: string): { error: string } {
  return { error: `${sv}${SEPARATOR}${en}` };
}

/** Our own wording for zod's common issues, in Swedish and English. */
function describeIssue(issue: z.core.$ZodIssue): UserMessage {
  if (issue.message.includes(SEPARATOR)) {
    const [sv = '', en = ''] = issue.message.split(SEPARATOR);
    return { sv, en };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { sv: 'Fältet måste fyllas i.', en: 'This field is required.' };
      if (issue.origin === 'string') return { sv: `Minst ${issue.minimum} tecken.`, en: `At least ${issue.minimum} characters.` };
      return { sv: `Minst ${issue.minimum}.`, en: `At least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') return { sv: `Högst ${issue.maximum} tecken.`, en: `At most ${issue.maximum} characters.` };
      return { sv: `Högst ${issue.maximum}.`, en: `At most ${issue.maximum}.` };
    case 'invalid_format':
      if (issue.format === 'email') return { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' };
      if (issue.format === 'date') return { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' };
      return { sv: 'Fel format.', en: 'Wrong format.' };
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int')
        return { sv: 'Ange ett heltal.', en: 'Enter a whole number.' };
      return { sv: 'Fältet måste fyllas i.', en: 'This field is required.' };
    case 'invalid_value':
      return { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' };
    default:
      return { sv: 'Ogiltigt värde.', en: 'Invalid value.' };
  }
}

/** Parse input or refuse it whole with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '_',
    message: describeIssue(issue),
  }));
  throw new DomainError('INVALID_INPUT', {
    userMessage: { sv: 'Uppgifterna behöver rättas.', en: 'Please correct the form.' },
    fieldErrors,
  });
}

/** Form fields arrive as strings; an empty optional field means "not given". */
export const optionalText = (max = 500) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max).optional());

export const requiredText = (max = 500) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));

/**
 * The one date schema of every form and API: YYYY-MM-DD and a day that exists (2023-02-30 and
 * 2023-13-01 are refused here, not by the database with a 500). Years 1900–2200.
 */
export const isoDate = () =>
  z
    .string()
    .refine(isIsoDate, msg('Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 2023-03-03.', 'Enter a real date written YYYY-MM-DD, for example 2023-03-03.'))
    .refine((text) => Number(text.slice(0, 4)) >= 1900 && Number(text.slice(0, 4)) <= 2200, msg('Ange ett år mellan 1900 och 2200.', 'Enter a year between 1900 and 2200.'));
