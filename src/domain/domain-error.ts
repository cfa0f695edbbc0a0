/**
 * The one error the domain throws. The HTTP layer maps `code` to a status; `userMessage`
 * tells the user, in Swedish and English, what to do.
 */
export type DomainErrorCode =
  // Refused by a rule of the domain.
  | 'INVALID_DATE'
  | 'INVALID_CASE_NUMBER'
  | 'INVALID_HANDLING_ID'
  | 'INVALID_AMOUNT'
  | 'ALLOCATION_IMPOSSIBLE'
  | 'INVALID_VOTE'
  | 'INVALID_ATTENDANCE'
  | 'INVALID_RISK_SCORE'
  | 'DATES_OUT_OF_ORDER'
  // Codes of the application around the domain (access, lookup, concurrency, infrastructure).
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CSRF'
  | 'DATABASE_UNAVAILABLE';

/** A message shown to a person, in both languages the product speaks. */
export interface UserMessage {
  readonly sv: string;
  readonly en: string;
}

/** A refused input in one form field, for showing the form again. */
export interface FieldError {
  readonly field: string;
  readonly message: UserMessage;
}

/** A refused input or an impossible request under a domain rule (STYLE.md, "Errors"). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly userMessage: UserMessage;
  readonly fieldErrors: readonly FieldError[];

  constructor(code: DomainErrorCode, options: { message?: string; userMessage: UserMessage; fieldErrors?: readonly FieldError[] }) {
    super(options.message ?? options.userMessage.en);
    this.code = code;
    this.userMessage = options.userMessage;
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

/**
 * Throws a DomainError whose technical message is the English text.
 * No rule: shared input validation for the domain modules.
 */
export function refuse(code: DomainErrorCode, en: string, sv: string): never {
  throw new DomainError(code, { message: en, userMessage: { sv, en } });
}

/**
 * Refuses anything but a safe integer of at least `min`.
 * No rule: shared input validation for the domain modules.
 */
export function requireInteger(
  value: number,
  options: { name: string; min?: number; code?: DomainErrorCode },
): void {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < min) {
    refuse(
      options.code ?? 'INVALID_INPUT',
      `${options.name} must be a whole number of at least ${min}, got ${String(value)}`,
      `${options.name} måste vara ett heltal som är minst ${min}, fick ${String(value)}`,
    );
  }
}

/**
 * Refuses a count of those present that is not a whole number from 0 up to `whole`, itself a whole
 * number of at least 1; `over` says in both languages why a count above the whole cannot be.
 * No rule: shared input validation for the attendance rules (quorum, attendance share and rate).
 */
export function requirePresentCount(
  present: { name: string; value: number },
  whole: { name: string; value: number },
  over: { en: string; sv: string },
): void {
  requireInteger(whole.value, { name: whole.name, min: 1, code: 'INVALID_ATTENDANCE' });
  requireInteger(present.value, { name: present.name, min: 0, code: 'INVALID_ATTENDANCE' });
  if (present.value > whole.value) refuse('INVALID_ATTENDANCE', over.en, over.sv);
}
