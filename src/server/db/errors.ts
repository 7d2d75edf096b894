/** Recognising PostgreSQL errors by SQLSTATE, the same on pg and PGlite. */

/**
 * True for a unique-constraint violation (SQLSTATE 23505).
 * @example if (isUniqueViolation(error)) throw usernameTaken();
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
