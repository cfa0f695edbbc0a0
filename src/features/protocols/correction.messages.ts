import { defineMessages } from '../../platform/i18n/define.js';

export const correctionMessages = defineMessages({
  'correction.title': { sv: 'Rättelser', en: 'Corrections' },
  'correction.intro': {
    sv: 'Ett uppenbart fel i ett justerat protokoll rättas med en rättelse (36 § förvaltningslagen). Protokollet ändras inte; rättelsen är en egen förseglad handling som hör till det.',
    en: 'An obvious error in adjusted minutes is corrected by a correction (section 36 of the Administrative Procedure Act). The minutes do not change; the correction is a sealed document of its own that belongs to them.',
  },
  'correction.none': { sv: 'Inga rättelser.', en: 'No corrections.' },
  'correction.heading': { sv: 'Rättelse {number}, {date}', en: 'Correction {number}, {date}' },
  'correction.reason': { sv: 'Skäl', en: 'Reason' },
  'correction.decidedBy': { sv: 'Beslutad av {name}', en: 'Decided by {name}' },
  'correction.pdf': { sv: 'Rättelsen som PDF (förseglad)', en: 'The correction as PDF (sealed)' },
  'correction.add': { sv: 'Lägg till rättelse', en: 'Add a correction' },
  'correction.paragraph': { sv: 'Vad rättas', en: 'What is corrected' },
  'correction.header': { sv: 'Protokollets huvud', en: 'The header of the minutes' },
  'correction.text': { sv: 'Rättelse: vad som är fel och hur det ska lyda', en: 'Correction: what is wrong and how it should read' },
  'correction.added': { sv: 'Rättelsen är förseglad och visas med protokollet.', en: 'The correction is sealed and shown with the minutes.' },
});

type CorrectionMessages = typeof correctionMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends CorrectionMessages {}
}
