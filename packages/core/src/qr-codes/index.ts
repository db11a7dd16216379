export { type CitizenIdQr, parseCitizenIdQr } from './citizen-id-qr.js';
export { detectQrKind, type QrKind } from './detect.js';
export { type HealthInsuranceQr, parseHealthInsuranceQr } from './health-insurance-qr.js';
export { QR_MESSAGES, type QrIssueCode } from './messages.js';
