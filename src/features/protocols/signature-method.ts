/** How a justering signature was given: the signer's passkey or TOTP code (issue 15), Swedish e-ID (issue 22), or a password before that. */
export type SignatureMethod = 'passkey' | 'totp' | 'e-id' | 'password';

/** The method of a stored signature; 'webauthn' is how passkey signatures were stored before issue 15. */
export function signatureMethod(stored: string): SignatureMethod {
  if (stored === 'passkey' || stored === 'webauthn') return 'passkey';
  if (stored === 'totp') return 'totp';
  if (stored === 'e-id') return 'e-id';
  return 'password';
}
