/** Random tokens and their hashes, for session cookies and CSRF. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random token, URL-safe.
 * @example newToken() // 'q8v…'
 */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The stored form of a session token: its SHA-256, hex.
 * @example sessionIdOf(cookieValue)
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Compares two secrets in constant time.
 * @example sameSecret(header, session.csrfToken)
 */
export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
