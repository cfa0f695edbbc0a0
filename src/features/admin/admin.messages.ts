import { defineMessages } from '../../platform/i18n/define.js';

export const adminMessages = defineMessages({
  'users.title': { sv: 'Användare', en: 'Users' },
  'users.new': { sv: 'Ny användare', en: 'New user' },
  'users.roles': { sv: 'Roller', en: 'Roles' },
  'users.status': { sv: 'Status', en: 'Status' },
  'users.active': { sv: 'Aktiv', en: 'Active' },
  'users.disabled': { sv: 'Avstängd', en: 'Disabled' },
  'users.disable': { sv: 'Stäng av kontot', en: 'Disable the account' },
  'users.enable': { sv: 'Aktivera kontot', en: 'Enable the account' },
  'users.totp': { sv: 'Tvåstegsverifiering', en: 'Two-step verification' },
  'users.grant': { sv: 'Ge roll', en: 'Grant role' },
  'users.revoke': { sv: 'Ta bort roll', en: 'Remove role' },
  'users.role': { sv: 'Roll', en: 'Role' },
  'users.organisation': { sv: 'Organisation', en: 'Organisation' },
  'users.created': { sv: 'Användaren är skapad.', en: 'The user is created.' },
  'users.initialPasswordHint': { sv: 'Ett första lösenord som du lämnar till personen på ett säkert sätt.', en: 'A first password that you hand to the person in a safe way.' },
  'users.person': { sv: 'Kopplad person', en: 'Linked person' },
  'audit.title': { sv: 'Granskningslogg', en: 'Audit log' },
  'audit.intro': { sv: 'Varje ändring loggas med vem, när, vad och före/efter. Varje post är kedjad till den föregående med SHA-256, så att en ändring i efterhand syns.', en: 'Every change is logged with who, when, what and before/after. Each entry is chained to the previous one with SHA-256, so that a later change shows.' },
  'audit.ok.one': { sv: 'Kedjan är hel: {count} post kontrollerad.', en: 'The chain is intact: {count} entry checked.' },
  'audit.ok.other': { sv: 'Kedjan är hel: {count} poster kontrollerade.', en: 'The chain is intact: {count} entries checked.' },
  'audit.broken': { sv: 'Kedjan är bruten vid post {seq}: {reason}.', en: 'The chain is broken at entry {seq}: {reason}.' },
  'audit.seq': { sv: 'Nr', en: 'No.' },
  'audit.at': { sv: 'Tid', en: 'Time' },
  'audit.actor': { sv: 'Vem', en: 'Who' },
  'audit.action': { sv: 'Händelse', en: 'Action' },
  'audit.entity': { sv: 'Objekt', en: 'Object' },
  'audit.change': { sv: 'Före → efter', en: 'Before → after' },
  'audit.older': { sv: 'Äldre poster', en: 'Older entries' },
  'audit.newest': { sv: 'Nyaste posterna', en: 'Newest entries' },
  'users.personIntro': {
    sv: 'Kopplingen avgör vems underskrift kontot ger när protokoll justeras. En person kan ha högst ett aktivt konto, och varje ändring loggas och visas vid justeringen.',
    en: 'The link decides whose signature the account gives when protocols are adjusted. A person can have at most one active account; every change is logged and shown at justering.',
  },
  'users.linkedTo': { sv: 'Kopplat till {name}.', en: 'Linked to {name}.' },
  'users.notLinked': { sv: 'Inte kopplat till någon person.', en: 'Not linked to a person.' },
  'users.noPerson': { sv: '– ingen person –', en: '– no person –' },
  'users.link': { sv: 'Spara koppling', en: 'Save link' },
});

type AdminMessages = typeof adminMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends AdminMessages {}
}
