/**
 * Allmänna handlingar (public records). Public access is the default; only a secrecy provision
 * (OSL) withholds a record, and the information-security class (Öppen … Strikt konfidentiellt)
 * never decides it. "Internal" is not a kind of secrecy: it is a drawn-up document that is not
 * yet a public record (a working draft), and it can be that only while its case is open.
 */

/** Inkommen (incoming), utgående (sent out) or upprättad (drawn up and kept). */
export type RecordDirection = 'incoming' | 'outgoing' | 'drawn_up';
/** `internal`: a drawn-up working draft that is not yet a public record. */
export type RecordSecrecy = 'public' | 'secret' | 'internal';

/**
 * Whether a document may be registered or kept as an internal working draft: only one drawn up
 * here whose case is still open. An incoming document is a public record when it arrives (TF
 * 2:9); a document sent out is one when it is sent, and a drawn-up one at the latest when its
 * case is finally settled (TF 2:10).
 * TF 2:9–10; OSL 5:1.
 */
export function mayBeInternal(options: { direction: RecordDirection; caseOpen: boolean }): boolean {
  return options.direction === 'drawn_up' && options.caseOpen;
}

/**
 * The state a registered document has now: an internal draft whose case has closed (or that was
 * sent out or came in) is a public record, public unless a secrecy provision is recorded — and a
 * provision is recorded only by marking it secret (OSL 5:5), so it then becomes `public`.
 * Secret and public documents keep their state.
 * TF 2:9–10; OSL 5:1–2, 5:5.
 */
export function publicRecordState(options: { secrecy: RecordSecrecy; direction: RecordDirection; caseOpen: boolean }): RecordSecrecy {
  if (options.secrecy !== 'internal') return options.secrecy;
  return mayBeInternal(options) ? 'internal' : 'public';
}
