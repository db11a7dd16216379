import type { Rng } from './prng.js';

// Vietnamese names for synthetic records, in NFC. Family names carry approximate population
// shares (Nguyễn about 38%, Trần 11%, Lê 9.5%, …: commonly cited estimates, good enough for
// realistic fixtures); middle and given names are common ones by sex. A full name is
// family + middle (one, sometimes two) + given, e.g. "Nguyễn Thị Thu Hương".

const FAMILY = [
  ['Nguyễn', 380],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng', 51],
  ['Huỳnh', 30],
  ['Phan', 45],
  ['Vũ', 39],
  ['Võ', 25],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 5],
  ['Trịnh', 4],
  ['Đào', 4],
  ['Mai', 3],
  ['Cao', 3],
  ['Lâm', 3],
  ['Tạ', 2],
  ['Hà', 2],
  ['Lương', 2],
  ['Tô', 2],
  ['Quách', 1],
  ['Vương', 1],
  ['Kiều', 1],
  ['Châu', 1],
  ['Thái', 1],
  ['Triệu', 1],
  ['La', 1],
  ['Phùng', 1],
  ['Lưu', 1],
  ['Mạc', 1],
] as const;

const FAMILY_NAMES = FAMILY.map(([n]) => n);
const FAMILY_WEIGHTS = FAMILY.map(([, w]) => w);

const MIDDLE = {
  male: [
    'Văn',
    'Văn',
    'Văn',
    'Hữu',
    'Đức',
    'Minh',
    'Quang',
    'Thành',
    'Công',
    'Xuân',
    'Ngọc',
    'Thanh',
    'Anh',
    'Gia',
    'Trọng',
    'Quốc',
    'Đình',
    'Bá',
    'Tiến',
    'Mạnh',
  ],
  female: [
    'Thị',
    'Thị',
    'Thị',
    'Thị',
    'Ngọc',
    'Thu',
    'Thanh',
    'Minh',
    'Mai',
    'Kim',
    'Bảo',
    'Phương',
    'Hồng',
    'Diệu',
    'Khánh',
    'Thùy',
    'Hoài',
    'Bích',
    'Lan',
    'Quỳnh',
  ],
} as const;

const GIVEN = {
  male: [
    'An',
    'Anh',
    'Bảo',
    'Bình',
    'Cường',
    'Dũng',
    'Đạt',
    'Đức',
    'Dương',
    'Duy',
    'Giang',
    'Hải',
    'Hào',
    'Hiếu',
    'Hoàng',
    'Huy',
    'Hùng',
    'Hưng',
    'Khang',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Long',
    'Lộc',
    'Luân',
    'Minh',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phát',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Tâm',
    'Thắng',
    'Thành',
    'Thịnh',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
    'Hậu',
  ],
  female: [
    'An',
    'Anh',
    'Bích',
    'Châu',
    'Chi',
    'Diệp',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hân',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Huệ',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thanh',
    'Thu',
    'Thủy',
    'Trang',
    'Trâm',
    'Uyên',
    'Vân',
    'Vy',
    'Xuân',
    'Yến',
    'Tuyết',
    'Lệ',
    'Nguyệt',
    'Hạ',
    'Khuê',
  ],
} as const;

/** A Vietnamese full name for a person of `sex`, in NFC. */
export function vietnameseName(rng: Rng, sex: 'male' | 'female'): string {
  const family = rng.weighted(FAMILY_NAMES, FAMILY_WEIGHTS);
  const middle = rng.pick(MIDDLE[sex]);
  const given = rng.pick(GIVEN[sex]);
  // About one name in five has a second middle name ("Nguyễn Thị Thu Hương").
  if (rng.chance(0.2)) {
    const second = rng.pick(sex === 'female' ? MIDDLE.female.slice(4) : MIDDLE.male.slice(3));
    if (second !== middle && second !== given) return `${family} ${middle} ${second} ${given}`;
  }
  return `${family} ${middle} ${given}`;
}

/** Street names (national heroes and landmarks, as in most towns). */
export const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Nguyễn Huệ',
  'Hùng Vương',
  'Phan Chu Trinh',
  'Điện Biên Phủ',
  'Lê Duẩn',
  'Nguyễn Du',
  'Bà Triệu',
  'Trần Phú',
  'Hoàng Văn Thụ',
  'Võ Thị Sáu',
  'Nguyễn Văn Cừ',
  'Lạc Long Quân',
  'Phạm Ngũ Lão',
  'Cách Mạng Tháng Tám',
] as const;

/** A street address or a rural hamlet, NFC. */
export function streetAddress(rng: Rng): string {
  const r = rng.float();
  if (r < 0.45) return `Số ${rng.int(1, 250)} đường ${rng.pick(STREETS)}`;
  if (r < 0.65) return `Tổ dân phố ${rng.int(1, 30)}`;
  if (r < 0.85) return `Thôn ${rng.int(1, 15)}`;
  if (r < 0.95) return `Ấp ${rng.pick(['Bình An', 'Tân Phú', 'Long Hòa', 'Phước Lợi', 'Thạnh Mỹ'])}`;
  return `Bản ${rng.pick(['Nà Phặc', 'Pác Ngòi', 'Hua Tạt', 'Lũng Cú', 'Mường Hoa'])}`;
}

/** Occupations of supported vocational courses. */
export const OCCUPATIONS = [
  'Kỹ thuật may công nghiệp',
  'Sửa chữa xe máy',
  'Điện dân dụng',
  'Hàn',
  'Kỹ thuật chế biến món ăn',
  'Chăm sóc sắc đẹp',
  'Trồng trọt và bảo vệ thực vật',
  'Chăn nuôi thú y',
  'Tin học văn phòng',
  'Lái xe ô tô hạng B',
  'Cắt gọt kim loại',
  'Điện công nghiệp',
  'Mộc dân dụng',
  'Nuôi trồng thủy sản',
] as const;
