/**
 * Agencies that issue or hold social-security data, by short code. `current: false` marks an
 * agency that no longer exists but appears as issuer in older data.
 *
 * - VSS hosts the national insurance database (Decree 43/2021/NĐ-CP, replaced from 1/7/2025 by
 *   Decree 164/2025/NĐ-CP; medium confidence, single source) and issues health-insurance cards.
 * - MOLISA merged into MOHA in 2025; MOHA now holds social-assistance, meritorious-services and
 *   employment policy.
 * - MPS runs the national population database and issues personal ID numbers (Law on Identity
 *   26/2023/QH15).
 */
export const ISSUING_AGENCIES = [
  { code: 'VSS', vi: 'Bảo hiểm xã hội Việt Nam', en: 'Vietnam Social Security', current: true },
  { code: 'MOHA', vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs', current: true },
  {
    code: 'MOLISA',
    vi: 'Bộ Lao động – Thương binh và Xã hội',
    en: 'Ministry of Labour, War Invalids and Social Affairs',
    current: false,
  },
  { code: 'MPS', vi: 'Bộ Công an', en: 'Ministry of Public Security', current: true },
  { code: 'MOH', vi: 'Bộ Y tế', en: 'Ministry of Health', current: true },
] as const;

/** A short agency code such as `'VSS'`. */
export type AgencyCode = (typeof ISSUING_AGENCIES)[number]['code'];

const AGENCY_CODES: ReadonlySet<string> = new Set(ISSUING_AGENCIES.map((a) => a.code));

/**
 * Whether `code` is one of the agency codes.
 *
 * @example isAgencyCode('VSS') // true
 */
export function isAgencyCode(code: unknown): code is AgencyCode {
  return typeof code === 'string' && AGENCY_CODES.has(code);
}
