import { DomainError } from '../../platform/errors.js';

/** The sign-in could not be completed; the page says why, the audit log keeps it. */
export class OidcRefused extends DomainError {
  constructor(
    readonly reason: 'unknown-identity' | 'invalid-response' | 'wrong-person' | 'expired',
    userMessage: { sv: string; en: string },
  ) {
    super(reason === 'unknown-identity' || reason === 'wrong-person' ? 'FORBIDDEN' : 'UNAUTHENTICATED', { message: `OIDC refused: ${reason}`, userMessage });
  }
}
