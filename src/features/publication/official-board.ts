/**
 * The official board is confirmed, not assumed (KL 8:9): a posting on Kansli's board counts as a
 * municipality's posting (KL 8:12) and starts its appeal period (KL 13:5) only when that
 * municipality has confirmed that Kansli's board, or its embedding at a stated address, is its
 * official notice board. Without a confirmation the notice is posted by hand: the registrar
 * records the day it went up on the municipality's own board.
 */
import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';

/** A confirmation as recorded: which board, who confirmed (e.g. a decision of the executive board) and when. */
export const ZOfficialBoardInput = z
  .object({
    kind: z.enum(['kansli', 'embedded'], msg('Välj Kanslis anslagstavla eller inbäddningen.', "Choose Kansli's board or the embedding.")),
    embedUrl: optionalText(500).pipe(z.url(msg('Ange adressen där anslagstavlan är inbäddad.', 'Give the address where the board is embedded.')).optional()),
    confirmedBy: requiredText(300),
    confirmedOn: isoDate(),
  })
  .refine((input) => input.kind === 'kansli' || input.embedUrl !== undefined, {
    path: ['embedUrl'],
    ...msg('Ange adressen där anslagstavlan är inbäddad.', 'Give the address where the board is embedded.'),
  });
export type TOfficialBoardInput = z.infer<typeof ZOfficialBoardInput>;
