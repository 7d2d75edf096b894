/**
 * Error type shared by the domain library.
 *
 * Every function in `src/domain/` that rejects its input throws a
 * {@link DomainInputError}, whose `code` is always `'INVALID_INPUT'`, so that
 * callers (and the shared test vectors) can recognise it without `instanceof`.
 */

/** The `code` carried by every input error thrown from the domain library. */
export const INVALID_INPUT = 'INVALID_INPUT' as const;

/**
 * An `Error` raised for invalid input to a domain function.
 *
 * @example
 * try {
 *   scoreInstrument('adbb', [0, 0]);
 * } catch (err) {
 *   (err as DomainInputError).code; // 'INVALID_INPUT'
 * }
 */
export class DomainInputError extends Error {
  readonly code = INVALID_INPUT;

  constructor(message: string) {
    super(message);
    this.name = 'DomainInputError';
  }
}

/**
 * True when `value` is an error carrying `code === 'INVALID_INPUT'`.
 *
 * @example
 * isInvalidInputError(new DomainInputError('bad')); // true
 * isInvalidInputError(new Error('bad'));            // false
 */
export function isInvalidInputError(value: unknown): value is Error & { code: typeof INVALID_INPUT } {
  return value instanceof Error && (value as { code?: unknown }).code === INVALID_INPUT;
}
