const BASE = 'http://kansli.invalid';

/**
 * The path to go to after sign-in (or after registering a passkey), when `value` is a path on
 * this site; otherwise null. Refused: anything not starting with one `/` (`//host`, a scheme such
 * as `javascript:` or `https:`), a backslash anywhere (browsers read `/\host` as `//host`), and
 * control characters or spaces (browsers drop tab and newline, so `/\t/host` would become `//host`).
 * What passes is parsed as a URL against a dummy origin and must stay on it.
 */
export function localPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u0020\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? null : path;
}
