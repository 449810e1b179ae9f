import { ValidationError } from './errors';

const ORIGIN = 'http://motcua.invalid';

/**
 * Where to send the browser after sign-in: a path of this site only. "/\t/evil.example" starts
 * with a slash but browsers drop the tab and read "//evil.example", another host; so the value is
 * resolved as a browser would and kept only when it stays on our origin. CR or LF (they would
 * split the Location header) are bad input: 400.
 */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next === '') return fallback;
  if (/[\r\n]/.test(next)) {
    throw new ValidationError('Địa chỉ chuyển tiếp sau khi đăng nhập không hợp lệ.', [{ field: 'next', code: 'invalid_next', message: 'Địa chỉ chuyển tiếp chứa ký tự xuống dòng' }]);
  }
  if (!next.startsWith('/') || next.includes('\\')) return fallback;
  let u: URL;
  try {
    u = new URL(next, ORIGIN);
  } catch {
    return fallback;
  }
  if (u.origin !== ORIGIN) return fallback;
  const path = u.pathname + u.search + u.hash;
  return path.startsWith('//') ? fallback : path;
}
