import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ECC_LEVELS, encodeQr, QR_ALPHANUMERIC } from '../src/encode.js';
import { QrError } from '../src/errors.js';
import { readFirstModeIndicator, readFormat } from './support/symbol.js';
import { base45Text } from './support/texts.js';

const MODE_ALPHANUMERIC = 0b0010;
const MODE_BYTE = 0b0100;

function thrown(fn: () => unknown): QrError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QrError);
    return error as QrError;
  }
  throw new Error('expected a QrError');
}

describe('encodeQr', () => {
  it('defaults to level Q and reports version, size and mask consistent with the matrix', () => {
    const code = encodeQr(base45Text(330, 1));
    expect(code.ecc).toBe('Q');
    expect(code.size).toBe(17 + 4 * code.version);
    expect(code.modules).toHaveLength(code.size * code.size);
    expect(readFormat(code)).toEqual({ ecc: 'Q', mask: code.mask });
  });

  it.each(ECC_LEVELS)('writes level %s into the format information', (ecc) => {
    const code = encodeQr(base45Text(120, 2), { ecc });
    expect(readFormat(code).ecc).toBe(ecc);
  });

  it('puts a base45 text in one alphanumeric segment (mode indicator 0010 in the symbol)', () => {
    for (const [length, seed] of [
      [250, 3],
      [330, 4],
      [450, 5],
    ] as const) {
      const code = encodeQr(base45Text(length, seed));
      expect(code.modes).toEqual(['alphanumeric']);
      expect(readFirstModeIndicator(code)).toBe(MODE_ALPHANUMERIC);
    }
  });

  it('uses byte mode for other text, and the symbol says so', () => {
    const code = encodeQr('https://example.vn/thẻ?id=1');
    expect(code.modes).toContain('byte');
    expect(readFirstModeIndicator(code)).toBe(MODE_BYTE);
  });

  it('alphanumeric mode keeps the symbol smaller than byte mode would (versions for 400 characters)', () => {
    const text = base45Text(400, 6);
    const alnum = encodeQr(text);
    const asBytes = encodeQr(text.toLowerCase().replace('as1:', 'x')); // same length, byte mode
    expect(alnum.version).toBe(15);
    expect(asBytes.version).toBeGreaterThan(alnum.version + 2);
  });

  it('property: any text of the 45 characters encodes in alphanumeric/numeric segments only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...QR_ALPHANUMERIC), { minLength: 1, maxLength: 600 }),
        fc.constantFrom(...ECC_LEVELS),
        (chars, ecc) => {
          const code = encodeQr(chars.join(''), { ecc, mode: 'alphanumeric' });
          expect(code.modes.every((m) => m === 'alphanumeric' || m === 'numeric')).toBe(true);
          expect(readFormat(code).ecc).toBe(ecc);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects empty text with ERR_QR_EMPTY and a message in both languages', () => {
    const error = thrown(() => encodeQr(''));
    expect(error.code).toBe('ERR_QR_EMPTY');
    expect(error.messages.vi).toBe('Không thể tạo mã QR từ văn bản rỗng.');
    expect(error.message).toBe('Cannot make a QR code from empty text.');
  });

  it('rejects text that does not fit with ERR_QR_TOO_LONG, naming the limit', () => {
    const error = thrown(() => encodeQr(base45Text(2417, 7), { ecc: 'Q' })); // 2,421 > 2,420
    expect(error.code).toBe('ERR_QR_TOO_LONG');
    expect(error.details).toEqual({ length: 2421, ecc: 'Q', max: 2420 });
    expect(error.messages.vi).toContain('2421 ký tự');
    // The largest text that fits at Q is version 40.
    expect(encodeQr(base45Text(2416, 7), { ecc: 'Q' }).version).toBe(40);
  });

  it('rejects byte-mode text over capacity with ERR_QR_TOO_LONG', () => {
    const error = thrown(() => encodeQr('ắ'.repeat(1000), { ecc: 'H' })); // 3,000 UTF-8 bytes
    expect(error.code).toBe('ERR_QR_TOO_LONG');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a non-alphanumeric character in a credential text, with its position', () => {
    const error = thrown(() => encodeQr('AS1:6BFOXN*TS0bI$ZD'));
    expect(error.code).toBe('ERR_QR_NOT_ALPHANUMERIC');
    expect(error.details).toEqual({ char: 'b', index: 14 });
    expect(error.messages.vi).toContain('"b" ở vị trí 14');
    expect(thrown(() => encodeQr('HC1:ăn', {})).code).toBe('ERR_QR_NOT_ALPHANUMERIC');
  });

  it("rejects non-alphanumeric text when mode 'alphanumeric' is asked for", () => {
    const error = thrown(() => encodeQr('Nguyễn', { mode: 'alphanumeric' }));
    expect(error.code).toBe('ERR_QR_NOT_ALPHANUMERIC');
    expect(error.details).toEqual({ char: 'g', index: 1 });
  });

  it('rejects unknown options with RangeError', () => {
    expect(() => encodeQr('A', { ecc: 'X' as 'L' })).toThrow(RangeError);
    expect(() => encodeQr('A', { mode: 'kanji' as 'auto' })).toThrow(RangeError);
  });
});
