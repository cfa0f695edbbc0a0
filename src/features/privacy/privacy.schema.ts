import { z } from 'zod';
import { requiredText } from '../../platform/validation.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max));

/** A processing activity of the register (GDPR art. 30.1). */
export const ZProcessing = z.object({
  name: requiredText(200),
  purpose: requiredText(2000),
  legalBasis: requiredText(500),
  categoriesOfData: text(2000),
  categoriesOfPeople: text(2000),
  recipients: text(2000),
  retention: text(1000),
});
export type TProcessing = z.infer<typeof ZProcessing>;
