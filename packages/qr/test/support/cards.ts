// Real credentials for the round trips: cards signed by @ansinh/verify's issueCard with an
// ES256 software key, as an issuer would print them.
import { type Card, generateRecords } from '@ansinh/core';
import { issueCard, type Signer, signerFromJwk } from '@ansinh/verify';
import { rng } from './distort.js';

let signer: Promise<Signer> | undefined;

/** One ES256 (P-256) issuer key per test run, made with WebCrypto. */
export function issuerSigner(): Promise<Signer> {
  signer ??= (async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    return signerFromJwk(await crypto.subtle.exportKey('jwk', pair.privateKey));
  })();
  return signer;
}

/** The smallest card the schema allows: a social-security card with no optional block. */
export const MINIMAL_CARD: Card = {
  schemaVersion: 1,
  type: 'social-security',
  personalId: '001099000123',
  name: 'Lò A',
  dateOfBirth: '1999-12-31',
  sex: 'male',
};

const VIETNAMESE_LETTERS =
  'ẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰỲỶỸỴĐƯƠĂÂÊÔắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựỳỷỹỵđươăâêô';

/**
 * The largest card the schema allows: an 80-character name of 3-byte letters in random order
 * (deflate cannot shrink it), every optional field, all nine programmes.
 */
export function maximalCard(seed = 1): Card {
  const random = rng(seed);
  const letters = [...VIETNAMESE_LETTERS];
  let name = '';
  while ([...name].length < 80) {
    const word = Array.from({ length: 6 }, () => letters[Math.floor(random() * letters.length)]).join('');
    name = name ? `${name} ${word}` : word;
  }
  name = [...name].slice(0, 80).join('').trimEnd();
  return {
    schemaVersion: 1,
    type: 'health-insurance',
    personalId: '096207999999',
    name,
    dateOfBirth: '2007-02-28',
    sex: 'female',
    socialInsuranceNumber: '9699999999',
    healthInsurance: {
      cardNumber: 'TE1969699999999',
      validFrom: '2025-01-01',
      validTo: '2199-12-31',
      facility: '96999',
    },
    programs: [
      'social-assistance',
      'poverty-reduction',
      'meritorious-services',
      'unemployment-insurance',
      'social-insurance',
      'health-insurance',
      'children',
      'vocational-training',
      'employment',
    ],
  };
}

/**
 * Issues `card` as an issuer would: iat/exp, an 8-byte card id and a status-list entry. The
 * maximal profile uses a 16-byte id and a longer status URI.
 */
export async function issue(card: Card, profile: 'typical' | 'maximal' = 'typical'): Promise<string> {
  const maximal = profile === 'maximal';
  return issueCard(card, {
    signer: await issuerSigner(),
    iss: 'VSS',
    iat: new Date('2026-01-01T00:00:00Z'),
    exp: new Date(maximal ? '2199-12-31T00:00:00Z' : '2031-01-01T00:00:00Z'),
    cti: new Uint8Array(maximal ? 16 : 8).fill(0xa5),
    status: {
      idx: maximal ? 4_294_967_295 : 123_456,
      uri: maximal
        ? 'https://status.baohiemxahoi.gov.vn/v1/status-lists/health-insurance/2199/99'
        : 'https://bhxh.gov.vn/sl/1',
    },
  });
}

/** Generated cards (core's synthetic population, seeded): realistic names, IDs and blocks. */
export function typicalCards(count: number, seed = 2026): Card[] {
  return [...generateRecords('card', { seed, count })] as unknown as Card[];
}
