/**
 * Province-level administrative units of Vietnam, before and after the reorganisation of 1 July 2025.
 *
 * Both lists are needed at once: every record, card and personal ID number created before
 * 1/7/2025 carries a 2004-scheme code, and those codes stay in circulation (numbers already issued
 * never change). Sources and confidence: the project's standards reference, vn-reference.md §6.
 *
 * Unconfirmed: which personal-ID place prefix births registered after 1/7/2025 in a merged
 * province receive (vn-reference.md §1.7), and how VSS re-codes the province characters of
 * health-insurance cards issued before the merger. Validators therefore accept every 2004 code.
 */

/**
 * The 63 provinces and centrally-run cities before 1 July 2025, with their 2-digit codes
 * (Decision 124/2004/QĐ-TTg, statistics office / GSO scheme). Confidence: high (three independent
 * sources agree). The 3-digit place code of a personal ID number is `0` + this code.
 */
export const PROVINCES_2004 = [
  { code: '01', vi: 'Hà Nội', en: 'Ha Noi' },
  { code: '02', vi: 'Hà Giang', en: 'Ha Giang' },
  { code: '04', vi: 'Cao Bằng', en: 'Cao Bang' },
  { code: '06', vi: 'Bắc Kạn', en: 'Bac Kan' },
  { code: '08', vi: 'Tuyên Quang', en: 'Tuyen Quang' },
  { code: '10', vi: 'Lào Cai', en: 'Lao Cai' },
  { code: '11', vi: 'Điện Biên', en: 'Dien Bien' },
  { code: '12', vi: 'Lai Châu', en: 'Lai Chau' },
  { code: '14', vi: 'Sơn La', en: 'Son La' },
  { code: '15', vi: 'Yên Bái', en: 'Yen Bai' },
  { code: '17', vi: 'Hòa Bình', en: 'Hoa Binh' },
  { code: '19', vi: 'Thái Nguyên', en: 'Thai Nguyen' },
  { code: '20', vi: 'Lạng Sơn', en: 'Lang Son' },
  { code: '22', vi: 'Quảng Ninh', en: 'Quang Ninh' },
  { code: '24', vi: 'Bắc Giang', en: 'Bac Giang' },
  { code: '25', vi: 'Phú Thọ', en: 'Phu Tho' },
  { code: '26', vi: 'Vĩnh Phúc', en: 'Vinh Phuc' },
  { code: '27', vi: 'Bắc Ninh', en: 'Bac Ninh' },
  { code: '30', vi: 'Hải Dương', en: 'Hai Duong' },
  { code: '31', vi: 'Hải Phòng', en: 'Hai Phong' },
  { code: '33', vi: 'Hưng Yên', en: 'Hung Yen' },
  { code: '34', vi: 'Thái Bình', en: 'Thai Binh' },
  { code: '35', vi: 'Hà Nam', en: 'Ha Nam' },
  { code: '36', vi: 'Nam Định', en: 'Nam Dinh' },
  { code: '37', vi: 'Ninh Bình', en: 'Ninh Binh' },
  { code: '38', vi: 'Thanh Hóa', en: 'Thanh Hoa' },
  { code: '40', vi: 'Nghệ An', en: 'Nghe An' },
  { code: '42', vi: 'Hà Tĩnh', en: 'Ha Tinh' },
  { code: '44', vi: 'Quảng Bình', en: 'Quang Binh' },
  { code: '45', vi: 'Quảng Trị', en: 'Quang Tri' },
  { code: '46', vi: 'Thừa Thiên Huế', en: 'Thua Thien Hue' },
  { code: '48', vi: 'Đà Nẵng', en: 'Da Nang' },
  { code: '49', vi: 'Quảng Nam', en: 'Quang Nam' },
  { code: '51', vi: 'Quảng Ngãi', en: 'Quang Ngai' },
  { code: '52', vi: 'Bình Định', en: 'Binh Dinh' },
  { code: '54', vi: 'Phú Yên', en: 'Phu Yen' },
  { code: '56', vi: 'Khánh Hòa', en: 'Khanh Hoa' },
  { code: '58', vi: 'Ninh Thuận', en: 'Ninh Thuan' },
  { code: '60', vi: 'Bình Thuận', en: 'Binh Thuan' },
  { code: '62', vi: 'Kon Tum', en: 'Kon Tum' },
  { code: '64', vi: 'Gia Lai', en: 'Gia Lai' },
  { code: '66', vi: 'Đắk Lắk', en: 'Dak Lak' },
  { code: '67', vi: 'Đắk Nông', en: 'Dak Nong' },
  { code: '68', vi: 'Lâm Đồng', en: 'Lam Dong' },
  { code: '70', vi: 'Bình Phước', en: 'Binh Phuoc' },
  { code: '72', vi: 'Tây Ninh', en: 'Tay Ninh' },
  { code: '74', vi: 'Bình Dương', en: 'Binh Duong' },
  { code: '75', vi: 'Đồng Nai', en: 'Dong Nai' },
  { code: '77', vi: 'Bà Rịa – Vũng Tàu', en: 'Ba Ria – Vung Tau' },
  { code: '79', vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City' },
  { code: '80', vi: 'Long An', en: 'Long An' },
  { code: '82', vi: 'Tiền Giang', en: 'Tien Giang' },
  { code: '83', vi: 'Bến Tre', en: 'Ben Tre' },
  { code: '84', vi: 'Trà Vinh', en: 'Tra Vinh' },
  { code: '86', vi: 'Vĩnh Long', en: 'Vinh Long' },
  { code: '87', vi: 'Đồng Tháp', en: 'Dong Thap' },
  { code: '89', vi: 'An Giang', en: 'An Giang' },
  { code: '91', vi: 'Kiên Giang', en: 'Kien Giang' },
  { code: '92', vi: 'Cần Thơ', en: 'Can Tho' },
  { code: '93', vi: 'Hậu Giang', en: 'Hau Giang' },
  { code: '94', vi: 'Sóc Trăng', en: 'Soc Trang' },
  { code: '95', vi: 'Bạc Liêu', en: 'Bac Lieu' },
  { code: '96', vi: 'Cà Mau', en: 'Ca Mau' },
] as const;

/** A 2-digit province code of the 2004 scheme (63 values). */
export type ProvinceCode2004 = (typeof PROVINCES_2004)[number]['code'];

/**
 * The 34 province-level units from 1 July 2025 (28 provinces, 6 centrally-run cities), with their
 * codes (Decision 19/2025/QĐ-TTg) and the 2004-scheme provinces each was formed from (Resolution
 * 202/2025/QH15). Confidence: high; three sources agree on the codes.
 *
 * Beware of a wrong variant circulating in public code that keeps "the main province's old code"
 * (e.g. An Giang 89, Bắc Ninh 27, Gia Lai 64): Decision 19/2025 gives the codes below. Every new
 * code is a code of the 2004 scheme reused (apparently that of the province hosting the new
 * administrative centre), so the two code sets overlap: a bare 2-digit code does not tell which
 * scheme it belongs to. Store the scheme or the effective date next to it.
 */
export const PROVINCES_2025 = [
  { code: '01', vi: 'Thành phố Hà Nội', en: 'Ha Noi City', kind: 'city', formedFrom: ['01'] },
  { code: '04', vi: 'Tỉnh Cao Bằng', en: 'Cao Bang Province', kind: 'province', formedFrom: ['04'] },
  {
    code: '08',
    vi: 'Tỉnh Tuyên Quang',
    en: 'Tuyen Quang Province',
    kind: 'province',
    formedFrom: ['08', '02'],
  },
  { code: '11', vi: 'Tỉnh Điện Biên', en: 'Dien Bien Province', kind: 'province', formedFrom: ['11'] },
  { code: '12', vi: 'Tỉnh Lai Châu', en: 'Lai Chau Province', kind: 'province', formedFrom: ['12'] },
  { code: '14', vi: 'Tỉnh Sơn La', en: 'Son La Province', kind: 'province', formedFrom: ['14'] },
  { code: '15', vi: 'Tỉnh Lào Cai', en: 'Lao Cai Province', kind: 'province', formedFrom: ['15', '10'] },
  {
    code: '19',
    vi: 'Tỉnh Thái Nguyên',
    en: 'Thai Nguyen Province',
    kind: 'province',
    formedFrom: ['19', '06'],
  },
  { code: '20', vi: 'Tỉnh Lạng Sơn', en: 'Lang Son Province', kind: 'province', formedFrom: ['20'] },
  { code: '22', vi: 'Tỉnh Quảng Ninh', en: 'Quang Ninh Province', kind: 'province', formedFrom: ['22'] },
  { code: '24', vi: 'Tỉnh Bắc Ninh', en: 'Bac Ninh Province', kind: 'province', formedFrom: ['24', '27'] },
  {
    code: '25',
    vi: 'Tỉnh Phú Thọ',
    en: 'Phu Tho Province',
    kind: 'province',
    formedFrom: ['25', '26', '17'],
  },
  { code: '31', vi: 'Thành phố Hải Phòng', en: 'Hai Phong City', kind: 'city', formedFrom: ['31', '30'] },
  { code: '33', vi: 'Tỉnh Hưng Yên', en: 'Hung Yen Province', kind: 'province', formedFrom: ['33', '34'] },
  {
    code: '37',
    vi: 'Tỉnh Ninh Bình',
    en: 'Ninh Binh Province',
    kind: 'province',
    formedFrom: ['37', '35', '36'],
  },
  { code: '38', vi: 'Tỉnh Thanh Hóa', en: 'Thanh Hoa Province', kind: 'province', formedFrom: ['38'] },
  { code: '40', vi: 'Tỉnh Nghệ An', en: 'Nghe An Province', kind: 'province', formedFrom: ['40'] },
  { code: '42', vi: 'Tỉnh Hà Tĩnh', en: 'Ha Tinh Province', kind: 'province', formedFrom: ['42'] },
  { code: '44', vi: 'Tỉnh Quảng Trị', en: 'Quang Tri Province', kind: 'province', formedFrom: ['44', '45'] },
  { code: '46', vi: 'Thành phố Huế', en: 'Hue City', kind: 'city', formedFrom: ['46'] },
  { code: '48', vi: 'Thành phố Đà Nẵng', en: 'Da Nang City', kind: 'city', formedFrom: ['48', '49'] },
  {
    code: '51',
    vi: 'Tỉnh Quảng Ngãi',
    en: 'Quang Ngai Province',
    kind: 'province',
    formedFrom: ['51', '62'],
  },
  { code: '52', vi: 'Tỉnh Gia Lai', en: 'Gia Lai Province', kind: 'province', formedFrom: ['52', '64'] },
  {
    code: '56',
    vi: 'Tỉnh Khánh Hòa',
    en: 'Khanh Hoa Province',
    kind: 'province',
    formedFrom: ['56', '58'],
  },
  { code: '66', vi: 'Tỉnh Đắk Lắk', en: 'Dak Lak Province', kind: 'province', formedFrom: ['66', '54'] },
  {
    code: '68',
    vi: 'Tỉnh Lâm Đồng',
    en: 'Lam Dong Province',
    kind: 'province',
    formedFrom: ['68', '67', '60'],
  },
  { code: '75', vi: 'Tỉnh Đồng Nai', en: 'Dong Nai Province', kind: 'province', formedFrom: ['75', '70'] },
  {
    code: '79',
    vi: 'Thành phố Hồ Chí Minh',
    en: 'Ho Chi Minh City',
    kind: 'city',
    formedFrom: ['79', '74', '77'],
  },
  { code: '80', vi: 'Tỉnh Tây Ninh', en: 'Tay Ninh Province', kind: 'province', formedFrom: ['80', '72'] },
  {
    code: '82',
    vi: 'Tỉnh Đồng Tháp',
    en: 'Dong Thap Province',
    kind: 'province',
    formedFrom: ['82', '87'],
  },
  {
    code: '86',
    vi: 'Tỉnh Vĩnh Long',
    en: 'Vinh Long Province',
    kind: 'province',
    formedFrom: ['86', '83', '84'],
  },
  { code: '91', vi: 'Tỉnh An Giang', en: 'An Giang Province', kind: 'province', formedFrom: ['91', '89'] },
  {
    code: '92',
    vi: 'Thành phố Cần Thơ',
    en: 'Can Tho City',
    kind: 'city',
    formedFrom: ['92', '94', '93'],
  },
  { code: '96', vi: 'Tỉnh Cà Mau', en: 'Ca Mau Province', kind: 'province', formedFrom: ['96', '95'] },
] as const;

/** A 2-digit province code of the 2025 scheme (34 values, each also a 2004 code). */
export type ProvinceCode2025 = (typeof PROVINCES_2025)[number]['code'];

/** A province code of either scheme. */
export type ProvinceCode = ProvinceCode2004 | ProvinceCode2025;

/**
 * The 2025 province that absorbed each 2004 province. Written out independently of
 * `formedFrom` above so that the type checker proves every 2004 code has a target, and the
 * tests prove the two transcriptions agree.
 *
 * This is a province-level mapping only: there is no authoritative old → new commune table yet
 * (vn-reference §6.3), and a province-level conversion is exact because no 2004 province was
 * split between two new ones.
 */
export const PROVINCE_2004_TO_2025: Readonly<Record<ProvinceCode2004, ProvinceCode2025>> = {
  '01': '01',
  '02': '08',
  '04': '04',
  '06': '19',
  '08': '08',
  '10': '15',
  '11': '11',
  '12': '12',
  '14': '14',
  '15': '15',
  '17': '25',
  '19': '19',
  '20': '20',
  '22': '22',
  '24': '24',
  '25': '25',
  '26': '25',
  '27': '24',
  '30': '31',
  '31': '31',
  '33': '33',
  '34': '33',
  '35': '37',
  '36': '37',
  '37': '37',
  '38': '38',
  '40': '40',
  '42': '42',
  '44': '44',
  '45': '44',
  '46': '46',
  '48': '48',
  '49': '48',
  '51': '51',
  '52': '52',
  '54': '66',
  '56': '56',
  '58': '56',
  '60': '68',
  '62': '51',
  '64': '52',
  '66': '66',
  '67': '68',
  '68': '68',
  '70': '75',
  '72': '80',
  '74': '79',
  '75': '75',
  '77': '79',
  '79': '79',
  '80': '80',
  '82': '82',
  '83': '86',
  '84': '86',
  '86': '86',
  '87': '82',
  '89': '91',
  '91': '91',
  '92': '92',
  '93': '92',
  '94': '92',
  '95': '96',
  '96': '96',
};

const CODES_2004: ReadonlySet<string> = new Set(PROVINCES_2004.map((p) => p.code));
const CODES_2025: ReadonlySet<string> = new Set(PROVINCES_2025.map((p) => p.code));

/**
 * Whether `code` is one of the 63 province codes of the 2004 scheme.
 *
 * @example isProvinceCode2004('35') // true: Hà Nam, merged into Ninh Bình in 2025
 */
export function isProvinceCode2004(code: unknown): code is ProvinceCode2004 {
  return typeof code === 'string' && CODES_2004.has(code);
}

/**
 * Whether `code` is one of the 34 province codes of the 2025 scheme.
 *
 * @example isProvinceCode2025('35') // false
 */
export function isProvinceCode2025(code: unknown): code is ProvinceCode2025 {
  return typeof code === 'string' && CODES_2025.has(code);
}
