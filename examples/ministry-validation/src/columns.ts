/**
 * The province's own export names its columns in Vietnamese. This maps them to the fields of the
 * national `social-assistance` record (dotted paths for nested fields): the only thing a ministry
 * writes to validate an existing export unchanged.
 */
export const COLUMNS = {
  'Phiên bản chuẩn': 'schemaVersion',
  'Mã hồ sơ': 'recordId',
  'Số định danh cá nhân': 'personalId',
  'Họ và tên': 'fullName',
  'Ngày sinh': 'dateOfBirth',
  'Giới tính': 'sex',
  'Mã dân tộc': 'ethnicCode',
  'Mã tỉnh hưởng': 'provinceCode',
  'Mã hộ': 'householdId',
  'Quan hệ với chủ hộ': 'relationToHead',
  'Hệ địa chỉ': 'address.scheme',
  'Mã tỉnh': 'address.provinceCode',
  'Mã huyện (trước 1/7/2025)': 'address.districtCode',
  'Mã xã': 'address.communeCode',
  'Địa chỉ chi tiết': 'address.street',
  'Ngày hiệu lực địa chỉ': 'address.effectiveDate',
  'Điện thoại': 'phone',
  'Nhóm đối tượng': 'beneficiaryGroup',
  'Hệ số': 'coefficient',
  'Số con đang nuôi': 'dependentChildren',
  'Mức độ khuyết tật': 'disabilityLevel',
  'Hộ nghèo/cận nghèo': 'householdPovertyStatus',
  'Mức chuẩn': 'baseLevel',
  'Mức trợ cấp hằng tháng': 'monthlyAmount',
  'Số quyết định': 'decisionNumber',
  'Ngày quyết định': 'decisionDate',
  'Ngày bắt đầu hưởng': 'startDate',
  'Ngày kết thúc hưởng': 'endDate',
  'Trạng thái': 'status',
  'Hình thức chi trả': 'paymentChannel',
  'Ngân hàng / ví điện tử': 'paymentAccount.provider',
  'Số tài khoản': 'paymentAccount.number',
} as const;
