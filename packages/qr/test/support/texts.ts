import { QR_ALPHANUMERIC } from '../../src/encode.js';
import { rng } from './distort.js';

/**
 * An `AS1:` text of `length` base45 characters after the prefix, seeded. Stands in for issued
 * cards where only the size matters (error paths, renderer details); round trips use real cards.
 */
export function base45Text(length: number, seed: number): string {
  const random = rng(seed);
  let text = 'AS1:';
  for (let i = 0; i < length; i++) text += QR_ALPHANUMERIC[Math.floor(random() * 45)];
  return text;
}
