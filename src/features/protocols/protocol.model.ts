import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/audit.js';
import type { Letterhead } from './protocol-wording.js';
import type { MotionKind } from '../../domain/index.js';

/**
 * The protocol as one plain value: built from the database by the protocol service, rendered to
 * HTML and PDF/A, and signed at justering through its canonical form's SHA-256. Everything a
 * protocol must hold (KL 5:66–67) is here; nothing here depends on how it is shown.
 */
export interface ProtocolDocument {
  protocolId: string;
  status: 'draft' | 'locked' | 'final';
  organisationName: string;
  bodyName: string;
  /** The host municipality and the committee's short name on every page, the registry code before a Hid. */
  letterhead: Letterhead;
  /** YYYY-MM-DD, and HH:MM in Swedish time. */
  meetingDate: string;
  startTime: string;
  endTime: string | null;
  place: string;
  /** Members and serving substitutes who served (KL 5:66), with municipality. */
  served: ServedPerson[];
  /** Others present: officials, the secretary, guests. */
  otherPresent: string;
  chair: string | null;
  adjuster: string | null;
  secretary: string;
  justeringPlace: string;
  /** The planned day of justering (YYYY-MM-DD) as the secretary entered it; signed only in digest version 1. */
  justeringDate: string | null;
  /**
   * The day the protocol was adjusted: the Swedish (Europe/Stockholm) date of the last justering
   * signature, set when it becomes final. Never signed (it is not known when the signers sign);
   * absent in protocols made final before it existed, which print the planned date as they did.
   */
  justeredOn?: string | null;
  paragraphs: ProtocolParagraph[];
}

export interface ServedPerson {
  name: string;
  municipality: string;
  role: 'member' | 'substitute';
  position: 'chair' | 'vice_chair' | null;
  /** For a serving substitute: the member served for. */
  servingFor: string | null;
  /** The paragraphs (ids, in print order) the person served at (KL 5:66); see `servicePeriod`. */
  paragraphIds: string[];
}

/** A jäv at a paragraph (KL 6:28) and who served on that seat meanwhile. */
export interface JavEntry {
  name: string;
  municipality: string;
  /** The person would have served but stepped out for the jäv. */
  steppedOut: boolean;
  /** Who served on the seat meanwhile; null with `steppedOut`: the seat was vacant. */
  servedInstead: string | null;
}

export interface ProtocolParagraph {
  id: string;
  /** § number; fixed when the draft is locked (null in an unlocked draft). */
  number: number | null;
  heading: string;
  /** For a paragraph under secrecy: the heading the public version, the notice and the extract show (OSL 5:2). */
  publicHeading: string | null;
  caseNumber: string | null;
  /** The decision; numbered points are lines "1. …". */
  decision: string;
  summary: string;
  /** The secretary's account of the handling ("Sammanträdet"). */
  handling: string;
  /** The facts recorded at the meeting (KL 5:67): motions, propositions, votes, reservations. */
  record: MeetingRecord;
  decisionBasis: { hid: string | null; text: string }[];
  recipients: string[];
  /** When set, the public version leaves the paragraph's content out and names this provision. */
  secrecyProvision: string | null;
  immediateJustering: boolean;
  /**
   * Bordlagd: the item was tabled to a later meeting, so its text is headed "förslag till beslut"
   * (seed § 22). Absent when not tabled, so that the canonical form of other protocols is unchanged.
   */
  tabled?: true;
}

/** The counts and outcome of a vote (KL 5:67), as the protocol and the snapshot's open votes keep them. */
export interface VoteCounts {
  yesMeans: string;
  noMeans: string;
  yes: number;
  no: number;
  abstain: number;
  outcome: 'yes' | 'no' | 'lottery';
  decidedByCastingVote: boolean;
  lotteryResult: string | null;
}

/** The counts and outcome of a vote, and nothing else of the row or value they are read from. */
export const voteCounts = (v: VoteCounts): VoteCounts => ({
  yesMeans: v.yesMeans,
  noMeans: v.noMeans,
  yes: v.yes,
  no: v.no,
  abstain: v.abstain,
  outcome: v.outcome,
  decidedByCastingVote: v.decidedByCastingVote,
  lotteryResult: v.lotteryResult,
});

export interface MeetingRecord {
  /** `kind` is absent for a free-text motion from before migration 0022, so older snapshots read the same. */
  motions: { by: string; text: string; kind?: MotionKind }[];
  propositions: { text: string; outcome: 'approved' | 'rejected' }[];
  votes: (VoteCounts & {
    /** How each member voted in an open vote (KL 5:67). */
    ballots: { name: string; municipality: string; choice: 'yes' | 'no' | 'abstain' }[];
  })[];
  /**
   * Elections (KL 5:55–56): counts, the lot, the elected and, for an open election only, how each
   * voted; a closed ballot names no one's vote. Absent when the item had no election, so that the
   * canonical form of protocols without one is unchanged.
   */
  elections?: {
    places: number;
    closedBallot: boolean;
    candidates: { name: string; votes: number }[];
    elected: string[];
    lottery: { among: string[]; places: number; drawn: string[] } | null;
    ballots: { name: string; municipality: string; candidate: string | null }[];
  }[];
  reservations: { name: string; reason: string | null }[];
  jav: JavEntry[];
  notes: string;
}

/**
 * Which canonical form a protocol's digest was computed with (stored as protocols.digest_version):
 * 1 holds the planned justering date, so a protocol locked with it signs that date; 2 leaves the
 * date out, so that the final protocol can print the day it was actually adjusted.
 */
export type DigestVersion = 1 | 2;

/** The canonical form new locks use. */
export const CURRENT_DIGEST_VERSION: DigestVersion = 2;

/** A stored digest_version as a DigestVersion; anything else is a broken row, not a protocol to sign or verify. */
export function digestVersionOf(value: number): DigestVersion {
  if (value === 1 || value === 2) return value;
  throw new Error(`unknown protocol digest version ${value}`);
}

/**
 * The canonical form: JSON with sorted keys, so that the same protocol always gives the same bytes.
 * Never the status or the day of justering; the planned justering date in version 1 only.
 */
export function canonicalProtocol(doc: ProtocolDocument, version: DigestVersion = CURRENT_DIGEST_VERSION): string {
  const { status: _status, justeredOn: _justeredOn, ...content } = doc;
  if (version === 1) return canonicalJson(content);
  const { justeringDate: _planned, ...signed } = content;
  return canonicalJson(signed);
}

/** The SHA-256 the signers sign and the protocol prints ("Signerat, SHA-256 8F40…"): upper-case hex. */
export function protocolDigest(doc: ProtocolDocument, version: DigestVersion = CURRENT_DIGEST_VERSION): string {
  return createHash('sha256').update(canonicalProtocol(doc, version)).digest('hex').toUpperCase();
}

/** A line of the header about justering: its label (a message key `protocol.<label>`) and value. */
export interface JusteringRow {
  label: 'justering' | 'justeringPlanned' | 'justeringPlace' | 'justeredOn';
  value: string;
}

/**
 * What the protocol says about its justering. A final protocol: where, and the day it was
 * adjusted (the last signature). Before that: the planned place and date, labelled as planned.
 * A final protocol from before the day was kept prints what it always printed.
 */
export function justeringRows(doc: Pick<ProtocolDocument, 'status' | 'justeringPlace' | 'justeringDate' | 'justeredOn'>): JusteringRow[] {
  const planned = [doc.justeringPlace, doc.justeringDate].filter(Boolean).join(', ') || '–';
  if (doc.status !== 'final') return [{ label: 'justeringPlanned', value: planned }];
  if (!doc.justeredOn) return [{ label: 'justering', value: planned }];
  return [...(doc.justeringPlace ? [{ label: 'justeringPlace' as const, value: doc.justeringPlace }] : []), { label: 'justeredOn', value: doc.justeredOn }];
}

/** The public version: paragraphs under secrecy keep their number, show their public heading, and name the provision instead of their content. */
export function publicVersion(doc: ProtocolDocument): ProtocolDocument {
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) =>
      p.secrecyProvision
        ? {
            ...p,
            heading: p.publicHeading ?? p.heading,
            decision: '',
            summary: '',
            handling: '',
            record: { motions: [], propositions: [], votes: [], reservations: [], jav: [], notes: '' },
            decisionBasis: [],
            recipients: [],
          }
        : p,
    ),
  };
}

/** The heading a reader without access to secrets sees: the public heading of a secret paragraph. */
export function publicHeadingOfParagraph(p: Pick<ProtocolParagraph, 'heading' | 'publicHeading' | 'secrecyProvision'>): string {
  return p.secrecyProvision ? (p.publicHeading ?? p.heading) : p.heading;
}

/**
 * When a person served, for the "Beslutande" list (KL 5:66): throughout; from a paragraph to the
 * end (`from` "§ 21", `label` "§ 21–25"); or the paragraphs served ("§ 19–21, 23"). Paragraphs are named by their
 * § number, or in an unnumbered draft by their place ("punkt 2").
 */
export type ServicePeriod = { kind: 'throughout' } | { kind: 'from'; from: string; label: string } | { kind: 'spans'; label: string };

export function servicePeriod(doc: Pick<ProtocolDocument, 'paragraphs'>, person: Pick<ServedPerson, 'paragraphIds'>): ServicePeriod {
  const places = doc.paragraphs.map((p, index) => (person.paragraphIds.includes(p.id) ? index : -1)).filter((index) => index >= 0);
  if (places.length === 0 || places.length === doc.paragraphs.length) return { kind: 'throughout' };
  const numbered = doc.paragraphs.every((p) => p.number !== null);
  const name = (index: number) => String(numbered ? doc.paragraphs[index]?.number : index + 1);
  const runs: [number, number][] = [];
  for (const place of places) {
    const last = runs.at(-1);
    if (last && last[1] === place - 1) last[1] = place;
    else runs.push([place, place]);
  }
  const label = `${numbered ? '§' : 'punkt'} ${runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`)).join(', ')}`;
  const [first] = runs;
  if (runs.length === 1 && first && first[1] === doc.paragraphs.length - 1) return { kind: 'from', from: `${numbered ? '§' : 'punkt'} ${name(first[0])}`, label };
  return { kind: 'spans', label };
}

/**
 * One line of the "Beslutande" list, in Swedish as the protocol prints it (seed 2022-12-14):
 * "Ersättare N (Boden) tjänstgör för L fr.o.m. § 21"; a member present only part of the meeting
 * gets the paragraphs "§ 19–22". KL 5:66.
 */
export function servedLine(doc: Pick<ProtocolDocument, 'paragraphs'>, person: ServedPerson): string {
  const period = servicePeriod(doc, person);
  const position = person.position === 'chair' ? 'ordförande' : person.position === 'vice_chair' ? 'vice ordförande' : null;
  if (person.role === 'substitute' && period.kind !== 'throughout') {
    const forWhom = person.servingFor ? ` för ${person.servingFor}` : '';
    return `Ersättare ${person.name} (${person.municipality}) tjänstgör${forWhom} ${period.kind === 'from' ? `fr.o.m. ${period.from}` : period.label}`;
  }
  const parts = [`${person.name} (${person.municipality})`];
  if (position) parts.push(position);
  if (person.role === 'substitute') parts.push(person.servingFor ? `tjänstgörande ersättare för ${person.servingFor}` : 'tjänstgörande ersättare');
  // Arrivals and departures: the paragraphs the member took part in ("§ 21–25").
  if (period.kind !== 'throughout') parts.push(period.label);
  return parts.join(', ');
}

/** The jäv line of a paragraph: who stepped out and who served on the seat meanwhile (KL 6:28, 5:67). */
export function javLine(entry: JavEntry): string {
  const out = `${entry.name} (${entry.municipality}) anmäler jäv och deltar inte i handläggningen av ärendet.`;
  if (!entry.steppedOut) return out;
  return entry.servedInstead ? `${out} Ersättare ${entry.servedInstead} tjänstgör i hens ställe.` : `${out} Ingen ersättare finns att tillgå; platsen är vakant under paragrafen.`;
}
