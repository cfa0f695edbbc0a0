/** The heading a secret matter is shown under in public: the protocol's public version, the notice, the extract. */

/** The default public heading of a matter under secrecy. */
const SECRET_PARAGRAPH_HEADING = 'Sekretessbelagt ärende';

/**
 * The public heading of a matter under secrecy: the one the secretary gave, else "Sekretessbelagt
 * ärende" with the case number (the registry entry and its number stay public). The real heading
 * may itself reveal what is secret, so it is never the fallback.
 * OSL 5:2 (the registry entry is public except what would reveal the secret); KL 8:12 (the notice).
 */
export function publicHeadingOf(options: { publicHeading: string | null; caseNumber: string | null }): string {
  const given = options.publicHeading?.trim() ?? '';
  if (given) return given;
  const caseNumber = options.caseNumber?.trim() ?? '';
  return caseNumber ? `${SECRET_PARAGRAPH_HEADING}, ärendenr ${caseNumber}` : SECRET_PARAGRAPH_HEADING;
}
