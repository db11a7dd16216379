/**
 * The benefit programmes of the national social security database (Decision 708/QĐ-TTg of
 * 25 May 2017, vn-reference.md §8.1). `id` is the compact integer the e-card wire form carries;
 * ids are stable: never renumber, only append.
 *
 * Horizon `2020`: the six data domains the decision required by 2020. Horizon `2030`: the
 * decision's orientation to 2030, which adds children, vocational training and employment. It
 * also names gender equality and prevention of social evils; those are not person-level benefit
 * programmes and are not listed.
 *
 * Status (2025): the Ministry of Labour, War Invalids and Social Affairs merged into the Ministry
 * of Home Affairs, which is drafting a scheme to replace Decision 708 (not yet published), so the
 * programme list may change. The national insurance database moved from Decree 43/2021/NĐ-CP to
 * Decree 164/2025/NĐ-CP on 1/7/2025 (medium confidence, single source).
 */
export const PROGRAMS = [
  { code: 'social-assistance', id: 1, vi: 'Trợ giúp xã hội', en: 'Social assistance', horizon: '2020' },
  { code: 'poverty-reduction', id: 2, vi: 'Giảm nghèo', en: 'Poverty reduction', horizon: '2020' },
  {
    code: 'meritorious-services',
    id: 3,
    vi: 'Người có công với cách mạng',
    en: 'People with meritorious services to the revolution',
    horizon: '2020',
  },
  {
    code: 'unemployment-insurance',
    id: 4,
    vi: 'Bảo hiểm thất nghiệp',
    en: 'Unemployment insurance',
    horizon: '2020',
  },
  { code: 'social-insurance', id: 5, vi: 'Bảo hiểm xã hội', en: 'Social insurance', horizon: '2020' },
  { code: 'health-insurance', id: 6, vi: 'Bảo hiểm y tế', en: 'Health insurance', horizon: '2020' },
  { code: 'children', id: 7, vi: 'Trẻ em', en: 'Children', horizon: '2030' },
  {
    code: 'vocational-training',
    id: 8,
    vi: 'Giáo dục nghề nghiệp',
    en: 'Vocational training',
    horizon: '2030',
  },
  { code: 'employment', id: 9, vi: 'Việc làm', en: 'Employment', horizon: '2030' },
] as const;

/** A programme code such as `'social-assistance'`. */
export type ProgramCode = (typeof PROGRAMS)[number]['code'];

const PROGRAM_CODES: ReadonlySet<string> = new Set(PROGRAMS.map((p) => p.code));

/**
 * Whether `code` is one of the nine programme codes.
 *
 * @example isProgramCode('children') // true
 */
export function isProgramCode(code: unknown): code is ProgramCode {
  return typeof code === 'string' && PROGRAM_CODES.has(code);
}
