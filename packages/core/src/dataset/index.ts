export { formatReport } from './format-report.js';
export { DATASET_MESSAGES, type DatasetIssueCode } from './messages.js';
export { MAX_RECORD_BYTES } from './reader.js';
export type { DatasetFormat, DatasetIssueExample, DatasetReport } from './report.js';
export type { DatasetSource } from './source.js';
export { type ValidateDatasetOptions, validateDataset } from './validate-dataset.js';
export type { DatasetProgress } from './validation.js';
