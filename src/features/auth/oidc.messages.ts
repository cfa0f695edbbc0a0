import { defineMessages } from '../../platform/i18n/define.js';

export const oidcMessages = defineMessages({
  'oidc.signInWith': { sv: 'Logga in med {provider}', en: 'Sign in with {provider}' },
  'oidc.or': { sv: 'Eller logga in med e-postadress och lösenord:', en: 'Or sign in with e-mail address and password:' },
  'oidc.refusedTitle': { sv: 'Inloggningen gick inte igenom', en: 'The sign-in did not go through' },
  'oidc.tryAgain': { sv: 'Till inloggningen', en: 'To the sign-in page' },
  'oidc.loggedOut': { sv: 'Du är utloggad från Kansli.', en: 'You are signed out of Kansli.' },
  'oidc.settingsTitle': { sv: 'E-legitimation och inloggning', en: 'E-ID and sign-in' },
  'oidc.providers': { sv: 'Inställda identitetsleverantörer', en: 'Configured identity providers' },
  'oidc.noProviders': { sv: 'Inga identitetsleverantörer är inställda (se KANSLI_OIDC_PROVIDERS i README).', en: 'No identity providers are configured (see KANSLI_OIDC_PROVIDERS in the README).' },
  'oidc.provider.issuer': { sv: 'Utfärdare', en: 'Issuer' },
  'oidc.provider.clientId': { sv: 'Klient-id', en: 'Client id' },
  'oidc.provider.secret': { sv: 'Klienthemlighet', en: 'Client secret' },
  'oidc.provider.secretSet': { sv: 'inställd (visas aldrig)', en: 'set (never shown)' },
  'oidc.provider.secretNone': { sv: 'ingen (publik klient med PKCE)', en: 'none (public client with PKCE)' },
  'oidc.provider.match': { sv: 'Matchas mot', en: 'Matched by' },
  'oidc.provider.passwords': { sv: 'Lösenord tillåtna för organisationens användare', en: 'Passwords allowed for the organisation’s users' },
  'oidc.yes': { sv: 'Ja', en: 'Yes' },
  'oidc.no': { sv: 'Nej', en: 'No' },
  'oidc.justering': { sv: 'Justering med e-legitimation', en: 'Justering with e-ID' },
  'oidc.justeringRequired': { sv: 'Justering kräver ny inloggning med e-legitimation på tillitsnivå 3', en: 'Justering requires a fresh e-ID sign-in at level of assurance 3' },
  'oidc.save': { sv: 'Spara', en: 'Save' },
  'oidc.saved': { sv: 'Sparat.', en: 'Saved.' },
  'oidc.personnummer': { sv: 'Personnummer för e-legitimation', en: 'Personal identity number for e-ID' },
  'oidc.personnummerHint': { sv: '12 siffror, ÅÅÅÅMMDD-NNNN. Används bara för att känna igen personen vid inloggning och visas aldrig publikt. Lämna tomt för att ta bort.', en: '12 digits, YYYYMMDD-NNNN. Used only to recognise the person at sign-in and never shown publicly. Leave empty to remove.' },
  'oidc.personnummerSet': { sv: 'Registrerat: {masked}', en: 'Registered: {masked}' },
  'oidc.personnummerNone': { sv: 'Inget personnummer registrerat.', en: 'No personal identity number registered.' },
});

type OidcMessages = typeof oidcMessages;
declare module '../../platform/i18n/i18n.js' {
  interface MessageCatalogue extends OidcMessages {}
}
