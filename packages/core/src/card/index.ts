export { CARD_SCHEMA_VERSION, CARD_TYPES, type Card, type CardType, cardSchema } from './card.js';
export { CARD_MESSAGES, type CardIssueCode, decodeCardClaims } from './decode.js';
export { encodeCardClaims } from './encode.js';
