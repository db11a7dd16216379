import type { MessageTable } from '../issue.js';

/**
 * Issue codes of dataset validation: problems of the file itself (reader codes, `DATASET_*`) and
 * the rules that need more than one record. Codes are stable; consumers switch on them.
 */
export const DATASET_MESSAGES = {
  DATASET_EMPTY: {
    vi: 'Tập dữ liệu không có bản ghi nào.',
    en: 'The dataset contains no records.',
  },
  DATASET_MALFORMED_JSON: {
    vi: 'Dòng {line} không phải JSON hợp lệ (lỗi ở ký tự thứ {column} của bản ghi).',
    en: 'Line {line} is not valid JSON (error at character {column} of the record).',
  },
  DATASET_TRUNCATED_JSON: {
    vi: 'Tệp JSON bị cắt cụt: hết dữ liệu ở dòng {line} trước khi mảng được đóng.',
    en: 'The JSON file is truncated: the data ends at line {line} before the array is closed.',
  },
  DATASET_NOT_AN_ARRAY: {
    vi: 'Tệp JSON phải là một mảng các bản ghi ([...]), nhưng bắt đầu bằng {found} ở dòng {line}.',
    en: 'A JSON file must be an array of records ([...]), but it starts with {found} at line {line}.',
  },
  DATASET_TRAILING_DATA: {
    vi: 'Có dữ liệu thừa sau khi mảng JSON đã đóng (dòng {line}).',
    en: 'There is data after the JSON array was closed (line {line}).',
  },
  DATASET_INVALID_UTF8: {
    vi: 'Dòng {line} chứa byte không phải UTF-8 hợp lệ.',
    en: 'Line {line} contains bytes that are not valid UTF-8.',
  },
  DATASET_LINE_TOO_LONG: {
    vi: 'Bản ghi ở dòng {line} dài hơn {limit} byte; bản ghi bị bỏ qua và tính là không hợp lệ.',
    en: 'The record at line {line} is longer than {limit} bytes; it is skipped and counted as invalid.',
  },
  DATASET_MALFORMED_CSV: {
    vi: 'Dòng CSV {line} sai cú pháp: dấu ngoặc kép (") đặt sai chỗ hoặc không được đóng.',
    en: 'CSV line {line} is malformed: a double quote (") is misplaced or never closed.',
  },
  DATASET_CSV_MISSING_COLUMNS: {
    vi: 'Dòng CSV {line} có {found} cột, thiếu so với {expected} cột của dòng tiêu đề.',
    en: 'CSV line {line} has {found} columns, fewer than the {expected} of the header row.',
  },
  DATASET_CSV_EXTRA_COLUMNS: {
    vi: 'Dòng CSV {line} có {found} cột, nhiều hơn {expected} cột của dòng tiêu đề.',
    en: 'CSV line {line} has {found} columns, more than the {expected} of the header row.',
  },
  DATASET_CSV_DUPLICATE_COLUMN: {
    vi: 'Dòng tiêu đề CSV có cột "{column}" nhiều lần.',
    en: 'The CSV header row names the column "{column}" more than once.',
  },
  DUPLICATE_PERSONAL_ID: {
    vi: 'Số định danh cá nhân {id} đã xuất hiện trước đó trong chương trình "{kind}".',
    en: 'Personal ID {id} already appeared earlier in the programme "{kind}".',
  },
  ENROLLED_IN_TWO_PROVINCES: {
    vi: 'Người có số định danh {id} đã được đăng ký ở tỉnh {first} và nay lại ở tỉnh {second} trong chương trình "{kind}".',
    en: 'The person with ID {id} is already enrolled in province {first} and again in province {second} in the programme "{kind}".',
  },
  HOUSEHOLD_WITHOUT_HEAD: {
    vi: 'Hộ có bản ghi đầu tiên ở dòng {line} không có thành viên nào là chủ hộ (relationToHead = "head").',
    en: 'The household whose first record is at line {line} has no member who is its head (relationToHead = "head").',
  },
} as const satisfies MessageTable;

export type DatasetIssueCode = keyof typeof DATASET_MESSAGES;
