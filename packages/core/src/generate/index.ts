export type { JsonRecord } from './build.js';
export { REFERENCE_DATE } from './context.js';
export {
  type GenerateOptions,
  generateLabelledRecords,
  generateRecord,
  generateRecords,
  type LabelledRecord,
} from './generate-records.js';
export { MISTAKES, type MistakeCode, PLANTED_EXTRA_FIELD, type PlantedMistake } from './mistakes.js';
export type { Seed } from './prng.js';
