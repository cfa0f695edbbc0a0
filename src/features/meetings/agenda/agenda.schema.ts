import { z } from 'zod';
import { ZSecrecyProvision } from '../../registry/registry.schema.js';
import { msg, optionalText, requiredText } from '../../../platform/validation.js';

/** Item kinds seen in the seed: a decision, information noted, an election (val). */
export const AGENDA_ITEM_KINDS = ['decision', 'information', 'election'] as const;

const HID = /^\d{4}\.\d{1,6}$/;
const splitLines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v);
const splitHids = (v: unknown) => (typeof v === 'string' ? v.split(/[\s,;]+/).map((s) => s.replace(/^hid:?/i, '').trim()).filter(Boolean) : []);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());

/** An agenda item as the form sends it; `documentIds` are the checked documents of the case. */
export const ZAgendaItemInput = z.object({
  kind: z.enum(AGENDA_ITEM_KINDS, msg('Välj typ av punkt.', 'Choose the kind of item.')),
  heading: requiredText(300),
  caseId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid(msg('Välj ett ärende ur listan.', 'Choose a case from the list.')).optional()),
  /** Förslag till beslut; numbered points are lines starting with "1." and are kept as written. */
  proposal: optionalText(20_000),
  summary: optionalText(20_000),
  /** "Beslutet skickas till": one recipient per line. */
  recipients: z.preprocess(splitLines, z.array(z.string().max(300)).max(100, msg('Högst 100 mottagare.', 'At most 100 recipients.')).default([])),
  documentIds: z.array(z.uuid()).max(200).default([]),
  /** Decision-basis documents from other cases, by their Hid (2022.14), separated by commas or lines. */
  otherHids: z
    .preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(2000))
    .superRefine((v, ctx) => {
      const bad = splitHids(v).filter((h) => !HID.test(h));
      if (bad.length) ctx.addIssue({ code: 'custom', message: msg(`Skriv Hid som ÅÅÅÅ.NUMMER, till exempel 2022.14 (fel: ${bad.join(', ')}).`, `Write a Hid as YYYY.NUMBER, for example 2022.14 (wrong: ${bad.join(', ')}).`).error });
    })
    .transform(splitHids),
  isSecret: checkbox.default(false),
  /** OSL 5:5: the provision a secret item is kept secret under, in full; empty: its basis documents' provision. */
  secrecyProvision: ZSecrecyProvision,
  /** What a secret item is called in public (OSL 5:2); empty: "Sekretessbelagt ärende" and the case number. */
  publicHeading: optionalText(500),
});
export type TAgendaItemInput = z.output<typeof ZAgendaItemInput>;

export const ZMoveItem = z.object({ direction: z.enum(['up', 'down']) });
export type TMoveItem = z.output<typeof ZMoveItem>;

/** The whole new order: every item of the meeting, each once. */
export const ZAgendaOrder = z.object({ order: z.array(z.uuid()).min(1).max(500) });
export type TAgendaOrder = z.output<typeof ZAgendaOrder>;

export const ZSendNotice = z.object({
  /** Reglemente 10 §: why the notice goes out later than the notice period. */
  lateReason: optionalText(2000),
  confirmResend: checkbox.default(false),
});
export type TSendNotice = z.output<typeof ZSendNotice>;

/** A block of a proposal: a paragraph, or a numbered point ("1. …") with its number kept. */
export type ProposalBlock = { kind: 'paragraph'; text: string } | { kind: 'point'; number: string; text: string };

/**
 * Splits a proposal into paragraphs and numbered points (seed § 24: "1. Norrbottens e-nämnd
 * beslutar …"). A blank line ends a block; a line that does not start a new point continues the
 * block above it, as the seed's wrapped lines do.
 */
export function proposalBlocks(text: string): ProposalBlock[] {
  const blocks: ProposalBlock[] = [];
  let current: ProposalBlock | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      current = undefined;
      continue;
    }
    const point = /^(\d{1,3})[.)]\s+(.*)$/.exec(line);
    if (point) {
      current = { kind: 'point', number: point[1] ?? '', text: point[2] ?? '' };
      blocks.push(current);
    } else if (current) {
      current.text = `${current.text} ${line}`;
    } else {
      current = { kind: 'paragraph', text: line };
      blocks.push(current);
    }
  }
  return blocks;
}
