import { DomainError, type DomainErrorCode, type FieldError, type UserMessage } from '../domain/domain-error.js';

export { DomainError, type DomainErrorCode as ErrorCode, type FieldError, type UserMessage };

/** The one table from error code to HTTP status, applied by the error handler. */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  INVALID_DATE: 400,
  INVALID_CASE_NUMBER: 400,
  INVALID_HANDLING_ID: 400,
  INVALID_AMOUNT: 400,
  ALLOCATION_IMPOSSIBLE: 422,
  INVALID_VOTE: 422,
  INVALID_ATTENDANCE: 422,
  INVALID_RISK_SCORE: 400,
  DATES_OUT_OF_ORDER: 400,
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CSRF: 403,
  DATABASE_UNAVAILABLE: 503,
};

export const notFound = (what: UserMessage = { sv: 'Sidan finns inte.', en: 'The page does not exist.' }) =>
  new DomainError('NOT_FOUND', { userMessage: what });

export const forbidden = () =>
  new DomainError('FORBIDDEN', {
    userMessage: {
      sv: 'Du har inte behörighet till det här. Be en administratör om behörighet om du behöver den.',
      en: 'You are not allowed to do this. Ask an administrator for access if you need it.',
    },
  });

export const conflict = (userMessage: UserMessage) => new DomainError('CONFLICT', { userMessage });
