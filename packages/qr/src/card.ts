/**
 * `renderCard`: the printable e-social-security card, an SVG at ID-1 size (ISO/IEC 7810,
 * 85.60 × 53.98 mm) with the holder's details and the signed QR. Subpath: `@ansinh/qr`.
 * @module
 */
import {
  type AgencyCode,
  type Card,
  cardSchema,
  codeLabel,
  HI_BENEFIT_LEVELS,
  ISSUING_AGENCIES,
  type Lang,
  PROGRAMS,
  SEXES,
} from '@ansinh/core';
import { type EccLevel, encodeQr } from './encode.js';
import { QrError } from './errors.js';
import { darkModulesPath, QUIET_ZONE } from './lib/matrix.js';
import { escapeXml } from './lib/xml.js';

export interface CardOptions {
  /** Language of the labels; default `'vi'`. The holder's data is printed as it is. */
  readonly lang?: Lang;
  /** Error-correction level of the QR; default `'Q'` (a printed card gets scratched). */
  readonly ecc?: EccLevel;
  /** The agency that issued the card (the credential's `iss`); default `'VSS'`. */
  readonly issuer?: AgencyCode;
}

// ID-1 in millimetres; the SVG's user unit is one millimetre.
const W = 85.6;
const H = 53.98;
const CORNER = 3.18;
// Fonts with Vietnamese glyphs (precomposed and combining marks): Noto Sans, then DejaVu Sans
// (what Debian and the CI install), then the usual system faces.
const FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const LABELS = {
  vi: {
    titles: { 'social-security': 'THẺ AN SINH XÃ HỘI', 'health-insurance': 'THẺ BẢO HIỂM Y TẾ' },
    subtitle: 'Thẻ điện tử có chữ ký số',
    name: 'Họ và tên',
    dateOfBirth: 'Ngày sinh',
    sex: 'Giới tính',
    personalId: 'Số định danh cá nhân',
    socialInsuranceNumber: 'Mã số BHXH',
    cardNumber: 'Mã thẻ BHYT',
    level: 'Mức hưởng',
    valid: 'Giá trị sử dụng',
    facility: 'Nơi ĐKKCB ban đầu',
    programs: 'Chế độ',
    scan: 'Quét mã để xác thực',
    qr: 'Mã QR có chữ ký số của thẻ',
    footer: 'Thông tin trên thẻ được xác thực bằng mã QR có chữ ký số của cơ quan cấp.',
  },
  en: {
    titles: { 'social-security': 'SOCIAL SECURITY CARD', 'health-insurance': 'HEALTH INSURANCE CARD' },
    subtitle: 'Digitally signed e-card',
    name: 'Full name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    personalId: 'Personal ID number',
    socialInsuranceNumber: 'Social insurance no.',
    cardNumber: 'Health insurance no.',
    level: 'Benefit level',
    valid: 'Valid from – to',
    facility: 'Primary care facility',
    programs: 'Benefits',
    scan: 'Scan to verify',
    qr: "The card's digitally signed QR code",
    footer: "The card's details are verified by the issuer's digitally signed QR code.",
  },
} as const;

/** `YYYY-MM-DD` → `dd/mm/yyyy`, as Vietnamese documents write dates. */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A conservative width estimate in em for DejaVu Sans (the widest face of the stack), so text
 * that fits here fits in every listed font. Per character class, bold advance widths.
 */
function emWidth(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (/\p{M}/u.test(ch)) continue;
    if (/[0-9]/.test(ch)) em += 0.7;
    else if (ch === ' ') em += 0.35;
    else if (/[.,:;'’/()·–-]/.test(ch)) em += 0.42;
    else if (/[MWĐÐ]/.test(ch) || /[mw]/.test(ch)) em += 0.95;
    else if (ch === ch.toLocaleLowerCase('vi') && ch !== ch.toLocaleUpperCase('vi')) em += 0.64;
    else em += 0.78;
  }
  return bold ? em : em * 0.98;
}

/** The font size (mm) that fits `text` in `maxWidth`, at most `size` and at least 60 % of it. */
function fit(text: string, size: number, maxWidth: number, bold: boolean): number {
  const width = emWidth(text, bold) * size;
  return width <= maxWidth ? size : Math.max(size * 0.6, (size * maxWidth) / width);
}

const n = (x: number): string => String(Math.round(x * 100) / 100);

function text(
  x: number,
  y: number,
  content: string,
  size: number,
  attrs: { fill?: string; weight?: 'bold'; anchor?: 'middle' | 'end'; spacing?: number } = {},
): string {
  const parts = [`x="${n(x)}" y="${n(y)}" font-size="${n(size)}"`];
  if (attrs.weight) parts.push(`font-weight="${attrs.weight}"`);
  if (attrs.anchor) parts.push(`text-anchor="${attrs.anchor}"`);
  if (attrs.spacing) parts.push(`letter-spacing="${n(attrs.spacing)}"`);
  parts.push(`fill="${attrs.fill ?? '#10202e'}"`);
  return `<text ${parts.join(' ')}>${escapeXml(content)}</text>`;
}

/** Wavy security lines (a guilloche) across the body: printed cards carry them; so does this one. */
function guilloche(): string {
  const paths: string[] = [];
  for (let k = 0; k < 14; k++) {
    const y0 = 14 + k * 2.9;
    const amplitude = 1.6 + (k % 3) * 0.5;
    const phase = k * 0.7;
    let d = '';
    for (let x = 0; x <= W; x += 1.2) {
      const y = y0 + amplitude * Math.sin(x / 4.2 + phase) + 0.6 * Math.sin(x / 1.7 + phase * 2);
      d += `${d ? 'L' : 'M'}${n(x)} ${n(y)}`;
    }
    paths.push(`<path d="${d}"/>`);
  }
  return `<g fill="none" stroke="#7fb9b0" stroke-width="0.12" opacity="0.45">${paths.join('')}</g>`;
}

interface Field {
  readonly label: string;
  readonly value: string;
}

/**
 * Renders the card as an SVG document at ID-1 size (`width="85.6mm" height="53.98mm"`, one
 * user unit per millimetre): issuing agency and card title, the holder's name with its
 * diacritics, date of birth, sex, personal ID, social-insurance and health-insurance numbers,
 * benefit level (character 3 of the card number), validity dates (dd/mm/yyyy), the initial
 * registration facility, the benefit programmes, and the QR. All text is XML-escaped; the card
 * is validated against `cardSchema` first. `qrText` is printed as given: pass what `issueCard`
 * returned for this card.
 *
 * @throws {QrError} `ERR_QR_CARD_INVALID`, and the {@link encodeQr} codes for `qrText`.
 * @example
 * const qrText = await issueCard(card, { signer, iss: 'VSS', exp });
 * const svg = renderCard(card, qrText, { lang: 'vi' });
 * await writeFile('card.svg', svg);
 */
export function renderCard(card: Card, qrText: string, options: CardOptions = {}): string {
  const parsed = cardSchema.safeParse(card);
  if (!parsed.success) {
    // cardSchema's messages name the field already ('personalId: expected 12 digits').
    const details = parsed.error.issues.map((i) => i.message).join('; ');
    throw new QrError('ERR_QR_CARD_INVALID', { details });
  }
  const lang = options.lang ?? 'vi';
  const L = LABELS[lang];
  const issuer = options.issuer ?? 'VSS';
  const agency = ISSUING_AGENCIES.find((a) => a.code === issuer);
  if (!agency)
    throw new RangeError(`issuer must be one of ${ISSUING_AGENCIES.map((a) => a.code).join(', ')}`);
  const code = encodeQr(qrText, { ecc: options.ecc ?? 'Q', mode: 'auto' });

  const hi = card.healthInsurance;
  // Each row: two fields, where the second starts (mm from the text's left edge) and its width.
  const rows: [Field, Field | undefined, number, number?][] = [
    [
      { label: L.dateOfBirth, value: dmy(card.dateOfBirth) },
      { label: L.sex, value: codeLabel(SEXES, card.sex, lang) ?? card.sex },
      32,
    ],
    [
      { label: L.personalId, value: card.personalId },
      card.socialInsuranceNumber
        ? { label: L.socialInsuranceNumber, value: card.socialInsuranceNumber }
        : undefined,
      32,
    ],
  ];
  if (hi) {
    const level = Number(hi.cardNumber[2]);
    const percent = /^\d+%/.exec(codeLabel(HI_BENEFIT_LEVELS, level, 'vi') ?? '')?.[0];
    rows.push([
      { label: L.cardNumber, value: hi.cardNumber },
      { label: L.level, value: percent ? `${level} (${percent})` : String(level) },
      32,
    ]);
    rows.push([
      { label: L.valid, value: `${dmy(hi.validFrom)} – ${dmy(hi.validTo)}` },
      hi.facility ? { label: L.facility, value: hi.facility } : undefined,
      // This row is below the QR plate: the facility may run on to where the QR's caption starts.
      32,
      20,
    ]);
  }

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="53.98mm" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(`${L.titles[card.type]} – ${card.name}`)}</title>`,
    '<defs>',
    '<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f6fbf9"/><stop offset="1" stop-color="#d9eeeb"/></linearGradient>',
    '<linearGradient id="band" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#0a4f86"/><stop offset="1" stop-color="#1480b8"/></linearGradient>',
    `<clipPath id="card"><rect width="${W}" height="${H}" rx="${CORNER}"/></clipPath>`,
    '</defs>',
    '<g clip-path="url(#card)">',
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    guilloche(),
    // A faint seal behind the details.
    '<g fill="none" stroke="#0a4f86" opacity="0.07"><circle cx="30" cy="33" r="15" stroke-width="1.2"/><circle cx="30" cy="33" r="11.5" stroke-width="0.4"/></g>',
    `<rect width="${W}" height="11.6" fill="url(#band)"/>`,
    `<rect y="11.6" width="${W}" height="0.6" fill="#c8102e"/>`,
    `<rect y="12.2" width="${W}" height="0.25" fill="#f2b705"/>`,
    '</g>',
    `<rect x="0.1" y="0.1" width="${W - 0.2}" height="${H - 0.2}" rx="${CORNER}" fill="none" stroke="#9bb8c4" stroke-width="0.2"/>`,
  );

  // Header: the issuer's seal, its name, the card's title.
  out.push(
    '<circle cx="7.6" cy="5.8" r="4.1" fill="#fff" stroke="#f2b705" stroke-width="0.45"/>',
    '<circle cx="7.6" cy="5.8" r="3.3" fill="none" stroke="#0a4f86" stroke-width="0.2"/>',
    text(7.6, 6.55, agency.code, fit(agency.code, 2.1, 5.6, true), {
      fill: '#0a4f86',
      weight: 'bold',
      anchor: 'middle',
    }),
  );
  const agencyName = agency[lang].toLocaleUpperCase(lang);
  out.push(
    text(13.6, 4.6, agencyName, fit(agencyName, 2.2, W - 16, true), {
      fill: '#d6ecff',
      weight: 'bold',
      spacing: 0.1,
    }),
    text(13.6, 9.1, L.titles[card.type], fit(L.titles[card.type], 3.6, 44, true), {
      fill: '#fff',
      weight: 'bold',
      spacing: 0.2,
    }),
    text(W - 3.2, 9.1, L.subtitle, 1.7, { fill: '#d6ecff', anchor: 'end' }),
  );

  // The holder's name: upper case like printed cards, diacritics kept; two lines if very long.
  const left = 4;
  const leftWidth = 49;
  const name = card.name.toLocaleUpperCase('vi').normalize('NFC');
  out.push(text(left, 16.1, L.name, 1.75, { fill: '#4a5d6b' }));
  let y = 19.9;
  if (fit(name, 3.4, leftWidth, true) >= 3.4 * 0.75) {
    out.push(text(left, y, name, fit(name, 3.4, leftWidth, true), { weight: 'bold', fill: '#0a2a4a' }));
  } else {
    const words = name.split(' ');
    const half = Math.ceil(words.length / 2);
    const [first, second] = [words.slice(0, half).join(' '), words.slice(half).join(' ')];
    const size = Math.min(fit(first, 2.8, leftWidth, true), fit(second, 2.8, leftWidth, true));
    out.push(text(left, y - 1.6, first, size, { weight: 'bold', fill: '#0a2a4a' }));
    out.push(text(left, y + 1.2, second, size, { weight: 'bold', fill: '#0a2a4a' }));
    y += 1.2;
  }

  // The other details, two to a row.
  y += 4.3;
  for (const [first, second, split, secondWidth] of rows) {
    const cells: [Field | undefined, number, number][] = [
      [first, left, second ? split - 1 : leftWidth],
      [second, left + split, secondWidth ?? leftWidth - split],
    ];
    for (const [field, x, width] of cells) {
      if (!field) continue;
      out.push(text(x, y, field.label, fit(field.label, 1.75, width, false), { fill: '#4a5d6b' }));
      out.push(text(x, y + 3.1, field.value, fit(field.value, 2.55, width, true), { weight: 'bold' }));
    }
    y += 6.6;
  }

  // The QR with its 4-module quiet zone on a white plate.
  const plate = 27.2;
  const qx = W - 3 - plate;
  const qy = 14.2;
  const modules = code.size + 2 * QUIET_ZONE;
  out.push(
    `<rect x="${n(qx - 0.4)}" y="${n(qy - 0.4)}" width="${n(plate + 0.8)}" height="${n(plate + 0.8)}" rx="1" fill="#fff" stroke="#b7ccd6" stroke-width="0.15"/>`,
    `<svg x="${n(qx)}" y="${n(qy)}" width="${plate}" height="${plate}" viewBox="0 0 ${modules} ${modules}" shape-rendering="crispEdges">`,
    `<title>${escapeXml(L.qr)}</title><rect width="${modules}" height="${modules}" fill="#fff"/><path fill="#000" d="${darkModulesPath(code, QUIET_ZONE)}"/></svg>`,
    text(qx + plate / 2, qy + plate + 3, L.scan, 1.75, { fill: '#4a5d6b', anchor: 'middle' }),
  );

  // Footer: the programmes the holder is enrolled in, or what makes the card trustworthy.
  const programs = (card.programs ?? []).map((p) => codeLabel(PROGRAMS, p, lang) ?? p);
  const footer = programs.length > 0 ? `${L.programs}: ${programs.join(' · ')}` : L.footer;
  out.push(`<rect x="${left}" y="${n(H - 5.6)}" width="${W - 2 * left}" height="0.15" fill="#9bb8c4"/>`);
  const footerWidth = W - 2 * left;
  if (fit(footer, 1.7, footerWidth, false) >= 1.7 * 0.75) {
    out.push(text(left, H - 2.6, footer, fit(footer, 1.7, footerWidth, false), { fill: '#36505f' }));
  } else {
    // Many programmes: two lines, split between programmes.
    const half = Math.ceil(programs.length / 2);
    const lines = [
      `${L.programs}: ${programs.slice(0, half).join(' · ')} ·`,
      programs.slice(half).join(' · '),
    ];
    const size = Math.min(...lines.map((line) => fit(line, 1.5, footerWidth, false)));
    lines.forEach((line, i) => {
      out.push(text(left, H - 3.45 + i * 1.9, line, size, { fill: '#36505f' }));
    });
  }

  out.push('</svg>\n');
  return out.join('');
}
