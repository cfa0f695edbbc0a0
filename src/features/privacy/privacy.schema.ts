import { z } from 'zod';
import { msg, requiredText } from '../../platform/validation.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max));
const stated = (max: number, sv: string, en: string) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().min(1, msg(sv, en)).max(max));

/** A processing activity of the register (GDPR art. 30(1)(b)–(g)). */
export const ZProcessing = z.object({
  name: requiredText(200),
  purpose: requiredText(2000),
  legalBasis: requiredText(500),
  categoriesOfData: text(2000),
  categoriesOfPeople: text(2000),
  recipients: stated(2000, 'Ange mottagarna, eller ”Inga” (art. 30.1 d).', 'Give the recipients, or “None” (art. 30(1)(d)).'),
  thirdCountryTransfers: stated(
    2000,
    'Ange överföringar till tredje land med skyddsåtgärder, eller ”Inga” (art. 30.1 e).',
    'Give the transfers to third countries with their safeguards, or “None” (art. 30(1)(e)).',
  ),
  retention: text(1000),
  securityMeasures: stated(2000, 'Beskriv de tekniska och organisatoriska säkerhetsåtgärderna (art. 30.1 g).', 'Describe the technical and organisational security measures (art. 30(1)(g)).'),
});
export type TProcessing = z.infer<typeof ZProcessing>;

/** The controller and its data protection officer with contact details (GDPR art. 30(1)(a), 37(7)). */
export const ZController = z.object({
  controllerName: requiredText(300),
  controllerContact: requiredText(1000),
  dpoName: requiredText(300),
  dpoContact: requiredText(1000),
});
export type TController = z.infer<typeof ZController>;
