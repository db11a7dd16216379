import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectQrKind, parseCitizenIdQr, parseHealthInsuranceQr } from '../../src/qr-codes/index.js';

const CITIZEN =
  '079303012345|025123456|Nguyễn Thị Lan|17052003|Nữ|12 Lê Lợi, Quận 1, TP. Hồ Chí Minh|01082021';
const HEALTH =
  'DN4797912345678|4e677579e1bb856e2056c4836e20416e|15/08/1990|1|-|79 - 014|01/01/2025|31/12/2025|20/12/2024|-|-|4|01/01/2020|-|$';

describe('detectQrKind', () => {
  it.each([
    [
      'an ansinh e-card',
      'AS1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA*LPUY29+KCFF-JK9WNHL3',
      'ansinh-card',
    ],
    ['an EU digital COVID certificate', 'HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH', 'eu-dcc'],
    ['a citizen-ID card QR', CITIZEN, 'citizen-id'],
    ['an 11-field citizen-ID QR', `${CITIZEN}|a|b|c|d`, 'citizen-id'],
    ['a citizen-ID QR with a trailing line break', `${CITIZEN}\r\n`, 'citizen-id'],
    ['a health-insurance card QR', HEALTH, 'health-insurance-card'],
    [
      'a health-insurance card QR of a 2020-template card',
      HEALTH.replace('DN4797912345678', '7912345678'),
      'health-insurance-card',
    ],
    ['a health-insurance card QR with surrounding spaces', `  ${HEALTH} `, 'health-insurance-card'],
    ['empty text', '', 'unknown'],
    ['a URL', 'https://vneid.gov.vn/', 'unknown'],
    ['a bare personal ID', '079303012345', 'unknown'],
    ['too few citizen-ID fields', '079303012345|025123456|Lan|17052003|Nữ|addr', 'unknown'],
    ['an 11-digit first field', '07930301234|025123456|Lan|17052003|Nữ|addr|01082021', 'unknown'],
    ['a lone dollar sign', '$', 'unknown'],
    ['lower-case prefix', 'as1:6BFOXN', 'unknown'],
  ])('%s → %s', (_label, text, kind) => {
    expect(detectQrKind(text)).toBe(kind);
  });

  it('agrees with the parsers: texts they accept are detected as their kind', () => {
    expect(parseCitizenIdQr(CITIZEN).ok).toBe(true);
    expect(parseHealthInsuranceQr(HEALTH).ok).toBe(true);
  });

  it('never throws on arbitrary text or non-strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(['ansinh-card', 'eu-dcc', 'citizen-id', 'health-insurance-card', 'unknown']).toContain(
          detectQrKind(text),
        );
      }),
    );
    expect(detectQrKind(undefined as unknown as string)).toBe('unknown');
  });
});
