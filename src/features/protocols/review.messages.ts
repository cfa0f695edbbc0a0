import { defineMessages } from '../../platform/i18n/define.js';

/** Justering as a review (issue 18): the protocol paragraph by paragraph, comments and answers. */
export const reviewMessages = defineMessages({
  'review.title': { sv: 'Protokollet att granska', en: 'The protocol to review' },
  'review.intro': {
    sv: 'Läs protokollet paragraf för paragraf, så som det låstes för justering. Har du en synpunkt på en paragraf, skriv den under paragrafen: sekreteraren svarar eller rättar protokollet. När du är nöjd signerar du längst ned på sidan.',
    en: 'Read the protocol paragraph by paragraph, as it was locked for adjustment. If you have a comment on a paragraph, write it below the paragraph: the secretary answers or corrects the protocol. When you are satisfied, sign at the bottom of the page.',
  },
  'review.finalIntro': { sv: 'Protokollet är justerat. Så här lyder det, som det sparades vid justeringen.', en: 'The protocol is adjusted. This is how it reads, as stored at justering.' },
  'review.draft': {
    sv: 'Protokollet är upplåst för rättelse och går inte att granska eller signera just nu. Du får e-post när sekreteraren har låst det igen.',
    en: 'The protocol is unlocked for correction and cannot be reviewed or signed right now. You will get an e-mail when the secretary has locked it again.',
  },
  'review.comments': { sv: 'Synpunkter på § {number}', en: 'Comments on § {number}' },
  'review.by': { sv: '{name} ({role}), {time}', en: '{name} ({role}), {time}' },
  'review.role.chair': { sv: 'ordförande', en: 'chair' },
  'review.role.adjuster': { sv: 'justerare', en: 'adjuster' },
  'review.open': { sv: 'Väntar på svar från sekreteraren.', en: 'Waiting for the secretary’s answer.' },
  'review.answered': { sv: 'Svar från {name}, {time}:', en: 'Answer from {name}, {time}:' },
  'review.applied': { sv: '{name} låste upp protokollet för rättelse, {time}.', en: '{name} unlocked the protocol for correction, {time}.' },
  'review.comment': { sv: 'Din synpunkt på § {number}', en: 'Your comment on § {number}' },
  'review.commentHint': { sv: 'Sekreteraren får e-post och svarar här.', en: 'The secretary gets an e-mail and answers here.' },
  'review.send': { sv: 'Lämna synpunkt på § {number}', en: 'Comment on § {number}' },
  'review.sent': { sv: 'Din synpunkt är lämnad. Sekreteraren har fått e-post.', en: 'Your comment has been made. The secretary has been e-mailed.' },
  'review.signAtEnd': { sv: 'Signera protokollet', en: 'Sign the protocol' },
  'review.openCount': {
    sv: 'Det finns synpunkter som sekreteraren inte har svarat på. Du kan ändå signera, men vänta gärna på svaret.',
    en: 'There are comments the secretary has not answered. You can still sign, but you may want to wait for the answer.',
  },
  // The secretary's side, on the protocol page.
  'review.secretary.title': { sv: 'Synpunkter från justeringen', en: 'Comments from the adjustment' },
  'review.secretary.none': { sv: 'Inga synpunkter.', en: 'No comments.' },
  'review.secretary.on': { sv: '§ {number} {heading}', en: '§ {number} {heading}' },
  'review.secretary.answer': { sv: 'Svar till {name}', en: 'Answer to {name}' },
  'review.secretary.answerSend': { sv: 'Svara utan att ändra protokollet', en: 'Answer without changing the protocol' },
  'review.secretary.apply': { sv: 'Lås upp protokollet för rättelse', en: 'Unlock the protocol for correction' },
  'review.secretary.applyWhat': {
    sv: 'Vill du rätta protokollet efter synpunkten? Då låses protokollet upp och blir ett utkast igen (paragrafnumren behålls). Du rättar paragrafen och låser protokollet på nytt; ordföranden och justeraren får då e-post och granskar och signerar det rättade protokollet.',
    en: 'Do you want to correct the protocol after the comment? Then the protocol is unlocked and becomes a draft again (the § numbers are kept). You correct the paragraph and lock the protocol anew; the chair and the adjuster are then e-mailed and review and sign the corrected protocol.',
  },
  'review.secretary.applyVoids': {
    sv: 'Signaturer som redan har getts blir ogiltiga: {signatures}. De sparas i historiken men räknas inte, och måste ges på nytt.',
    en: 'Signatures already given become void: {signatures}. They are kept in the history but do not count, and must be given again.',
  },
  'review.secretary.applyNote': { sv: 'Meddelande till {name} (frivilligt)', en: 'Message to {name} (optional)' },
  'review.secretary.notLocked': { sv: 'Protokollet är inte låst för justering; synpunkten kan bara besvaras.', en: 'The protocol is not locked for adjustment; the comment can only be answered.' },
  'review.secretary.answered': { sv: 'Svaret är sparat och syns för ordföranden och justeraren.', en: 'The answer is saved and shown to the chair and the adjuster.' },
  'review.secretary.unlocked': {
    sv: 'Protokollet är upplåst för rättelse. Rätta paragrafen och lås protokollet igen.',
    en: 'The protocol is unlocked for correction. Correct the paragraph and lock the protocol again.',
  },
  'review.secretary.unlockedVoided.one': {
    sv: 'Protokollet är upplåst för rättelse och {count} signatur har blivit ogiltig. Rätta paragrafen och lås protokollet igen.',
    en: 'The protocol is unlocked for correction and {count} signature has become void. Correct the paragraph and lock the protocol again.',
  },
  'review.secretary.unlockedVoided.other': {
    sv: 'Protokollet är upplåst för rättelse och {count} signaturer har blivit ogiltiga. Rätta paragrafen och lås protokollet igen.',
    en: 'The protocol is unlocked for correction and {count} signatures have become void. Correct the paragraph and lock the protocol again.',
  },
  'review.secretary.applyNoVoids': { sv: 'Ingen har signerat protokollet ännu, så inga signaturer blir ogiltiga.', en: 'No one has signed the protocol yet, so no signatures become void.' },
  'review.voided': { sv: 'Signaturer som blivit ogiltiga', en: 'Signatures that have become void' },
  'review.voidedLine': { sv: '{name} ({role}) signerade {signedAt}; ogiltig sedan {voidedAt}.', en: '{name} ({role}) signed {signedAt}; void since {voidedAt}.' },
  'review.pdf': { sv: 'Protokollet som PDF', en: 'The protocol as PDF' },
});

type ReviewMessages = typeof reviewMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends ReviewMessages {}
}
