import { defineMessages } from '../../platform/i18n/define.js';

export const verifyMessages = defineMessages({
  'verify.title': { sv: 'Kontrollera ett protokoll', en: 'Verify minutes' },
  'verify.intro': {
    sv: 'Ladda upp en PDF av ett protokoll, eller klistra in kontrollvärdet (SHA-256) som står i sidfoten – ”Signerat, SHA-256 …” – eller filens SHA-256. Du får veta vilket protokoll det är, vem som har justerat det och när, och om filen är oförändrad.',
    en: 'Upload a PDF of minutes, or paste the check value (SHA-256) printed in the footer – “Signerat, SHA-256 …” – or the file’s SHA-256. You learn which minutes they are, who approved them and when, and whether the file is unchanged.',
  },
  'verify.file': { sv: 'PDF-fil', en: 'PDF file' },
  'verify.fileHint': { sv: 'Filen läses bara för att räkna ut dess SHA-256; den sparas inte.', en: 'The file is read only to compute its SHA-256; it is not kept.' },
  'verify.value': { sv: 'Eller kontrollvärde (SHA-256)', en: 'Or check value (SHA-256)' },
  'verify.valueHint': { sv: '64 tecken, 0–9 och A–F.', en: '64 characters, 0–9 and A–F.' },
  'verify.submit': { sv: 'Kontrollera', en: 'Verify' },
  'verify.result': { sv: 'Resultat', en: 'Result' },
  'verify.unchanged': {
    sv: 'Filen är oförändrad: den är exakt den fastställda handling som Kansli sparade när protokollet justerades.',
    en: 'The file is unchanged: it is exactly the final document Kansli stored when the minutes were approved.',
  },
  'verify.unchangedPublic': {
    sv: 'Filen är oförändrad: den är exakt den offentliga versionen av det fastställda protokollet.',
    en: 'The file is unchanged: it is exactly the public version of the final minutes.',
  },
  'verify.canonical': {
    sv: 'Kontrollvärdet är det som justerarna signerade för protokollet nedan.',
    en: 'The check value is the one the signers signed for the minutes below.',
  },
  'verify.fileHash': {
    sv: 'Kontrollvärdet är SHA-256 för den fastställda PDF-filen av protokollet nedan.',
    en: 'The check value is the SHA-256 of the final PDF file of the minutes below.',
  },
  'verify.notFound': { sv: 'Ingen fastställd handling med detta kontrollvärde hittades.', en: 'No final document with this check value was found.' },
  'verify.notFoundFile': {
    sv: 'Filen kan ha ändrats, vara ett utkast eller komma från någon annan. Jämför gärna med kontrollvärdet i protokollets sidfot.',
    en: 'The file may have been changed, be a draft or come from someone else. Compare with the check value in the footer of the minutes.',
  },
  'verify.invalid': { sv: 'Kontrollvärdet ska vara 64 tecken, 0–9 och A–F.', en: 'The check value must be 64 characters, 0–9 and A–F.' },
  'verify.missing': { sv: 'Välj en PDF-fil eller klistra in ett kontrollvärde.', en: 'Choose a PDF file or paste a check value.' },
  'verify.computed': { sv: 'Kontrollvärde (SHA-256)', en: 'Check value (SHA-256)' },
  'verify.protocol': { sv: 'Protokoll', en: 'Minutes' },
  'verify.version': { sv: 'Version', en: 'Version' },
  'verify.version.full': { sv: 'Fullständig version (det förseglade originalet)', en: 'Full version (the sealed original)' },
  'verify.version.public': { sv: 'Offentlig version (paragrafer under sekretess utelämnade)', en: 'Public version (paragraphs under secrecy left out)' },
  'verify.sealLevel': { sv: 'E-sigill', en: 'Electronic seal' },
  'verify.body': { sv: 'Organ', en: 'Body' },
  'verify.meetingDate': { sv: 'Sammanträdesdatum', en: 'Meeting date' },
  'verify.paragraphs': { sv: 'Paragrafer', en: 'Paragraphs' },
  'verify.finalAt': { sv: 'Fastställt', en: 'Final' },
  'verify.signedDigest': { sv: 'Signerat kontrollvärde', en: 'Signed check value' },
  'verify.signatures': { sv: 'Justerat av', en: 'Approved by' },
  'verify.noSignatures': { sv: 'Inga signaturer är registrerade.', en: 'No signatures are recorded.' },
  'verify.role.chair': { sv: 'ordförande', en: 'chair' },
  'verify.role.adjuster': { sv: 'justerare', en: 'adjuster' },
  'verify.method.passkey': { sv: 'signerat med passkey', en: 'signed with a passkey' },
  'verify.method.totp': { sv: 'signerat med engångskod från autentiseringsapp (TOTP)', en: 'signed with a one-time code from an authenticator app (TOTP)' },
  'verify.method.password': { sv: 'signerat med enbart lösenord, före kravet på andra faktor', en: 'signed with a password only, before a second factor was required' },
  'verify.method.eid': { sv: 'signerat med e-legitimation via {provider}, {level}, inloggning {time}', en: 'signed with e-ID via {provider}, {level}, signed in {time}' },
  'verify.paragraphOnly': { sv: 'omedelbar justering av § {n}', en: 'immediate approval of § {n}' },
  'verify.late': { sv: 'senare än 14 dagar efter sammanträdet', en: 'later than 14 days after the meeting' },
});

type VerifyMessages = typeof verifyMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends VerifyMessages {}
}
