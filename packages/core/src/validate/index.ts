export {
  VALIDATION_ERRORS,
  VALIDATION_MESSAGES,
  VALIDATION_TERMS,
  type ValidationIssueCode,
} from './messages.js';
export {
  createRecordValidator,
  type RecordResult,
  type RecordValidator,
  type ValidateOptions,
  validateRecord,
} from './validate-record.js';
