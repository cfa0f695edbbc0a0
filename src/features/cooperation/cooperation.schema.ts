import { z } from 'zod';
import { isoDate, msg, optionalText, requiredText } from '../../platform/validation.js';

export const DECISION_STATUSES = ['pending', 'yes', 'no', 'not_applicable'] as const;
export const ALLOCATION_KINDS = ['population', 'equal', 'mixed'] as const;

const optionalUuid = (message: { error: string }) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid(message).optional());
const optionalDate = () => optionalText(10).pipe(isoDate().optional());

/** The cost key of an initiative: by population among participants (8.3, the default), equal, or mixed. */
const allocationFields = {
  allocationKind: z.enum(ALLOCATION_KINDS, msg('Välj fördelningsnyckel.', 'Choose an allocation key.')).default('population'),
  flatSharePercent: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    z.number(msg('Ange en procentsats 0–100.', 'Enter a percentage 0–100.')).min(0).max(100).optional(),
  ),
};

export const ZInitiativeInput = z
  .object({
    name: requiredText(200),
    description: optionalText(4000),
    procuringOrganisationId: optionalUuid(msg('Välj en kommun ur listan.', 'Choose a municipality from the list.')),
    caseId: optionalUuid(msg('Välj ett ärende ur listan.', 'Choose a case from the list.')),
    ...allocationFields,
  })
  .refine((v) => v.allocationKind !== 'mixed' || v.flatSharePercent !== undefined, {
    path: ['flatSharePercent'],
    ...msg('Ange hur många procent som fördelas lika.', 'Give the percentage split equally.'),
  });
export type TInitiativeInput = z.output<typeof ZInitiativeInput>;

const kronor = z.preprocess(
  (v) => (typeof v === 'string' ? (v.replace(/[\s\u00a0]/g, '') === '' ? 0 : Number(v.replace(/[\s\u00a0]/g, ''))) : v),
  z.number(msg('Ange beloppet i hela kronor.', 'Enter the amount in whole kronor.')).int(msg('Ange beloppet i hela kronor.', 'Enter the amount in whole kronor.')).min(0).max(1_000_000_000_000),
);

export const ZPhasePlan = z.object({ budget: kronor, decisionDeadline: optionalDate() });
export type TPhasePlan = z.output<typeof ZPhasePlan>;

const HID = /^\d{4}\.\d{1,6}$/;

/** A recorded decision: the organisation's own reference (body, date, paragraph, extract). */
export const ZRecordDecision = z
  .object({
    status: z.enum(DECISION_STATUSES, msg('Välj beslut.', 'Choose the decision.')),
    decidingBody: optionalText(200),
    decidedOn: optionalDate(),
    paragraph: optionalText(50),
    /** The extract registered in the committee's registry, by its Hid (2023.12). */
    documentHid: optionalText(20).pipe(z.string().regex(HID, msg('Skriv Hid som ÅÅÅÅ.NUMMER, t.ex. 2023.12.', 'Write the Hid as YYYY.NUMBER, e.g. 2023.12.')).optional()),
    link: optionalText(1000).pipe(z.url(msg('Ange en fullständig adress som börjar med https://.', 'Enter a full address starting with https://.')).optional()),
    protocolParagraphId: optionalUuid(msg('Välj en paragraf ur listan.', 'Choose a paragraph from the list.')),
    note: optionalText(2000),
  })
  .refine((v) => v.status === 'pending' || v.status === 'not_applicable' || Boolean(v.decidedOn), {
    path: ['decidedOn'],
    ...msg('Ange vilket datum beslutet fattades.', 'Give the date of the decision.'),
  })
  .refine((v) => !v.link || /^https?:\/\//.test(v.link), { path: ['link'], ...msg('Länken ska börja med https://.', 'The link must start with https://.') });
export type TRecordDecision = z.output<typeof ZRecordDecision>;

export const ZStopInitiative = z.object({ reason: requiredText(2000) });

export const ZStatusListItem = z.object({ meetingId: z.uuid(msg('Välj ett sammanträde.', 'Choose a meeting.')) });
