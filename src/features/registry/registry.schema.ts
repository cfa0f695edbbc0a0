import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';
import { normaliseProvision } from '../../domain/index.js';

export const ZClassificationCode = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)*$/, msg('Klassificeringskoden skrivs med siffror och punkter, t.ex. 2.4.0.2.', 'Write the classification code as digits and dots, e.g. 2.4.0.2.'));

export const ZCreateCase = z.object({
  title: requiredText(300),
  classificationCode: ZClassificationCode,
  responsiblePersonId: optionalText(36).pipe(z.uuid().optional()),
});
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const DIRECTIONS = ['incoming', 'outgoing', 'drawn_up'] as const;
export const SECRECY_STATES = ['public', 'secret', 'internal'] as const;
export const SECURITY_CLASSES = ['Öppen', 'Internt', 'Internt konfidentiellt', 'Konfidentiellt', 'Strikt konfidentiellt'] as const;

const PROVISION_UNREADABLE = msg(
  'Ange bestämmelsen med kapitel och paragraf i offentlighets- och sekretesslagen, t.ex. 21 kap. 7 §, eller välj den ur listan.',
  'Give the provision of the secrecy act by chapter and section, e.g. 21 kap. 7 §, or choose it from the list.',
);

/** OSL 5:5: a provision named by chapter and section, stored in full ("21 kap. 7 § offentlighets- och sekretesslagen (2009:400)"). */
export const ZSecrecyProvision = optionalText(200).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const full = normaliseProvision(v);
  if (!full) ctx.addIssue({ code: 'custom', message: PROVISION_UNREADABLE.error });
  return full;
});

/**
 * A registered document. OSL 5:2 — date, number, sender or recipient, short description;
 * OSL 5:5 — a secrecy marking names the provision, the date and who marked it.
 */
export const ZCreateDocument = z
  .object({
    caseId: z.uuid(msg('Välj ärende.', 'Choose a case.')),
    direction: z.enum(DIRECTIONS, msg('Välj om handlingen är inkommen, utgående eller upprättad.', 'Choose incoming, outgoing or drawn up.')),
    documentDate: isoDate(),
    counterpart: optionalText(300),
    description: requiredText(500),
    secrecy: z.enum(SECRECY_STATES).default('public'),
    secrecyProvision: ZSecrecyProvision,
    secrecyMarkedOn: optionalText(10).pipe(isoDate().optional()),
    publicDescription: optionalText(500),
    securityClass: z.enum(SECURITY_CLASSES, msg('Välj informationssäkerhetsklass.', 'Choose an information-security class.')).default('Öppen'),
  })
  .refine((d) => d.direction === 'drawn_up' || Boolean(d.counterpart), {
    path: ['counterpart'],
    ...msg('Ange avsändare eller mottagare för in- och utgående handlingar.', 'Give the sender or recipient of incoming and outgoing documents.'),
  })
  // TF 2:9–10: an incoming or sent document is a public record; only a drawn-up draft can be internal.
  .refine((d) => d.secrecy !== 'internal' || d.direction === 'drawn_up', {
    path: ['secrecy'],
    ...msg(
      'Inkomna och utgående handlingar är allmänna handlingar (TF 2 kap. 9–10 §§) och kan inte vara interna arbetshandlingar. Välj offentlig, eller sekretess med bestämmelse.',
      'Incoming and outgoing documents are public records (TF 2:9–10) and cannot be internal working documents. Choose public, or secret with a provision.',
    ),
  })
  .refine((d) => d.secrecy !== 'secret' || Boolean(d.secrecyProvision), {
    path: ['secrecyProvision'],
    ...msg('En sekretessmarkering måste ange bestämmelsen i offentlighets- och sekretesslagen: välj den ur listan (t.ex. 21 kap. 7 §).', 'A secrecy marking must name the provision of the secrecy act: choose it from the list (e.g. 21 kap. 7 §).'),
  });
export type TCreateDocument = z.infer<typeof ZCreateDocument>;

export const ZImportedCode = z.object({ code: ZClassificationCode, title: requiredText(300), retention: requiredText(300) });

/** Corrected details of a case while it is open; the case number's year and running number never change. */
export const ZEditCase = ZCreateCase;
export type TEditCase = z.infer<typeof ZEditCase>;

/**
 * Corrected details of a registered document while its case is open. Direction and secrecy state
 * are not corrected here (a secrecy review decides those); the provision of a secret one is.
 */
export const ZEditDocument = z.object({
  documentDate: isoDate(),
  counterpart: optionalText(300),
  description: requiredText(500),
  secrecyProvision: ZSecrecyProvision,
  publicDescription: optionalText(500),
  securityClass: z.enum(SECURITY_CLASSES, msg('Välj informationssäkerhetsklass.', 'Choose an information-security class.')),
});
export type TEditDocument = z.infer<typeof ZEditDocument>;
