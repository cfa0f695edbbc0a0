/** The two who sign a protocol, by role. */
export type SignerRole = 'chair' | 'adjuster';

/**
 * Who signs a protocol (reglemente 22 §): the chair written in its header, and its adjuster — the
 * one in the header, else the one the meeting appointed. The one rule for the justering page, the
 * start page's tasks and the e-mail sent when the protocol is locked.
 */
export function signersOf(protocol: { chairPersonId: string | null; adjusterPersonId: string | null }, meeting: { adjusterPersonId: string | null }): Record<SignerRole, string | null> {
  return { chair: protocol.chairPersonId, adjuster: protocol.adjusterPersonId ?? meeting.adjusterPersonId };
}

/** The roles in which a person signs a protocol (see `signersOf`). */
export function signerRolesOf(personId: string, protocol: Parameters<typeof signersOf>[0], meeting: Parameters<typeof signersOf>[1]): SignerRole[] {
  const signers = signersOf(protocol, meeting);
  return (['chair', 'adjuster'] as const).filter((role) => signers[role] === personId);
}
