/** zod schemas for the publication feature: the committee's settings and the registrar's form. */
import { z } from 'zod';
import { isoDate, msg } from '../../platform/validation.js';

/**
 * How the committee's notices reach the member municipalities' boards, kept in the committee's
 * `organisations.settings.publication`:
 * `immediate` — posted by Kansli the moment the protocol is final (the default);
 * `scheduled` — posted by Kansli at `postingTime` (Swedish time) on the first day it comes;
 * `manual` — each municipality posts on its own site and its registrar records the date.
 * Municipalities listed in `manualMunicipalities` post by hand whatever the mode.
 */
export const ZPublicationSettings = z.object({
  noticePosting: z.enum(['immediate', 'scheduled', 'manual']).catch('immediate'),
  postingTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).catch('08:00'),
  /** Where the protocol is kept (KL 8:12); empty: the host municipality's office. */
  protocolKeptAt: z.string().max(300).catch(''),
  manualMunicipalities: z.array(z.string()).catch([]),
  /**
   * The court that tries an appeal of the committee's decisions (laglighetsprövning, KL 13:1, 13:5):
   * the förvaltningsrätt of the district where the committee has its seat, e.g. "Förvaltningsrätten
   * i Luleå"; empty: the guidance says "förvaltningsrätten". The address is printed after the name.
   */
  appealCourt: z.string().max(200).catch(''),
  appealCourtAddress: z.string().max(500).catch(''),
});
export type TPublicationSettings = z.infer<typeof ZPublicationSettings>;

/** The committee's settings, with defaults for anything missing or malformed. */
export function publicationSettingsOf(settings: Record<string, unknown>): TPublicationSettings {
  const raw = settings.publication;
  return ZPublicationSettings.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** The registrar's record of the municipality's own posting: the date, and where it was posted. */
export const ZRecordPosting = z.object({
  postedOn: z.preprocess(trimmed, isoDate()),
  externalUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v)),
    z
      .url(msg('Ange en fullständig webbadress som börjar med https://', 'Enter a full web address starting with https://'))
      .max(1000)
      .refine((u) => /^https?:\/\//i.test(u), msg('Adressen ska börja med https:// eller http://', 'The address must start with https:// or http://'))
      .optional(),
  ),
});
export type TRecordPosting = z.infer<typeof ZRecordPosting>;

/** The secretary's form for the committee's settings. */
export const ZSettingsInput = z.object({
  noticePosting: z.enum(['immediate', 'scheduled', 'manual'], msg('Välj hur anslagen sätts upp.', 'Choose how notices are posted.')),
  postingTime: z.preprocess(trimmed, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('Ange en tid som TT:MM, till exempel 08:00.', 'Enter a time as HH:MM, e.g. 08:00.'))),
  protocolKeptAt: z.preprocess(trimmed, z.string().max(300)),
  manualMunicipalities: z.array(z.string().max(100)).max(100),
  appealCourt: z.preprocess((v) => trimmed(v ?? ''), z.string().max(200, msg('Skriv domstolens namn med högst 200 tecken.', 'Write the court’s name in at most 200 characters.'))),
  appealCourtAddress: z.preprocess((v) => trimmed(v ?? ''), z.string().max(500, msg('Skriv adressen med högst 500 tecken.', 'Write the address in at most 500 characters.'))),
});
export type TSettingsInput = z.infer<typeof ZSettingsInput>;

/** A correction of a recorded posting date: the new date, why, and by whom (the signed-in user). */
export const ZCorrectPosting = z.object({
  postedOn: z.preprocess(trimmed, isoDate()),
  reason: z.preprocess(
    trimmed,
    z
      .string(msg('Ange skälet till rättelsen.', 'Give the reason for the correction.'))
      .min(5, msg('Ange skälet till rättelsen, med minst fem tecken.', 'Give the reason for the correction, at least five characters.'))
      .max(1000),
  ),
});
export type TCorrectPosting = z.infer<typeof ZCorrectPosting>;
