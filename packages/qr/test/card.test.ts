import type { Card } from '@ansinh/core';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../src/card.js';
import { encodeQr } from '../src/encode.js';
import { QrError } from '../src/errors.js';
import { base45Text } from './support/texts.js';

const card: Card = {
  schemaVersion: 1,
  type: 'health-insurance',
  personalId: '079185012345',
  name: 'Nguyễn Thị Ánh Tuyết',
  dateOfBirth: '1985-03-14',
  sex: 'female',
  socialInsuranceNumber: '7912345678',
  healthInsurance: {
    cardNumber: 'DN4797912345678',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    facility: '79024',
  },
  programs: ['health-insurance', 'social-insurance'],
};
const qrText = base45Text(330, 21);

/** The texts of the SVG's <text> elements, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('renderCard', () => {
  it('is an ID-1 card: 85.6 × 53.98 mm with a millimetre viewBox', () => {
    const svg = renderCard(card, qrText);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="85\.6mm" height="53\.98mm" viewBox="0 0 85\.6 53\.98"/,
    );
  });

  it('prints the holder and the card in Vietnamese by default', () => {
    const t = texts(renderCard(card, qrText));
    expect(t).toEqual(
      expect.arrayContaining([
        'BẢO HIỂM XÃ HỘI VIỆT NAM',
        'THẺ BẢO HIỂM Y TẾ',
        'Họ và tên',
        'NGUYỄN THỊ ÁNH TUYẾT',
        'Ngày sinh',
        '14/03/1985',
        'Nữ',
        'Số định danh cá nhân',
        '079185012345',
        'Mã số BHXH',
        '7912345678',
        'Mã thẻ BHYT',
        'DN4797912345678',
        'Mức hưởng',
        '4 (80%)',
        'Giá trị sử dụng',
        '01/01/2025 – 31/12/2025',
        'Nơi ĐKKCB ban đầu',
        '79024',
        'Chế độ: Bảo hiểm y tế · Bảo hiểm xã hội',
      ]),
    );
  });

  it("prints English labels with lang 'en', the holder's name unchanged", () => {
    const t = texts(renderCard(card, qrText, { lang: 'en', issuer: 'MOHA' }));
    expect(t).toEqual(
      expect.arrayContaining([
        'MINISTRY OF HOME AFFAIRS',
        'HEALTH INSURANCE CARD',
        'Full name',
        'NGUYỄN THỊ ÁNH TUYẾT',
        'Female',
        'Benefit level',
        'Valid from – to',
        'Benefits: Health insurance · Social insurance',
      ]),
    );
    expect(t).not.toContain('Họ và tên');
  });

  it('takes the benefit level from character 3 of the card number', () => {
    const level1 = { ...card, healthInsurance: { ...card.healthInsurance!, cardNumber: 'CC1797912345678' } };
    expect(texts(renderCard(level1, qrText))).toContain('1 (100%)');
  });

  it('embeds the QR of qrText with its quiet zone, at level Q by default', () => {
    const svg = renderCard(card, qrText);
    const code = encodeQr(qrText, { ecc: 'Q' });
    const inner = /<svg x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" viewBox="0 0 (\d+) \d+"/.exec(
      svg,
    );
    expect(Number(inner?.[2])).toBe(code.size + 8);
    expect(Number(inner?.[1])).toBeGreaterThanOrEqual(25); // mm: ≥ 0.3 mm per module for a version-15 symbol
    expect(renderCard(card, qrText, { ecc: 'H' })).toContain(
      `viewBox="0 0 ${encodeQr(qrText, { ecc: 'H' }).size + 8} `,
    );
  });

  it('escapes every text for XML', () => {
    const svg = renderCard({ ...card, name: 'Lê <Văn> & "Tám"' }, qrText);
    expect(svg).toContain('LÊ &lt;VĂN&gt; &amp; &quot;TÁM&quot;');
    expect(svg).not.toContain('<VĂN>');
    expect(texts(svg)).toContain('LÊ <VĂN> & "TÁM"');
  });

  it('prints a card without the health-insurance block and without optional fields', () => {
    const minimal: Card = {
      schemaVersion: 1,
      type: 'social-security',
      personalId: '001099000123',
      name: 'Lò Văn A',
      dateOfBirth: '1999-12-31',
      sex: 'male',
    };
    const t = texts(renderCard(minimal, qrText));
    expect(t).toEqual(
      expect.arrayContaining(['THẺ AN SINH XÃ HỘI', 'LÒ VĂN A', '31/12/1999', 'Nam', '001099000123']),
    );
    expect(t).not.toContain('Mã thẻ BHYT');
  });

  it('splits a long name over two lines', () => {
    const name = 'Tôn Nữ Thị Hoàng Phương Quỳnh Nguyễn Đặng Huỳnh Thảo Ngọc Bích Châu Loan Mỹ';
    const t = texts(renderCard({ ...card, name }, qrText));
    expect(t).toContain('TÔN NỮ THỊ HOÀNG PHƯƠNG QUỲNH NGUYỄN ĐẶNG');
    expect(t).toContain('HUỲNH THẢO NGỌC BÍCH CHÂU LOAN MỸ');
  });

  it('refuses an invalid card with ERR_QR_CARD_INVALID naming the field', () => {
    try {
      renderCard({ ...card, personalId: '12345' }, qrText);
      expect.unreachable();
    } catch (error) {
      expect((error as QrError).code).toBe('ERR_QR_CARD_INVALID');
      expect((error as QrError).messages.vi).toContain('personalId');
      expect((error as QrError).messages.vi).toMatch(/^Không thể in thẻ/);
    }
  });

  it('refuses a QR text that is not a base45 credential', () => {
    expect(() => renderCard(card, 'AS1:abc')).toThrow(
      expect.objectContaining({ code: 'ERR_QR_NOT_ALPHANUMERIC' }),
    );
    expect(() => renderCard(card, '')).toThrow(QrError);
    expect(() => renderCard(card, qrText, { issuer: 'XYZ' as 'VSS' })).toThrow(RangeError);
  });
});
