/**
 * A multipart/form-data body written by hand, as curl or a script sends it: for tests that need
 * the exact bytes (no CSRF field, a bearer token instead of a session). A browser-like post with
 * the session and CSRF token is `TestClient.postMultipart`.
 */
import type { UploadFile } from './app.js';

export function multipartBody(fields: Record<string, string>, file?: UploadFile & { field?: string }): { payload: Buffer; contentType: string } {
  const boundary = '----kansli-test-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
      typeof file.bytes === 'string' ? Buffer.from(file.bytes) : Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
