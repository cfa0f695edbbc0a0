import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';
import { ZSlug } from '../auth/auth.schema.js';

const intField = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.replace(/[\s\u00a0]/g, '') === '' ? undefined : Number(v.replace(/[\s\u00a0]/g, ''))) : v), z.number().int().min(min).max(max));

/** An optional whole number: an empty field is null. */
const optionalIntField = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.replace(/[\s\u00a0]/g, '') === '' ? null : Number(v.replace(/[\s\u00a0]/g, ''))) : (v ?? null)),
    z.number(msg(`Ange ett heltal från ${min} till ${max}, eller lämna tomt.`, `Enter a whole number from ${min} to ${max}, or leave it empty.`)).int().min(min).max(max).nullable(),
  );

const checkbox = () => z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const ZOrganisationInput = z.object({
  name: requiredText(200),
  slug: ZSlug,
  orgNumber: optionalText(20).pipe(
    z.string().regex(/^\d{6}-\d{4}$/, msg('Organisationsnummer skrivs 212000-2494.', 'Write the organisation number as 212000-2494.')).optional(),
  ),
  isHost: checkbox(),
  /** A committee's name as its protocols print it ("E-nämnden"); empty: the committee body's name. */
  protocolShortName: optionalText(60),
  /** The registry series code printed before a document's Hid ("E-NAMND"); empty: none. */
  registryCode: optionalText(20).pipe(
    z.string().regex(/^[A-ZÅÄÖ0-9-]+$/, msg('Seriekoden skrivs med versaler, siffror och bindestreck, till exempel E-NAMND.', 'Write the series code in capitals, digits and hyphens, for example E-NAMND.')).optional(),
  ),
});
export type TOrganisationInput = z.infer<typeof ZOrganisationInput>;

export const ZPopulationInput = z.object({
  year: intField(1900, 2100),
  population: intField(0, 20_000_000),
  source: requiredText(300),
});
export type TPopulationInput = z.infer<typeof ZPopulationInput>;

export const ZPersonInput = z.object({
  name: requiredText(200),
  email: optionalText(320).pipe(z.email().optional()),
  phone: optionalText(40),
  title: optionalText(200),
  /** Reglemente 16 §: who is eldest presides when neither chair nor vice chair can. */
  bornOn: optionalText(10).pipe(isoDate().optional()),
  organisationId: optionalText(36).pipe(z.uuid().optional()),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZMandateInput = z
  .object({
    personId: z.uuid(msg('Välj en person.', 'Choose a person.')),
    bodyId: z.uuid(msg('Välj ett organ.', 'Choose a body.')),
    municipalityId: z.uuid(msg('Välj en kommun.', 'Choose a municipality.')),
    role: z.enum(['member', 'substitute', 'official'], msg('Välj roll.', 'Choose a role.')),
    position: optionalText(20).pipe(z.enum(['chair', 'vice_chair']).optional()),
    termFrom: isoDate(),
    termTo: optionalText(10).pipe(isoDate().optional()),
  })
  .refine((m) => !m.termTo || m.termTo >= m.termFrom, {
    path: ['termTo'],
    ...msg('Mandattiden kan inte sluta före den börjar.', 'The term cannot end before it begins.'),
  })
  .refine((m) => !m.position || m.role === 'member', {
    path: ['position'],
    ...msg('Ordförande och vice ordförande måste vara ledamöter.', 'The chair and vice chair must be members.'),
  });
export type TMandateInput = z.infer<typeof ZMandateInput>;

export const ZBodyInput = z.object({
  name: requiredText(200),
  noticeDays: intField(0, 60),
  /** KL 6:27, reglemente 13 §: empty means one seat per member municipality. */
  seats: optionalIntField(1, 1000),
  isPublic: checkbox(),
});
export type TBodyInput = z.infer<typeof ZBodyInput>;
