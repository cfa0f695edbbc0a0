/** The cookie that carries a signed-in browser's session token (set by sign-in, read for every request). */
export const SESSION_COOKIE = 'kansli_session';
/** The language the visitor chose (`?lang=`), a year. */
export const LANG_COOKIE = 'kansli_lang';
/** A one-time message for the next page, a minute. */
export const FLASH_COOKIE = 'kansli_flash';
