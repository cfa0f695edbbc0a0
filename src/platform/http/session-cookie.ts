/** The cookie that carries a signed-in browser's session token (set by sign-in, read for every request). */
export const SESSION_COOKIE = 'kansli_session';
