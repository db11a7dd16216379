/**
 * Health-insurance (BHYT) beneficiary groups and benefit levels, the first three characters of the
 * 15-character card number (Decision 1351/QĐ-BHXH, 2015). Confidence: high (vn-reference.md §3;
 * independent HIS sources agree on codes and levels).
 *
 * Uncertain, so deliberately not encoded:
 * - Codes `OK` and `TV` are named in some places but not in the Decision 1351 list (TV appears in
 *   a single source as "relatives of defence workers"); neither is included.
 * - Whether the amended Health Insurance Law 51/2024/QH15 and Decree 188/2025/NĐ-CP (replacing
 *   Decree 146/2018) changed group codes or the level digit is unconfirmed.
 * - Many public repositories carry wrong tables ("TN = voluntary", "CA = veterans"); the
 *   descriptions below follow Decision 1351.
 */

/**
 * The five benefit levels (mức hưởng, character 3 of the card number). The actual payment also
 * depends on routing rules and the 5-years-continuous rule, so these describe what the level
 * means, not what a given visit costs.
 */
export const HI_BENEFIT_LEVELS = [
  {
    level: 1,
    vi: '100% chi phí khám chữa bệnh thuộc phạm vi chi trả, không áp dụng giới hạn tỷ lệ thanh toán của Bộ Y tế đối với một số thuốc, vật tư, dịch vụ; chi trả chi phí vận chuyển khi chuyển tuyến',
    en: '100% of covered costs, without the Ministry of Health payment-ratio caps on certain drugs, supplies and services; transport on transfer paid',
  },
  {
    level: 2,
    vi: '100% chi phí khám chữa bệnh thuộc phạm vi chi trả, áp dụng giới hạn tỷ lệ thanh toán của Bộ Y tế; chi trả chi phí vận chuyển khi chuyển tuyến',
    en: '100% of covered costs, with the Ministry of Health payment-ratio caps; transport on transfer paid',
  },
  {
    level: 3,
    vi: '95% chi phí khám chữa bệnh thuộc phạm vi chi trả (100% tại tuyến xã và khi chi phí một lần khám dưới 15% mức lương cơ sở)',
    en: '95% of covered costs (100% at commune level and when one visit costs under 15% of the base salary)',
  },
  {
    level: 4,
    vi: '80% chi phí khám chữa bệnh thuộc phạm vi chi trả (100% tại tuyến xã và khi chi phí một lần khám dưới 15% mức lương cơ sở)',
    en: '80% of covered costs (100% at commune level and when one visit costs under 15% of the base salary)',
  },
  {
    level: 5,
    vi: '100% chi phí khám chữa bệnh, kể cả chi phí ngoài phạm vi chi trả; chi trả chi phí vận chuyển',
    en: '100% of costs, including costs outside the normal scope; transport paid',
  },
] as const;

/** A benefit level, the 3rd character of the card number. */
export type HiBenefitLevel = (typeof HI_BENEFIT_LEVELS)[number]['level'];

/**
 * The 43 beneficiary group codes of Decision 1351/QĐ-BHXH, each with the benefit level a card of
 * that group usually carries. The level is printed on each card, so a card may legitimately carry
 * another one (the parser reports that as a warning, not an error).
 */
export const HI_BENEFICIARY_GROUPS = [
  { code: 'DN', level: 4, vi: 'Người lao động làm việc trong doanh nghiệp', en: 'Employees of enterprises' },
  {
    code: 'HX',
    level: 4,
    vi: 'Người lao động làm việc trong hợp tác xã, liên hiệp hợp tác xã',
    en: 'Employees of cooperatives and cooperative unions',
  },
  {
    code: 'CH',
    level: 4,
    vi: 'Người lao động làm việc trong cơ quan nhà nước, đơn vị sự nghiệp, đơn vị lực lượng vũ trang, tổ chức chính trị, tổ chức chính trị – xã hội',
    en: 'Employees of state agencies, public service units, armed-forces units, political and socio-political organisations',
  },
  {
    code: 'NN',
    level: 4,
    vi: 'Người lao động làm việc trong cơ quan, tổ chức nước ngoài hoặc tổ chức quốc tế tại Việt Nam',
    en: 'Employees of foreign or international organisations in Vietnam',
  },
  {
    code: 'TK',
    level: 4,
    vi: 'Người lao động làm việc trong các tổ chức khác có sử dụng lao động được thành lập theo quy định của pháp luật',
    en: 'Employees of other lawfully established employers',
  },
  {
    code: 'HC',
    level: 4,
    vi: 'Cán bộ, công chức, viên chức',
    en: 'Cadres, civil servants and public employees',
  },
  {
    code: 'XK',
    level: 4,
    vi: 'Người hoạt động không chuyên trách ở xã, phường, thị trấn',
    en: 'Part-time (non-professional) commune-level workers',
  },
  {
    code: 'HT',
    level: 3,
    vi: 'Người hưởng lương hưu, trợ cấp mất sức lao động hằng tháng',
    en: 'People receiving a pension or a monthly working-capacity-loss allowance',
  },
  {
    code: 'TB',
    level: 4,
    vi: 'Người đang hưởng trợ cấp bảo hiểm xã hội hằng tháng do bị tai nạn lao động, bệnh nghề nghiệp',
    en: 'People receiving a monthly social-insurance allowance for a work accident or occupational disease',
  },
  {
    code: 'NO',
    level: 4,
    vi: 'Người lao động nghỉ việc đang hưởng chế độ ốm đau do mắc bệnh thuộc danh mục bệnh cần chữa trị dài ngày do Bộ Y tế ban hành',
    en: 'People on sick-leave benefit for a long-term disease on the Ministry of Health list',
  },
  {
    code: 'CT',
    level: 4,
    vi: 'Người từ đủ 80 tuổi trở lên đang hưởng trợ cấp tuất hằng tháng',
    en: 'People aged 80 or over receiving a monthly survivor allowance',
  },
  {
    code: 'XB',
    level: 4,
    vi: 'Cán bộ xã, phường, thị trấn đã nghỉ việc đang hưởng trợ cấp bảo hiểm xã hội hằng tháng',
    en: 'Retired commune cadres receiving a monthly social-insurance allowance',
  },
  {
    code: 'TN',
    level: 4,
    vi: 'Người đang hưởng trợ cấp thất nghiệp',
    en: 'People receiving unemployment benefit',
  },
  {
    code: 'CS',
    level: 4,
    vi: 'Công nhân cao su nghỉ việc đang hưởng trợ cấp hằng tháng theo Quyết định số 206/CP năm 1979',
    en: 'Retired rubber workers on a monthly allowance under Decision 206/CP of 1979',
  },
  {
    code: 'QN',
    level: 5,
    vi: 'Sĩ quan, quân nhân chuyên nghiệp, hạ sĩ quan, binh sĩ quân đội đang tại ngũ; người làm công tác cơ yếu hưởng lương như quân nhân; học viên cơ yếu',
    en: 'Active military personnel, cipher staff paid like the military, and cipher cadets',
  },
  {
    code: 'CA',
    level: 5,
    vi: 'Sĩ quan, hạ sĩ quan, chiến sĩ công an nhân dân đang tại ngũ; học viên công an nhân dân',
    en: 'Active public-security officers and conscripts, and police cadets',
  },
  {
    code: 'CY',
    level: 5,
    vi: 'Người làm công tác cơ yếu hưởng lương như đối với quân nhân làm việc trong tổ chức cơ yếu thuộc các bộ, ngành, địa phương',
    en: 'Cipher staff paid like the military in ministries, sectors and localities',
  },
  {
    code: 'XN',
    level: 4,
    vi: 'Cán bộ xã, phường, thị trấn đã nghỉ việc đang hưởng trợ cấp hằng tháng từ ngân sách nhà nước',
    en: 'Retired commune cadres on a monthly allowance from the state budget',
  },
  {
    code: 'MS',
    level: 4,
    vi: 'Người đã thôi hưởng trợ cấp mất sức lao động đang hưởng trợ cấp hằng tháng từ ngân sách nhà nước',
    en: 'Former working-capacity-loss beneficiaries now paid monthly from the state budget',
  },
  {
    code: 'CC',
    level: 1,
    vi: 'Người có công với cách mạng: người hoạt động cách mạng trước năm 1945, Bà mẹ Việt Nam anh hùng, thương binh, bệnh binh suy giảm khả năng lao động từ 81% trở lên',
    en: 'Top-tier revolutionary contributors: pre-1945 activists, Heroic Mothers, war invalids and sick soldiers with at least 81% incapacity',
  },
  {
    code: 'CK',
    level: 2,
    vi: 'Người có công với cách mạng khác (không thuộc nhóm CC)',
    en: 'Other revolutionary contributors (not in group CC)',
  },
  { code: 'CB', level: 2, vi: 'Cựu chiến binh', en: 'Veterans' },
  {
    code: 'KC',
    level: 2,
    vi: 'Người tham gia kháng chiến, thanh niên xung phong, dân công hỏa tuyến và các đối tượng khác (không thuộc nhóm CC, CK, CB)',
    en: 'Resistance participants, former youth volunteers, front-line labourers and others (not in CC, CK or CB)',
  },
  {
    code: 'HD',
    level: 4,
    vi: 'Đại biểu Quốc hội, đại biểu Hội đồng nhân dân các cấp đương nhiệm',
    en: "Sitting National Assembly and People's Council deputies",
  },
  { code: 'TE', level: 1, vi: 'Trẻ em dưới 6 tuổi', en: 'Children under 6' },
  {
    code: 'BT',
    level: 2,
    vi: 'Người thuộc diện hưởng trợ cấp bảo trợ xã hội hằng tháng',
    en: 'People receiving a monthly social-protection allowance',
  },
  { code: 'HN', level: 2, vi: 'Người thuộc hộ gia đình nghèo', en: 'Members of poor households' },
  {
    code: 'DT',
    level: 2,
    vi: 'Người dân tộc thiểu số đang sinh sống tại vùng có điều kiện kinh tế – xã hội khó khăn, đặc biệt khó khăn',
    en: 'Ethnic-minority people living in disadvantaged or extremely disadvantaged areas',
  },
  {
    code: 'DK',
    level: 2,
    vi: 'Người đang sinh sống tại vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn',
    en: 'People living in extremely disadvantaged areas',
  },
  {
    code: 'XD',
    level: 2,
    vi: 'Người đang sinh sống tại xã đảo, huyện đảo',
    en: 'People living in island communes or districts',
  },
  {
    code: 'TS',
    level: 2,
    vi: 'Thân nhân liệt sĩ (cha đẻ, mẹ đẻ, vợ hoặc chồng, con) và người có công nuôi dưỡng liệt sĩ',
    en: 'Relatives of martyrs (parents, spouse, children) and people who raised a martyr',
  },
  {
    code: 'TC',
    level: 3,
    vi: 'Thân nhân của người có công với cách mạng (không thuộc nhóm TS)',
    en: 'Relatives of other revolutionary contributors (not in group TS)',
  },
  { code: 'TQ', level: 4, vi: 'Thân nhân của quân nhân (nhóm QN)', en: 'Relatives of group QN' },
  { code: 'TA', level: 4, vi: 'Thân nhân của công an nhân dân (nhóm CA)', en: 'Relatives of group CA' },
  {
    code: 'TY',
    level: 4,
    vi: 'Thân nhân của người làm công tác cơ yếu (nhóm CY)',
    en: 'Relatives of group CY',
  },
  { code: 'HG', level: 4, vi: 'Người đã hiến bộ phận cơ thể người', en: 'Organ donors' },
  {
    code: 'LS',
    level: 4,
    vi: 'Người nước ngoài đang học tập tại Việt Nam được cấp học bổng từ ngân sách nhà nước Việt Nam',
    en: 'Foreign students on Vietnamese state scholarships',
  },
  {
    code: 'PV',
    level: 4,
    vi: 'Người phục vụ người có công với cách mạng (Bà mẹ Việt Nam anh hùng, thương binh, người nhiễm chất độc hóa học suy giảm khả năng lao động từ 81% trở lên)',
    en: 'Carers of revolutionary contributors (Heroic Mothers, invalids and Agent Orange victims with at least 81% incapacity)',
  },
  { code: 'CN', level: 3, vi: 'Người thuộc hộ gia đình cận nghèo', en: 'Members of near-poor households' },
  { code: 'HS', level: 4, vi: 'Học sinh', en: 'Pupils' },
  { code: 'SV', level: 4, vi: 'Sinh viên', en: 'Students' },
  {
    code: 'GB',
    level: 4,
    vi: 'Người thuộc hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình',
    en: 'Agricultural, forestry, fishery or salt-making households with an average living standard',
  },
  {
    code: 'GD',
    level: 4,
    vi: 'Người tham gia bảo hiểm y tế theo hộ gia đình',
    en: 'Household-based (family) participants',
  },
] as const;

/** A 2-letter beneficiary group code, the first two characters of the card number. */
export type HiGroupCode = (typeof HI_BENEFICIARY_GROUPS)[number]['code'];

const GROUP_LEVEL: ReadonlyMap<string, HiBenefitLevel> = new Map(
  HI_BENEFICIARY_GROUPS.map((g) => [g.code, g.level]),
);

/**
 * Whether `code` is one of the 43 beneficiary group codes.
 *
 * @example isHiGroupCode('DN') // true; isHiGroupCode('TV') // false (unconfirmed code)
 */
export function isHiGroupCode(code: unknown): code is HiGroupCode {
  return typeof code === 'string' && GROUP_LEVEL.has(code);
}

/**
 * The benefit level a card of `group` usually carries.
 *
 * @example hiGroupUsualLevel('TE') // 1
 */
export function hiGroupUsualLevel(group: HiGroupCode): HiBenefitLevel {
  return GROUP_LEVEL.get(group) as HiBenefitLevel;
}
