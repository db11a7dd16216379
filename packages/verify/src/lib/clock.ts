/** Tolerated clock difference, in seconds, when a verifier is not told otherwise. */
export const DEFAULT_SKEW_SECONDS = 300;

/**
 * The verifier's clock as whole Unix seconds: the system clock, a fixed instant, or a function
 * read at each call (offline devices and tests inject their own time).
 */
export function secondsClock(now: Date | (() => Date) | undefined): () => number {
  return () =>
    Math.floor(
      (now === undefined ? Date.now() : typeof now === 'function' ? now().getTime() : now.getTime()) / 1000,
    );
}
