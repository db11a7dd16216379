import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIssueCodes } from '../scripts/issue-codes.js';

describe('docs/issue-codes.md', () => {
  it('matches the message tables (run `pnpm issue-codes` after changing a message)', () => {
    const committed = readFileSync(new URL('../../../docs/issue-codes.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderIssueCodes());
  });
});
