/**
 * A fixed-window counter per key (client address), in memory. Used in front
 * of sign-in; account lockout itself is stored in the database.
 */

/** Counts attempts per key and says when a key is over its limit. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records one attempt; returns seconds to wait when over the limit, else 0.
   * @example if (limiter.hit(ip) > 0) throw tooMany();
   */
  hit(key: string): number {
    const now = this.now();
    if (this.#windows.size > 10_000) this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    if (window.count <= this.limit) return 0;
    return Math.ceil((window.start + this.windowMs - now) / 1000);
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= this.windowMs) this.#windows.delete(key);
  }
}
