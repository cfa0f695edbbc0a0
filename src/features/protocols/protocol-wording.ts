/**
 * The protocol's own words, as the committee's paper protocols have them (seed 2022-12-14): the
 * page heading (the host municipality above the committee's short name), "E-nämndens beslut"
 * ("E-nämndens förslag till beslut" for a tabled item),
 * the chair's proposition ("Ordföranden föreslår att … och finner att e-nämnden bifaller
 * förslaget") and the beslutsunderlag line ("…, E-NAMND, Hid: 2022.14"). Pure text functions.
 */
import type { MotionKind } from '../../domain/index.js';

/** What the protocol prints around its content; from the committee's settings. */
export interface Letterhead {
  /** The host municipality (värdkommun), printed above everything: "LULEÅ KOMMUN". */
  hostName: string;
  /** The body as the protocol names it: "E-nämnden" (committee setting `shortName`). */
  shortName: string;
  /** The registry's series code printed before a Hid: "E-NAMND" (committee setting `registryCode`). */
  registryCode: string;
}

/** The committee's settings that shape the letterhead, read from `organisations.settings`. */
export function letterheadOf(options: { settings: Record<string, unknown>; hostName: string | null; bodyName: string; isCommitteeBody: boolean }): Letterhead {
  const text = (key: string) => {
    const value = options.settings[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    hostName: options.hostName ?? '',
    shortName: (options.isCommitteeBody && text('shortName')) || options.bodyName,
    registryCode: text('registryCode'),
  };
}

/** "E-nämnden" → "E-nämndens"; a name ending in s, x or z keeps it. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The name inside a sentence: "finner att e-nämnden bifaller" (seed), "kommunstyrelsen". */
function inSentence(name: string): string {
  return name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
}

/** The seed's page footer: "Protokoll sammanträde e-nämnden 2022-12-14". */
export function footerTitle(shortName: string, meetingDate: string): string {
  return `Protokoll sammanträde ${inSentence(shortName)} ${meetingDate}`;
}

/**
 * "E-nämndens beslut"; for a tabled item "E-nämndens förslag till beslut" (seed § 22: the matter
 * was not decided, the paragraph gives what was proposed).
 */
export function decisionHeading(shortName: string, paragraph: { tabled?: boolean } = {}): string {
  return paragraph.tabled ? `${genitive(shortName)} förslag till beslut` : `${genitive(shortName)} beslut`;
}

/**
 * The chair's proposition as one sentence in the seed's wording. The live meeting stores what was
 * put: "Att bordlägga ärendet …" (a proposal in the chair's words), "Förslaget till beslut: …",
 * "Yrkande av Namn: …", or a free text such as "e-nämndens beredningsgrupps förslag".
 */
export function propositionSentence(proposition: { text: string; outcome: 'approved' | 'rejected' }, shortName: string): string {
  const body = inSentence(shortName);
  const verb = proposition.outcome === 'approved' ? 'bifaller' : 'avslår';
  const text = proposition.text.trim().replace(/[.\s]+$/, '');
  const chairProposes = /^att\s+(.*)$/is.exec(text);
  if (chairProposes) return `Ordföranden föreslår att ${chairProposes[1] ?? ''} och finner att ${body} ${verb} förslaget.`;
  const motion = /^(\p{L}*yrkande) av ([^:]+):/iu.exec(text);
  if (motion) {
    const noun = (motion[1] ?? 'yrkande').toLocaleLowerCase('sv-SE');
    return `Ordföranden ställer ${genitive(motion[2]?.trim() ?? '')} ${noun} under proposition och finner att ${body} ${verb} yrkandet.`;
  }
  const put = /^förslaget till beslut\b/i.test(text) ? 'förslaget till beslut' : text;
  return `Ordföranden ställer ${put} under proposition och finner att ${body} ${verb} förslaget.`;
}

/** A motion's kind as the chair names it when putting it: "Återremissyrkande av Anna Berg: …". */
export const MOTION_NOUN: Record<MotionKind, string> = {
  approve: 'Bifallsyrkande',
  reject: 'Avslagsyrkande',
  amend: 'Ändringsyrkande',
  add: 'Tilläggsyrkande',
  refer_back: 'Återremissyrkande',
  table: 'Bordläggningsyrkande',
};

/** Text as the end of a sentence: trimmed, without its own full stop, so that no sentence ends "..". */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

/**
 * A motion (yrkande) as the protocol records it, in the words of Swedish minutes: "Anna Berg (S)
 * yrkar bifall till förslaget.", "… yrkar avslag på förslaget.", "… yrkar att ärendet
 * återremitteras med motiveringen att …", "… yrkar att ärendet bordläggs.", "… yrkar följande
 * ändring: …", "… yrkar följande tillägg: …". A free-text motion from before typing: "Namn: text".
 */
export function motionSentence(motion: { by: string; kind?: MotionKind | null; text: string }): string {
  const text = withoutFullStop(motion.text);
  const reason = text ? ` med motiveringen ${/^att\b/i.test(text) ? text : `att ${text}`}` : '';
  switch (motion.kind) {
    case 'approve':
      return `${motion.by} yrkar bifall till ${text || 'förslaget'}.`;
    case 'reject':
      return `${motion.by} yrkar avslag på ${text || 'förslaget'}.`;
    case 'amend':
      return `${motion.by} yrkar följande ändring: ${text}.`;
    case 'add':
      return `${motion.by} yrkar följande tillägg: ${text}.`;
    case 'refer_back':
      return `${motion.by} yrkar att ärendet återremitteras${reason}.`;
    case 'table':
      // "till nästa sammanträde" says when; anything else is the reason.
      return `${motion.by} yrkar att ärendet bordläggs${/^till\b/i.test(text) ? ` ${text}` : reason}.`;
    default:
      return `${motion.by}: ${motion.text.trim()}`;
  }
}

/** A beslutsunderlag line: "Verksamhetsplan 2023, E-NAMND, Hid: 2022.14". */
export function basisLine(item: { hid: string | null; text: string }, registryCode: string): string {
  if (!item.hid) return item.text;
  return registryCode ? `${item.text}, ${registryCode}, Hid: ${item.hid}` : `${item.text}, Hid: ${item.hid}`;
}
