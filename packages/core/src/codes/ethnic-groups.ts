/**
 * The 54 ethnic groups of Vietnam with their 2-digit codes (Decision 121-TCTK/PPCĐ of 2 March 1979),
 * in the ordering that health software (XML130 field `MA_DANTOC`) and census software use
 * ("list A" of vn-reference.md §7). Confidence: high that this is the list software uses.
 *
 * Uncertain, so deliberately not encoded here:
 * - A second ordering circulates (04 Mường, 05 Hoa, 06 Khơ-me, 11 Ê-đê, … 53 Rơ-măm, 54 Ơ Đu). It
 *   may be the literal order of the 1979 annex; which one the decision text prints is
 *   unconfirmed. Data from a source using that ordering decodes to wrong names here, which is why
 *   records should keep the name next to the code.
 * - Code 55 ("foreigner") is common in hospital systems but unconfirmed in any official table;
 *   private codes 58+ (e.g. Cao Lan, Pa Cô) are not official. Neither is accepted.
 * - Spelling and hyphenation vary between sources ("Gia-rai" / "Ja-rai"): match on the code.
 *
 * Ethnicity is sensitive personal data (Decree 13/2023, Law 91/2025): list it, do not log it.
 */
export const ETHNIC_GROUPS = [
  { code: '01', vi: 'Kinh', en: 'Kinh' },
  { code: '02', vi: 'Tày', en: 'Tay' },
  { code: '03', vi: 'Thái', en: 'Thai' },
  { code: '04', vi: 'Hoa', en: 'Hoa (ethnic Chinese)' },
  { code: '05', vi: 'Khơ-me', en: 'Khmer' },
  { code: '06', vi: 'Mường', en: 'Muong' },
  { code: '07', vi: 'Nùng', en: 'Nung' },
  { code: '08', vi: 'HMông', en: 'Hmong' },
  { code: '09', vi: 'Dao', en: 'Dao' },
  { code: '10', vi: 'Gia-rai', en: 'Jarai' },
  { code: '11', vi: 'Ngái', en: 'Ngai' },
  { code: '12', vi: 'Ê-đê', en: 'Ede' },
  { code: '13', vi: 'Ba-na', en: 'Bahnar' },
  { code: '14', vi: 'Xơ-đăng', en: 'Sedang' },
  { code: '15', vi: 'Sán Chay', en: 'San Chay' },
  { code: '16', vi: 'Cơ-ho', en: 'Koho' },
  { code: '17', vi: 'Chăm', en: 'Cham' },
  { code: '18', vi: 'Sán Dìu', en: 'San Diu' },
  { code: '19', vi: 'Hrê', en: 'Hre' },
  { code: '20', vi: 'Mnông', en: 'Mnong' },
  { code: '21', vi: 'Ra-glai', en: 'Raglai' },
  { code: '22', vi: 'Xtiêng', en: 'Stieng' },
  { code: '23', vi: 'Bru-Vân Kiều', en: 'Bru-Van Kieu' },
  { code: '24', vi: 'Thổ', en: 'Tho' },
  { code: '25', vi: 'Giáy', en: 'Giay' },
  { code: '26', vi: 'Cơ-tu', en: 'Katu' },
  { code: '27', vi: 'Gié-Triêng', en: 'Gie-Trieng' },
  { code: '28', vi: 'Mạ', en: 'Ma' },
  { code: '29', vi: 'Khơ-mú', en: 'Khmu' },
  { code: '30', vi: 'Co', en: 'Co' },
  { code: '31', vi: 'Tà-ôi', en: 'Ta Oi' },
  { code: '32', vi: 'Chơ-ro', en: 'Cho Ro' },
  { code: '33', vi: 'Kháng', en: 'Khang' },
  { code: '34', vi: 'Xinh-mun', en: 'Xinh Mun' },
  { code: '35', vi: 'Hà Nhì', en: 'Ha Nhi' },
  { code: '36', vi: 'Chu-ru', en: 'Churu' },
  { code: '37', vi: 'Lào', en: 'Lao' },
  { code: '38', vi: 'La Chí', en: 'La Chi' },
  { code: '39', vi: 'La Ha', en: 'La Ha' },
  { code: '40', vi: 'Phù Lá', en: 'Phu La' },
  { code: '41', vi: 'La Hủ', en: 'La Hu' },
  { code: '42', vi: 'Lự', en: 'Lu' },
  { code: '43', vi: 'Lô Lô', en: 'Lo Lo' },
  { code: '44', vi: 'Chứt', en: 'Chut' },
  { code: '45', vi: 'Mảng', en: 'Mang' },
  { code: '46', vi: 'Pà Thẻn', en: 'Pa Then' },
  { code: '47', vi: 'Co Lao', en: 'Co Lao' },
  { code: '48', vi: 'Cống', en: 'Cong' },
  { code: '49', vi: 'Bố Y', en: 'Bo Y' },
  { code: '50', vi: 'Si La', en: 'Si La' },
  { code: '51', vi: 'Pu Péo', en: 'Pu Peo' },
  { code: '52', vi: 'Brâu', en: 'Brau' },
  { code: '53', vi: 'Ơ Đu', en: 'O Du' },
  { code: '54', vi: 'Rơ-măm', en: 'Ro Mam' },
] as const;

/** A 2-digit ethnic group code, '01'–'54'. */
export type EthnicCode = (typeof ETHNIC_GROUPS)[number]['code'];

const ETHNIC_CODES: ReadonlySet<string> = new Set(ETHNIC_GROUPS.map((g) => g.code));

/**
 * Whether `code` is one of the 54 ethnic group codes.
 *
 * @example isEthnicCode('05') // true (Khơ-me)
 */
export function isEthnicCode(code: unknown): code is EthnicCode {
  return typeof code === 'string' && ETHNIC_CODES.has(code);
}
