/** The QR text prefix of ansinh card credentials, layout 1. */
export const ANSINH_PREFIX = 'AS1:';

/** CWT claim carrying the compact card map (private-use range). */
export const CARD_CLAIM = -65537;

/** Longest QR text a verifier reads: the alphanumeric capacity of a version 40-L QR code. */
export const MAX_QR_TEXT_LENGTH = 4296;
