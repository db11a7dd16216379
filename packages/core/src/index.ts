/**
 * @ansinh/core: the national social security data standard.
 *
 * Code lists, identifiers, the QR codes hospitals scan today, zod schemas, record and dataset
 * validation with Vietnamese and English messages, JSON Schema export, and synthetic data.
 * Runs unchanged in Node 20+, browsers and edge runtimes.
 *
 * @packageDocumentation
 */
export * from './card/index.js';
export * from './codes/index.js';
export * from './dataset/index.js';
export { CoreError } from './errors.js';
export * from './generate/index.js';
export { type Bilingual, type Lang, localize, nfc } from './i18n.js';
export * from './id/index.js';
export type { Issue, MessageTable, Result } from './issue.js';
export { makeIssue } from './issue.js';
export * from './qr-codes/index.js';
export * from './schemas/index.js';
export * from './validate/index.js';
