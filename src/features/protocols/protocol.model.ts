import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/audit.js';

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
  justeringDate: string | null;
  paragraphs: ProtocolParagraph[];
}

export interface ServedPerson {
  name: string;
  municipality: string;
  role: 'member' | 'substitute';
  position: 'chair' | 'vice_chair' | null;
  /** For a serving substitute: the member served for. */
  servingFor: string | null;
}

export interface ProtocolParagraph {
  id: string;
  /** § number; fixed when the draft is locked (null in an unlocked draft). */
  number: number | null;
  heading: string;
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
}

export interface MeetingRecord {
  motions: { by: string; text: string }[];
  propositions: { text: string; outcome: 'approved' | 'rejected' }[];
  votes: {
    yesMeans: string;
    noMeans: string;
    yes: number;
    no: number;
    abstain: number;
    outcome: 'yes' | 'no' | 'lottery';
    decidedByCastingVote: boolean;
    lotteryResult: string | null;
    /** How each member voted in an open vote (KL 5:67). */
    ballots: { name: string; municipality: string; choice: 'yes' | 'no' | 'abstain' }[];
  }[];
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
  jav: string[];
  notes: string;
}

/** The canonical form: JSON with sorted keys, so that the same protocol always gives the same bytes. */
export function canonicalProtocol(doc: ProtocolDocument): string {
  const { status: _status, ...content } = doc;
  return canonicalJson(content);
}

/** The SHA-256 the signers sign and the protocol prints ("Signerat, SHA-256 8F40…"): upper-case hex. */
export function protocolDigest(doc: ProtocolDocument): string {
  return createHash('sha256').update(canonicalProtocol(doc)).digest('hex').toUpperCase();
}

/** The public version: paragraphs under secrecy keep number and heading, and name the provision instead of their content. */
export function publicVersion(doc: ProtocolDocument): ProtocolDocument {
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) =>
      p.secrecyProvision
        ? {
            ...p,
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
