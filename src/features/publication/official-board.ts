/**
 * The official board is confirmed, not assumed (KL 8:9): a posting on Kansli's board counts as a
 * municipality's posting (KL 8:12) and starts its appeal period (KL 13:5) only when that
 * municipality has confirmed that Kansli's board, or its embedding at a stated address, is its
 * official notice board. Without a confirmation the notice is posted by hand: the registrar
 * records the day it went up on the municipality's own board.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { officialBoardConfirmations } from './publication.tables.js';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';

export type OfficialBoardRow = typeof officialBoardConfirmations.$inferSelect;

export async function findOfficialBoard(db: Db, municipalityId: string): Promise<OfficialBoardRow | undefined> {
  const [row] = await db.select().from(officialBoardConfirmations).where(eq(officialBoardConfirmations.municipalityId, municipalityId));
  return row;
}

/** The municipalities among `ids` that have confirmed Kansli's board (or its embedding) as their official board. */
export async function confirmedMunicipalities(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: officialBoardConfirmations.municipalityId }).from(officialBoardConfirmations).where(inArray(officialBoardConfirmations.municipalityId, [...ids]));
  return new Set(rows.map((r) => r.id));
}

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
