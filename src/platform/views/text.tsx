/** Text as a user wrote it. */

/** Text kept as written: line breaks shown, escaped like everything else; nothing for blank text. */
export function Lines({ text }: { text: string }) {
  if (!text.trim()) return null;
  return <p style="white-space: pre-line">{text}</p>;
}
