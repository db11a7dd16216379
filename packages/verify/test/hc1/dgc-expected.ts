// The outcome each committed dgc-testdata vector must have, shared by the Node and browser runs.

/** What each vector must give: `valid`, or the error code (the EU file says only "fails"). */
export const EXPECTED: Record<string, string> = {
  'AT-1.json': 'valid',
  'DE-1.json': 'valid',
  'common-CO1.json': 'valid',
  'common-CO2.json': 'valid',
  'common-CO3.json': 'valid',
  'common-CO5.json': 'ERR_SIGNATURE_FORMAT', // a 3-byte signature
  'common-CO6.json': 'ERR_KEY_USAGE',
  'common-CO8.json': 'ERR_KEY_USAGE',
  'common-CO13.json': 'valid',
  'common-CO15.json': 'valid',
  'common-CO16.json': 'ERR_KEY_VALIDITY', // DSC valid from 2023, DCC issued 2021
  'common-CO17.json': 'ERR_KEY_VALIDITY', // DSC expired 2018
  'common-CO19.json': 'valid',
  'common-CO21.json': 'valid',
  'common-CO22.json': 'ERR_KID_UNKNOWN', // protected kid wrong: no fallback to the unprotected one
  'common-CO23.json': 'ERR_KID_UNKNOWN',
  'common-B1.json': 'ERR_BASE45',
  'common-Z1.json': 'ERR_INFLATE',
  'common-H1.json': 'ERR_PREFIX',
  'common-CBO1.json': 'ERR_CLAIMS_MALFORMED', // signed, but the payload is not a CWT claims map with -260
  'common-CBO2.json': 'ERR_CBOR_TRAILING',
};
