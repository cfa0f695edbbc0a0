/**
 * Secret papers in the members' room (issue 18). Secrecy under the public access and secrecy act
 * (OSL) applies against individuals and other authorities, not within the committee towards its own
 * members and substitutes handling the matter; a member who has reported jäv on an item takes no
 * part in handling it (KL 6:28), and so has no need to read its secret papers.
 */

/** The mandate in the body on the meeting day: member, substitute, or an official of a preparation group. */
export type PaperReaderRole = 'member' | 'substitute' | 'official';

/**
 * Whether a member or substitute may read a secret paper in the members' room: the paper is part
 * of the decision basis of an item on the agenda of a meeting they are called to, it belongs to
 * the body's own committee, and they have not reported jäv on that item. Officials are not
 * covered: they read secret papers only with the registry's own right (registry.readSecret).
 * OSL 8:1 (secrecy against others, not within the committee); KL 6:28 (jäv).
 */
export function mayReadSecretPaperAsMember(options: { role: PaperReaderRole; onAgendaOfMeeting: boolean; ownCommitteePaper: boolean; javReported: boolean }): boolean {
  return (options.role === 'member' || options.role === 'substitute') && options.onAgendaOfMeeting && options.ownCommitteePaper && !options.javReported;
}
