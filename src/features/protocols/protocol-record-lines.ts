import { javLine, type MeetingRecord } from './protocol.model.js';
import { motionSentence, propositionSentence, withoutFullStop } from './protocol-wording.js';
import { countWord } from '../../platform/i18n/plural.js';

/**
 * The facts of a paragraph's meeting record (KL 5:67: motions, propositions, votes and how each
 * member voted in an open vote, elections, reservations, jäv) as the protocol prints them, in the
 * seed's Swedish. The protocol PDF lays these lines out; the protokollsutdrag prints the same
 * lines, so an extract always says what the protocol says.
 */
export type RecordLine =
  | { kind: 'heading'; text: string; level: 'section' | 'sub' }
  | { kind: 'para'; text: string; bold?: boolean }
  | { kind: 'item'; text: string }
  | { kind: 'row'; label: string; value: string }
  | { kind: 'block'; text: string };

const CHOICE = { yes: 'Ja', no: 'Nej', abstain: 'Avstår' } as const;

/** Does the record hold anything to print? */
export function hasRecord(r: MeetingRecord): boolean {
  return r.motions.length + r.propositions.length + r.votes.length + (r.elections?.length ?? 0) + r.reservations.length + r.jav.length > 0 || r.notes.trim() !== '';
}

/**
 * The record's lines. The chair's propositions read as the seed's sentences: straight under
 * "Sammanträdet" when nothing else was written there, else under their own "Beslutsgång".
 */
export function meetingRecordLines(r: MeetingRecord, options: { shortName: string; afterHandling: boolean }): RecordLine[] {
  const lines: RecordLine[] = r.jav.map((entry) => ({ kind: 'para', text: javLine(entry) }));
  if (r.motions.length > 0) {
    lines.push({ kind: 'heading', text: 'Yrkanden', level: 'sub' });
    for (const m of r.motions) lines.push({ kind: 'item', text: motionSentence(m) });
  }
  if (r.propositions.length > 0) {
    if (options.afterHandling || r.motions.length > 0) lines.push({ kind: 'heading', text: 'Beslutsgång', level: 'section' });
    for (const prop of r.propositions) lines.push({ kind: 'para', text: propositionSentence(prop, options.shortName) });
  }
  for (const [i, v] of r.votes.entries()) {
    lines.push({ kind: 'heading', text: r.votes.length > 1 ? `Omröstning ${i + 1}` : 'Omröstning', level: 'sub' });
    lines.push({ kind: 'para', text: `Ja-röst för ${withoutFullStop(v.yesMeans)}. Nej-röst för ${withoutFullStop(v.noMeans)}.` });
    lines.push({ kind: 'para', text: `Resultat: ${v.yes} ja, ${v.no} nej, ${v.abstain} avstår.`, bold: true });
    const outcome =
      v.outcome === 'lottery'
        ? `Lika röstetal; lotten avgör${v.lotteryResult ? `: ${withoutFullStop(v.lotteryResult)}` : ''}.`
        : `Nämnden har beslutat enligt ${withoutFullStop(v.outcome === 'yes' ? v.yesMeans : v.noMeans)}${v.decidedByCastingVote ? ' genom ordförandens utslagsröst' : ''}.`;
    lines.push({ kind: 'para', text: outcome });
    for (const b of v.ballots) lines.push({ kind: 'row', label: `${b.name} (${b.municipality})`, value: CHOICE[b.choice] });
  }
  for (const e of r.elections ?? []) {
    lines.push({ kind: 'heading', text: e.closedBallot ? 'Val med sluten omröstning' : 'Val', level: 'sub' });
    for (const c of e.candidates) lines.push({ kind: 'row', label: c.name, value: `${c.votes} röster` });
    if (e.lottery) lines.push({ kind: 'para', text: `Lika röstetal mellan ${e.lottery.among.join(', ')} om ${countWord('sv', e.lottery.places, { one: 'plats', other: 'platser' })}; lotten föll på ${e.lottery.drawn.join(', ')}.` });
    lines.push({ kind: 'para', text: `Valda: ${e.elected.join(', ')}.`, bold: true });
    for (const b of e.ballots) lines.push({ kind: 'row', label: `${b.name} (${b.municipality})`, value: b.candidate ?? 'Avstår' });
  }
  if (r.reservations.length > 0) {
    lines.push({ kind: 'heading', text: 'Reservationer', level: 'sub' });
    for (const res of r.reservations) lines.push({ kind: 'item', text: `${res.name} reserverar sig mot beslutet${res.reason ? `: ${withoutFullStop(res.reason)}.` : '.'}` });
  }
  if (r.notes.trim()) lines.push({ kind: 'block', text: r.notes });
  return lines;
}

/** The lines as plain text (the extract's text PDF): a blank line before each heading, ballots as "Namn (Kommun): Ja". */
export function recordLinesText(lines: readonly RecordLine[]): string {
  return lines
    .map((line) => {
      switch (line.kind) {
        case 'heading':
          return `\n${line.text}\n`;
        case 'item':
          return `• ${line.text}`;
        case 'row':
          return `${line.label}: ${line.value}`;
        default:
          return line.text;
      }
    })
    .join('\n')
    .trim();
}
