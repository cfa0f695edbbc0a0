import { z } from 'zod';
import { msg, optionalText, parseInput, requiredText } from '../../../platform/validation.js';
import { MOTION_KINDS, motionNeedsText, type MotionKind } from '../../../domain/index.js';

/** Inputs of the live meeting screen (sammanträdet), one schema per small form. */

const itemId = () => z.uuid(msg('Välj en punkt på dagordningen.', 'Choose an item of the agenda.'));
const personId = () => z.uuid(msg('Välj en person.', 'Choose a person.'));
const optionalUuid = () => optionalText(36).pipe(z.uuid().optional());

/** An alternative the chair can put to the committee: the proposal, or one motion (yrkande). */
export const ZAlternative = z
  .string(msg('Välj ett förslag eller yrkande.', 'Choose a proposal or motion.'))
  .regex(/^(proposal|motion:[0-9a-f-]{36})$/, msg('Välj ett förslag eller yrkande.', 'Choose a proposal or motion.'));
export type TAlternative = z.infer<typeof ZAlternative>;

/** Närvaro: the state at the start (no item) or a change from an item on. */
export const ZAttendanceInput = z
  .object({
    personId: personId(),
    type: z.enum(['present', 'remote', 'absent', 'arrived', 'left'], msg('Välj närvaro.', 'Choose the attendance.')),
    itemId: optionalUuid(),
  })
  .refine((input) => input.itemId !== undefined || !['arrived', 'left'].includes(input.type), {
    path: ['itemId'],
    ...msg('Välj vid vilken punkt.', 'Choose at which item.'),
  });
export type TAttendanceInput = z.infer<typeof ZAttendanceInput>;

export const ZEventRef = z.object({ eventId: z.uuid(msg('Händelsen finns inte.', 'The event does not exist.')) });

/** Jäv: a person steps out for one item (KL 6:28, reglemente 18 §). */
export const ZJavInput = z.object({ itemId: itemId(), personId: personId() });

/** Yrkande: its type, and its text (what to change or add; for the others optional). */
export const ZMotionInput = z
  .object({
    itemId: itemId(),
    personId: personId(),
    kind: z.enum(MOTION_KINDS as [MotionKind, ...MotionKind[]], msg('Välj vilken sorts yrkande det är.', 'Choose the type of motion.')),
    text: optionalText(2000).transform((text) => text ?? ''),
  })
  .refine((input) => !motionNeedsText(input.kind) || input.text !== '', {
    path: ['text'],
    ...msg('Skriv vad ändrings- eller tilläggsyrkandet går ut på.', 'Write what the amendment or addition says.'),
  });
export const ZMotionRef = z.object({ motionId: z.uuid(msg('Yrkandet finns inte.', 'The motion does not exist.')) });

export const ZPropositionInput = z.object({
  itemId: itemId(),
  text: requiredText(2000),
  outcome: z.enum(['approved', 'rejected'], msg('Välj om förslaget bifölls eller avslogs.', 'Choose whether it was approved or rejected.')),
});

export const ZAcclamationInput = z.object({ itemId: itemId(), alternative: ZAlternative });

const ZChoice = z.enum(['yes', 'no', 'abstain'], msg('Välj ja, nej eller avstår.', 'Choose yes, no or abstain.'));
export type TChoice = z.infer<typeof ZChoice>;

export const ZVoteInput = z
  .object({
    itemId: itemId(),
    yes: ZAlternative,
    no: ZAlternative,
    ballots: z.record(z.uuid(), ZChoice),
  })
  .refine((input) => input.yes !== input.no, { path: ['no'], ...msg('Ja och nej måste stå för olika förslag.', 'Yes and no must stand for different proposals.') });
export type TVoteInput = z.infer<typeof ZVoteInput>;

/** The ballot of a person arrives as the field `ballot-<person id>`. */
export const BALLOT_PREFIX = 'ballot-';

/** Parse the vote form: the fixed fields plus one `ballot-<id>` field per person who voted. */
export function parseVoteInput(raw: Record<string, string>): TVoteInput {
  const ballots = Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => key.startsWith(BALLOT_PREFIX))
      .map(([key, value]) => [key.slice(BALLOT_PREFIX.length), value]),
  );
  return parseInput(ZVoteInput, { itemId: raw.itemId, yes: raw.yes, no: raw.no, ballots });
}

export const ZDecisionTextInput = z.object({ itemId: itemId(), decisionText: requiredText(5000) });
export const ZItemRef = z.object({ itemId: itemId() });

export const ZReservationInput = z.object({ itemId: itemId(), personId: personId() });
export const ZReservationReason = z.object({
  reservationId: z.uuid(msg('Reservationen finns inte.', 'The reservation does not exist.')),
  reason: requiredText(5000),
});

export const ZNotesInput = z.object({
  itemId: itemId(),
  protocolNotes: optionalText(5000).transform((text) => text ?? ''),
});

export const ZImmediateJusteringInput = z.object({
  itemId: itemId(),
  immediateJustering: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

/** Bordläggning to the next ordinary meeting of the body, planned or not yet planned. */
export const NEXT_ORDINARY = 'next';

const optionalCount = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z.number(msg('Ange antalet röster som ett heltal.', 'Enter the number of votes as a whole number.')).int().min(0).max(1000).optional(),
  );

/** Bordläggning: the later meeting; with a vote on tabling, the votes for and against (KL 6:33). */
export const ZTablingInput = z
  .object({
    itemId: itemId(),
    /** A planned meeting, or `next`: the next ordinary meeting, placed on it when it is planned. */
    targetMeetingId: z.union([z.literal(NEXT_ORDINARY), z.uuid()], msg('Välj det sammanträde ärendet bordläggs till.', 'Choose the meeting the item is tabled to.')),
    votesFor: optionalCount(),
    votesAgainst: optionalCount(),
  })
  .refine((input) => (input.votesFor === undefined) === (input.votesAgainst === undefined), {
    path: ['votesAgainst'],
    ...msg('Ange både röster för och emot bordläggning, eller inga.', 'Give both the votes for and against tabling, or neither.'),
  });

/** Reglemente 16 §: the member the committee elected to chair; empty clears the choice. */
export const ZTemporaryChairInput = z.object({ personId: optionalUuid() });
