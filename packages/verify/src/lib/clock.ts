import { VerifyError } from '../errors.js';

/** Tolerated clock difference, in seconds, when a verifier is not told otherwise. */
export const DEFAULT_SKEW_SECONDS = 300;

/**
 * The verifier's clock as whole Unix seconds: the system clock, a fixed instant, or a function
 * read at each call (offline devices and tests inject their own time). A time that is not a
 * number (an invalid Date) throws `ERR_CLOCK` rather than let every time check pass on NaN.
 */
export function secondsClock(now: Date | (() => Date) | undefined): () => number {
  return () => {
    const ms = now === undefined ? Date.now() : typeof now === 'function' ? now().getTime() : now.getTime();
    if (!Number.isFinite(ms)) throw new VerifyError('ERR_CLOCK', 'time');
    return Math.floor(ms / 1000);
  };
}
