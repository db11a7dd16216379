// Inputs for the differential test of python.test.ts: the same AS1 texts go through the
// TypeScript verifier and the independent Python one, which must agree on every result.
// Random mutations come from the fuzzer's helpers (text, base45 bytes, COSE bytes, COSE tree,
// re-signed claims), seeded from the golden vectors and re-signed with their public test keys;
// targeted ones hit each rule docs/wire-format.md had left open.
import { deflateSync } from 'node:zlib';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { encodeBase45 } from '../../src/base45.js';
import { deflateZlib } from '../../src/inflate.js';
import { type FuzzSeed, fuzzInput, layersOf } from '../fuzz/mutate.js';

/** A test key of the vectors, private part included. */
export interface Jwk {
  kty: string;
  crv: string;
  x: string;
  y?: string;
  d: string;
}
export interface DiffVectors {
  keys: Record<string, { private: Jwk }>;
  credentials: { name: string; signingKey: string; kid: string; qr: string; hex: Record<string, string> }[];
}

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A deterministic signer for one of the vectors' keys (RFC 6979 ECDSA, Ed25519). */
function signerOf(jwk: Jwk): (data: Uint8Array) => Uint8Array {
  const secret = Uint8Array.from(Buffer.from(jwk.d, 'base64url'));
  return jwk.kty === 'EC'
    ? (data) => p256.sign(data, secret, { prehash: true })
    : (data) => ed25519.sign(data, secret);
}

/** `count` random mutations of the vectors' credentials, input `i` always the same text. */
export function randomInputs(
  vectors: DiffVectors,
  count: number,
  runSeed: number,
): { name: string; qr: string }[] {
  const seeds: FuzzSeed[] = vectors.credentials.map((c) => ({
    name: c.name,
    text: c.qr,
    resign: signerOf(vectors.keys[c.signingKey]!.private),
  }));
  const layers = seeds.map(layersOf);
  return Array.from({ length: count }, (_, i) => {
    const input = fuzzInput(layers, runSeed, i);
    return { name: `random ${i} ${input.seed} ${input.level}`, qr: input.text };
  });
}

// Hand-written CBOR, hex.
const head = (major: number, n: number | bigint): string => {
  const m = major << 5;
  const big = BigInt(n);
  if (big < 24n) return (m | Number(big)).toString(16).padStart(2, '0');
  for (const [ai, bytes] of [
    [24, 1],
    [25, 2],
    [26, 4],
    [27, 8],
  ] as const) {
    if (big < 1n << BigInt(8 * bytes))
      return (m | ai).toString(16) + big.toString(16).padStart(2 * bytes, '0');
  }
  throw new RangeError('too big');
};
const uint = (n: number | bigint) => head(0, n);
const nint = (n: number | bigint) => head(1, -1n - BigInt(n));
const int = (n: number | bigint) => (BigInt(n) < 0n ? nint(n) : uint(n));
const tstr = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  return head(3, b.length) + b.toString('hex');
};
const bstr = (hex: string) => head(2, hex.length / 2) + hex;
const f64 = (x: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return `fb${b.toString('hex')}`;
};
const f32 = (x: number) => {
  const b = Buffer.alloc(4);
  b.writeFloatBE(x);
  return `fa${b.toString('hex')}`;
};
/** A map from already-encoded key/value pairs (definite length unless `indefinite`). */
const map = (entries: readonly (readonly [string, string])[], indefinite = false) =>
  (indefinite ? 'bf' : head(5, entries.length)) +
  entries.map(([k, v]) => k + v).join('') +
  (indefinite ? 'ff' : '');
const arr = (items: readonly string[]) => head(4, items.length) + items.join('');

const sigStructure = (prot: string, payload: string) =>
  `846a5369676e617475726531${bstr(prot)}40${bstr(payload)}`;

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(iso) / DAY;

/**
 * Targeted inputs, each re-signed with the vectors' keys: number types and sizes in the time
 * claims, indefinite lengths, map-key equality, depth, tags, COSE framing and headers, `crit`,
 * the status claim, the card claim and its value rules.
 */
export function targetedInputs(vectors: DiffVectors): { name: string; qr: string }[] {
  const cred = (name: string) => vectors.credentials.find((c) => c.name === name)!;
  const eddsa = cred('social-security-eddsa');
  const es256 = cred('social-security-es256');
  const signEd = signerOf(vectors.keys[eddsa.signingKey]!.private);
  const signEs = signerOf(vectors.keys[es256.signingKey]!.private);
  const protEd = eddsa.hex.protectedHeader!;
  const kid = eddsa.kid;
  const out: { name: string; qr: string }[] = [];
  const text = (cose: string) => `AS1:${encodeBase45(deflateZlib(fromHex(cose)))}`;

  interface Build {
    prot?: string;
    unprot?: string;
    /** How the 4-array is framed around its items (default `18([...])`). */
    frame?: (items: string[]) => string;
    /** The payload item as sent (default a definite bstr of the payload). */
    payloadItem?: string;
    /** The signature bytes; default the real signature. */
    signature?: (sig: string) => string;
    es256?: boolean;
    /** Another vectors key name to sign with (its kid goes in the default protected header). */
    key?: string;
  }
  const add = (name: string, payload: string, b: Build = {}) => {
    const other = b.key ? vectors.credentials.find((c) => c.signingKey === b.key)! : undefined;
    const prot = b.prot ?? other?.hex.protectedHeader ?? (b.es256 ? es256.hex.protectedHeader! : protEd);
    const sign = b.key ? signerOf(vectors.keys[b.key]!.private) : b.es256 ? signEs : signEd;
    const sig = toHex(sign(fromHex(sigStructure(prot, payload))));
    const items = [
      bstr(prot),
      b.unprot ?? 'a0',
      b.payloadItem ?? bstr(payload),
      bstr(b.signature ? b.signature(sig) : sig),
    ];
    const frame = b.frame ?? ((i: string[]) => `d2${arr(i)}`);
    out.push({ name, qr: text(frame(items)) });
  };

  // The social-security card's claims, as the vector holds them, field by field.
  const ISS: [string, string] = ['01', tstr('VSS')];
  const EXP: [string, string] = ['04', uint(1893456000)];
  const IAT: [string, string] = ['06', uint(1735689600)];
  const cardHex =
    'a70101024607919000123403715472e1baa76e2056c4836e2042c3ac6e6804191d3f050106457912345678088101';
  const CARD_KEY = nint(-65537);
  const CARD: [string, string] = [CARD_KEY, cardHex];
  const claims = (...extra: (readonly [string, string])[]) => map([ISS, EXP, IAT, ...extra, CARD]);
  const withIat = (iat: string) => map([ISS, EXP, ['06', iat], CARD]);
  const withExp = (exp: string) => map([ISS, ['04', exp], IAT, CARD]);
  const base = claims();
  add('baseline', base);

  // Numbers: floats, sizes, signs in the time claims.
  add('iat float64', withIat(f64(1735689600)));
  add('iat float64 fraction', withIat(f64(1735689600.5)));
  add('iat float32', withIat(f32(1735689600)));
  add('iat half 0', withIat('f90000'));
  add('iat half -0', withIat('f98000'));
  add('iat NaN', withIat('f97e00'));
  add('iat -1', withIat(nint(-1)));
  add('iat 2^53-1', withIat(uint(2n ** 53n - 1n)));
  add('iat 2^53', withIat(uint(2n ** 53n)));
  add('iat 1 as 8 bytes', withIat(`1b${(1735689600).toString(16).padStart(16, '0')}`));
  add('exp float 1e300', withExp(f64(1e300)));
  add('exp Infinity', withExp('f97c00'));
  add('exp 2^64-1', withExp(uint(2n ** 64n - 1n)));
  add('exp 2^53-1', withExp(uint(2n ** 53n - 1n)));
  add('exp in the past (float)', withExp(f64(1700000000)));
  add('iat tag 1', withIat(`c1${uint(1735689600)}`));
  add('nbf future', claims(['05', uint(1900000000)]));
  add('nbf float', claims(['05', f64(1700000000.25)]));
  add('nbf text', claims(['05', tstr('x')]));
  add('iss empty', map([['01', '60'], EXP, IAT, CARD]));
  add('iss bstr', map([['01', bstr('565353')], EXP, IAT, CARD]));
  add('iss absent', map([EXP, IAT, CARD]));
  add('cti bstr', claims(['07', bstr('0102')]));
  add('cti text', claims(['07', tstr('id')]));
  add('sub text', claims(['02', tstr('someone')]));
  add('sub empty', claims(['02', '60']));
  add('sub number', claims(['02', uint(1)]));
  add('unknown claim', claims(['08', arr([uint(1)])]));
  add('unknown claim text key', claims([tstr('x'), uint(1)]));

  // Indefinite lengths.
  add('indefinite claims map', map([ISS, EXP, IAT, CARD], true));
  add('indefinite iss text', map([['01', `7f${tstr('V')}${tstr('SS')}ff`], EXP, IAT, CARD]));
  add('indefinite text, a character split across chunks', map([['01', '7f61c361a1ff'], EXP, IAT, CARD]));
  add('indefinite text, chunks VS + S', map([['01', `7f${tstr('VS')}${tstr('S')}ff`], EXP, IAT, CARD]));
  add('indefinite iss text, empty chunk list', map([['01', '7fff'], EXP, IAT, CARD]));
  add('indefinite text with a bstr chunk', map([['01', `7f${bstr('565353')}ff`], EXP, IAT, CARD]));
  add(
    'indefinite text with a nested indefinite chunk',
    map([['01', `7f7f${tstr('VSS')}ffff`], EXP, IAT, CARD]),
  );
  add('indefinite card map', map([ISS, EXP, IAT, [CARD_KEY, `bf${cardHex.slice(2)}ff`]]));
  add('indefinite programs', map([ISS, EXP, IAT, [CARD_KEY, `${cardHex.slice(0, -6)}089f01ff`]]));
  add(
    'indefinite personalId bstr',
    map([ISS, EXP, IAT, [CARD_KEY, cardHex.replace('024607919000123403', '025f4307919043001234ff03')]]),
  );
  add('break in a definite map', `${map([ISS, EXP, IAT, CARD]).replace(/^a4/, 'a5')}ff`);
  add('break as a value', `bf01ff${EXP.join('')}ff`);
  add('indefinite payload bstr', base, {
    payloadItem: `5f${bstr(base.slice(0, 20))}${bstr(base.slice(20))}ff`,
  });
  add('indefinite COSE array', base, { frame: (i) => `d29f${i.join('')}ff` });
  add('indefinite unprotected map', base, { unprot: 'bfff' });
  add('indefinite protected map', base, { prot: `bf0127${'04'}${bstr(kid)}ff` });

  // Map keys: equal values, different encodings and types.
  add('claim keys 1 and 1.0', map([ISS, EXP, IAT, ['f93c00', tstr('VSS')], CARD]));
  add('claim keys 1 and 1 (18 01)', map([ISS, EXP, IAT, ['1801', tstr('VSS')], CARD]));
  add('claim key 4.0 as exp', map([ISS, ['f94400', uint(1893456000)], IAT, CARD]));
  add('claim key 6.0 float32 as iat', map([ISS, EXP, [f32(6), uint(1735689600)], CARD]));
  add('card claim key as float64', map([ISS, EXP, IAT, [f64(-65537), cardHex]]));
  add('claim keys true and 1', claims(['f5', uint(0)]));
  add('claim keys two NaN', claims(['f97e00', uint(0)], ['fb7ff8000000000000', uint(1)]));
  add('claim key one NaN', claims(['f97e00', uint(0)]));
  add('claim keys 0 and -0.0', claims(['00', uint(0)], ['f98000', uint(1)]));
  add('claim keys 2^64-1 twice', claims([uint(2n ** 64n - 1n), uint(0)], [uint(2n ** 64n - 1n), uint(1)]));
  add('claim keys 2^60 and 2^60 float', claims([uint(2n ** 60n), uint(0)], [f64(2 ** 60), uint(1)]));
  add('claim keys [1] twice', claims([arr(['01']), uint(0)], [arr(['01']), uint(1)]));
  add('claim keys [1] and [1 as 18 01]', claims([arr(['01']), uint(0)], [arr(['1801']), uint(1)]));
  add('claim keys [1] and [1.0]', claims([arr(['01']), uint(0)], [arr(['f93c00']), uint(1)]));
  add('claim keys h01 twice', claims([bstr('01'), uint(0)], [bstr('01'), uint(1)]));
  add('claim keys "a" and h61', claims([tstr('a'), uint(0)], [bstr('61'), uint(1)]));
  add('claim keys tag twice', claims([`c1${uint(0)}`, uint(0)], [`c1${uint(0)}`, uint(1)]));
  add(
    'claim keys {1:2} and {1:2 as 18 02}',
    claims([map([['01', '02']]), uint(0)], [map([['01', '1802']]), uint(1)]),
  );
  add('claim keys null and undefined', claims(['f6', uint(0)], ['f7', uint(1)]));
  add('card keys 1 and 1.0', map([ISS, EXP, IAT, [CARD_KEY, `a8${cardHex.slice(2)}f93c0001`]]));

  // Depth: the claims map is level 1; 16 containers are allowed, the 17th fails.
  const nested = (n: number) => `${'81'.repeat(n)}00`;
  add('depth 16', claims(['08', nested(15)]));
  add('depth 17', claims(['08', nested(16)]));
  add('depth 16 with tags', claims(['08', `${'c1'.repeat(15)}00`]));
  add('depth 17 with tags', claims(['08', `${'c1'.repeat(16)}00`]));

  // Simple values and malformed items.
  add('simple value 0xf8 0x20', claims(['08', 'f820']));
  add('simple value 0xf0', claims(['08', 'f0']));
  add('reserved ai 28', claims(['08', '1c']));
  add('undefined claim', claims(['08', 'f7']));
  add('nbf undefined (absent)', claims(['05', 'f7']));
  add('status undefined (absent)', claims(['19ffff', 'f7']));
  add('iss undefined', map([['01', 'f7'], EXP, IAT, CARD]));
  add('card undefined', map([ISS, EXP, IAT, [CARD_KEY, 'f7']]));
  add('invalid UTF-8', claims(['08', '62c328']));
  add('trailing byte in payload', `${base}00`);
  add('payload not a map', arr([tstr('VSS')]));

  // COSE framing.
  add('tag 61 around tag 18', base, { frame: (i) => `d83dd2${arr(i)}` });
  add('tag 61 around untagged', base, { frame: (i) => `d83d${arr(i)}` });
  add('tag 18 around tag 61', base, { frame: (i) => `d2d83d${arr(i)}` });
  add('tag 61 twice', base, { frame: (i) => `d83dd83dd2${arr(i)}` });
  add('untagged', base, { frame: (i) => arr(i) });
  add('tag 55799', base, { frame: (i) => `d9d9f7d2${arr(i)}` });
  add('tag 98', base, { frame: (i) => `d862${arr(i)}` });
  add('array of 5', base, { frame: (i) => `d285${i.join('')}00` });
  add('nil payload', base, { payloadItem: 'f6' });
  add('text payload', base, { payloadItem: tstr('x') });
  add('unprotected not a map', base, { unprot: '80' });
  add('trailing byte after COSE', base, { frame: (i) => `d2${arr(i)}00` });
  add('signature 63 bytes', base, { signature: (s) => s.slice(2) });
  add('signature 65 bytes', base, { signature: (s) => `${s}00` });
  add('es256 r = 0', base, { es256: true, signature: (s) => '00'.repeat(32) + s.slice(64) });
  add('es256 s = n', base, {
    es256: true,
    signature: (s) => `${s.slice(0, 64)}ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551`,
  });
  add('es256 high s', base, { es256: true });

  // Headers.
  const kidEntry: [string, string] = ['04', bstr(kid)];
  const algEntry: [string, string] = ['01', nint(-8)];
  add('protected empty bstr', base, { prot: '' });
  add('protected a0', base, { prot: 'a0' });
  add('protected not a map', base, { prot: arr(['01']) });
  add('protected trailing', base, { prot: `${protEd}00` });
  add('protected invalid', base, { prot: 'a201' });
  add('alg only unprotected', base, { prot: map([kidEntry]), unprot: map([algEntry]) });
  add('alg both headers', base, { unprot: map([algEntry]) });
  add('alg 1.0 in unprotected', base, { unprot: map([['f93c00', nint(-8)]]) });
  add('alg -8.0', base, { prot: map([['01', f64(-8)], kidEntry]) });
  add('alg -7 with an EdDSA key', base, { prot: map([['01', nint(-7)], kidEntry]) });
  add('alg text', base, { prot: map([['01', tstr('EdDSA')], kidEntry]) });
  add('alg -35', base, { prot: map([['01', nint(-35)], kidEntry]) });
  add('label 1.0', base, { prot: map([['f93c00', nint(-8)], kidEntry]) });
  add('label 1.5', base, { prot: map([algEntry, kidEntry, ['f93e00', '00']]) });
  add('label bstr', base, { prot: map([algEntry, kidEntry, [bstr('01'), '00']]) });
  add('label 2^64-1', base, { prot: map([algEntry, kidEntry, [uint(2n ** 64n - 1n), '00']]) });
  add('unprotected label bstr', base, { unprot: map([[bstr('01'), '00']]) });
  add('kid only unprotected', base, { prot: map([algEntry]), unprot: map([kidEntry]) });
  add('kid text', base, { prot: map([algEntry, ['04', tstr('k')]]) });
  add('kid empty', base, { prot: map([algEntry, ['04', '40']]) });
  add('kid unknown', base, { prot: map([algEntry, ['04', bstr('0011223344556677')]]) });
  add('unknown protected label', base, { prot: map([algEntry, kidEntry, [uint(99), '00']]) });
  add('typ in protected', base, { prot: map([algEntry, kidEntry, ['10', tstr('x')]]) });
  const critOf = (crit: string, extra: (readonly [string, string])[] = []) =>
    map([algEntry, ['02', crit], kidEntry, ...extra]);
  add('crit [4]', base, { prot: critOf(arr(['04'])) });
  add('crit [1, 4]', base, { prot: critOf(arr(['01', '04'])) });
  add('crit [4.0]', base, { prot: critOf(arr(['f94400'])) });
  add('crit []', base, { prot: critOf('80') });
  add('crit 4', base, { prot: critOf('04') });
  add('crit [5] absent', base, { prot: critOf(arr(['05'])) });
  add('crit [16] present', base, { prot: critOf(arr(['10']), [['10', tstr('x')]]) });
  add('crit ["x"] present', base, { prot: critOf(arr([tstr('x')]), [[tstr('x'), '00']]) });
  add('crit [2]', base, { prot: critOf(arr(['02'])) });
  add('crit [h01]', base, { prot: critOf(arr([bstr('01')])) });
  add('crit [true]', base, { prot: critOf(arr(['f5'])) });
  add('crit [16, 5] 16 present', base, { prot: critOf(arr(['10', '05']), [['10', tstr('x')]]) });
  add('crit [5, 16] 16 present', base, { prot: critOf(arr(['05', '10']), [['10', tstr('x')]]) });
  add('crit in unprotected', base, { unprot: map([['02', arr(['04'])]]) });
  add('crit in unprotected, not an array', base, { unprot: map([['02', '04']]) });
  add('crit [4] and alg missing', base, { prot: map([['02', arr(['04'])], kidEntry]) });

  // The status claim.
  const status = (ref: string) => claims(['19ffff', map([[tstr('status_list'), ref]])]);
  const URI = tstr('https://bhxh.example/sl/1');
  add(
    'status idx 0',
    status(
      map([
        [tstr('idx'), '00'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 3 (revoked)',
    status(
      map([
        [tstr('idx'), '03'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 15',
    status(
      map([
        [tstr('idx'), '0f'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 16',
    status(
      map([
        [tstr('idx'), '10'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 2^53-1',
    status(
      map([
        [tstr('idx'), uint(2n ** 53n - 1n)],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 2^53',
    status(
      map([
        [tstr('idx'), uint(2n ** 53n)],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 4.0',
    status(
      map([
        [tstr('idx'), 'f94400'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx 1.5',
    status(
      map([
        [tstr('idx'), 'f93e00'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status idx -1',
    status(
      map([
        [tstr('idx'), '20'],
        [tstr('uri'), URI],
      ]),
    ),
  );
  add(
    'status uri empty',
    status(
      map([
        [tstr('idx'), '00'],
        [tstr('uri'), '60'],
      ]),
    ),
  );
  add(
    'status uri bstr',
    status(
      map([
        [tstr('idx'), '00'],
        [tstr('uri'), bstr('61')],
      ]),
    ),
  );
  add(
    'status uri other',
    status(
      map([
        [tstr('idx'), '00'],
        [tstr('uri'), tstr('https://x.example/1')],
      ]),
    ),
  );
  add(
    'status extra member',
    status(
      map([
        [tstr('idx'), '00'],
        [tstr('uri'), URI],
        [tstr('x'), '00'],
      ]),
    ),
  );
  add('status idx missing', status(map([[tstr('uri'), URI]])));
  add('status ref not a map', status(arr(['00', URI])));
  add('status not a map', claims(['19ffff', '00']));
  add('status without status_list', claims(['19ffff', map([[tstr('x'), '00']])]));
  add(
    'status with an extra member',
    claims([
      '19ffff',
      map([
        [
          tstr('status_list'),
          map([
            [tstr('idx'), '00'],
            [tstr('uri'), URI],
          ]),
        ],
        [tstr('x'), '00'],
      ]),
    ]),
  );

  // The card claim.
  const card = (hex: string) => map([ISS, EXP, IAT, [CARD_KEY, hex]]);
  const cardMap = (entries: (readonly [string, string])[]) => card(map(entries));
  const T: [string, string] = ['01', '01'];
  const PID: [string, string] = ['02', bstr('079190001234')];
  const NAME: [string, string] = ['03', tstr('Trần Văn Bình')];
  const DOB: [string, string] = ['04', uint(7487)];
  const SEX: [string, string] = ['05', '01'];
  const SI: [string, string] = ['06', bstr('7912345678')];
  const core = [T, PID, NAME, DOB, SEX] as const;
  add('card absent', map([ISS, EXP, IAT]));
  add('card is 0', card('00'));
  add('card is an array', card(arr(['01'])));
  add('card is null', card('f6'));
  add('card is a tag', card(`c1${cardHex}`));
  add('card minimal', cardMap([...core]));
  add('card type 1.0', cardMap([['01', 'f93c00'], PID, NAME, DOB, SEX]));
  add('card type 2 without HI', cardMap([['01', '02'], PID, NAME, DOB, SEX]));
  add('card type 3', cardMap([['01', '03'], PID, NAME, DOB, SEX]));
  add('card type 0', cardMap([['01', '00'], PID, NAME, DOB, SEX]));
  add('card type text', cardMap([['01', tstr('1')], PID, NAME, DOB, SEX]));
  add('card sex 3', cardMap([T, PID, NAME, DOB, ['05', '03']]));
  add('card sex 2.0', cardMap([T, PID, NAME, DOB, ['05', 'f94000']]));
  add('card key 9', cardMap([...core, ['09', '00']]));
  add('card key 0', cardMap([...core, ['00', '00']]));
  add('card key text "1"', cardMap([...core, [tstr('1'), '00']]));
  add('card key 7.5', cardMap([...core, ['f94780', '00']]));
  add('card missing sex', cardMap([T, PID, NAME, DOB]));
  add('card personalId 5 bytes', cardMap([T, ['02', bstr('0791900012')], NAME, DOB, SEX]));
  add('card personalId 7 bytes', cardMap([T, ['02', bstr('07919000123400')], NAME, DOB, SEX]));
  add('card personalId nibble A', cardMap([T, ['02', bstr('07919000123a')], NAME, DOB, SEX]));
  add('card personalId text', cardMap([T, ['02', tstr('079190001234')], NAME, DOB, SEX]));
  add(
    'card personalId century digit against sex',
    cardMap([T, ['02', bstr('001185012345')], NAME, DOB, SEX]),
  );
  add('card personalId place 999', cardMap([T, ['02', bstr('999085012345')], NAME, DOB, SEX]));
  add('card SI 4 bytes', cardMap([...core, ['06', bstr('79123456')]]));
  add('card SI nibble F', cardMap([...core, ['06', bstr('791234567f')]]));
  for (const [label, name] of [
    ['empty', ''],
    ['80 code points', 'ẫ'.repeat(80)],
    ['81 code points', 'ẫ'.repeat(81)],
    ['80 astral code points', '𝔸'.repeat(80)],
    ['leading space', ' An'],
    ['trailing NBSP', 'An\u00a0'],
    ['leading U+FEFF', '\ufeffAn'],
    ['trailing U+3000', 'An\u3000'],
    ['trailing U+2028', 'An\u2028'],
    ['trailing U+180E', 'An\u180e'],
    ['trailing U+200B', 'An\u200b'],
    ['trailing U+0085', 'An\u0085'],
    ['inner U+001F', 'A\u001fn'],
    ['inner U+007F', 'A\u007fn'],
    ['inner U+00AD', 'A\u00adn'],
    ['inner tab', 'A\tn'],
    ['not NFC', 'Tra\u0300n'],
    ['NFC Hangul', '한국'],
    ['not NFC Hangul', '\u1112\u1161\u11ab'],
  ] as const) {
    add(`card name ${label}`, cardMap([T, PID, ['03', tstr(name)], DOB, SEX]));
  }
  add('card name bstr', cardMap([T, PID, ['03', bstr('41')], DOB, SEX]));
  add('card dateOfBirth 1899-12-31', cardMap([T, PID, NAME, ['04', int(days('1899-12-31'))], SEX]));
  add('card dateOfBirth 1900-01-01', cardMap([T, PID, NAME, ['04', int(days('1900-01-01'))], SEX]));
  add('card dateOfBirth 2199-12-31', cardMap([T, PID, NAME, ['04', int(days('2199-12-31'))], SEX]));
  add('card dateOfBirth 2200-01-01', cardMap([T, PID, NAME, ['04', int(days('2200-01-01'))], SEX]));
  add('card dateOfBirth float', cardMap([T, PID, NAME, ['04', f64(7487)], SEX]));
  add('card dateOfBirth float fraction', cardMap([T, PID, NAME, ['04', f64(7487.5)], SEX]));
  add('card dateOfBirth 2^53', cardMap([T, PID, NAME, ['04', uint(2n ** 53n)], SEX]));
  add('card programs []', cardMap([...core, ['08', '80']]));
  add('card programs [5.0]', cardMap([...core, ['08', arr(['f94500'])]]));
  add('card programs [1, 1]', cardMap([...core, ['08', arr(['01', '01'])]]));
  add('card programs [10]', cardMap([...core, ['08', arr(['0a'])]]));
  add('card programs [0]', cardMap([...core, ['08', arr(['00'])]]));
  add('card programs [9, 1]', cardMap([...core, ['08', arr(['09', '01'])]]));
  add('card programs not an array', cardMap([...core, ['08', '01']]));
  add('card programs [text]', cardMap([...core, ['08', arr([tstr('x')])]]));
  const hi = (entries: (readonly [string, string])[]) => ['07', map(entries)] as const;
  const NUM5: [string, string] = ['01', tstr('DN401')];
  const FROM: [string, string] = ['02', uint(days('2025-01-01'))];
  const TO: [string, string] = ['03', uint(days('2025-12-31'))];
  const FAC: [string, string] = ['04', tstr('01013')];
  const HI_T: [string, string] = ['01', '02'];
  const hiCard = (block: readonly [string, string], si = true) =>
    cardMap([HI_T, PID, NAME, DOB, SEX, ...(si ? [SI] : []), block]);
  add('HI good', hiCard(hi([NUM5, FROM, TO, FAC])));
  add('HI on a social-security card', cardMap([...core, SI, hi([NUM5, FROM, TO])]));
  add('HI 15 characters without SI', hiCard(hi([['01', tstr('DN4017912345678')], FROM, TO]), false));
  add('HI 15 characters with SI', hiCard(hi([['01', tstr('DN4017912345678')], FROM, TO])));
  add('HI 5 characters without SI', hiCard(hi([NUM5, FROM, TO]), false));
  add('HI lowercase group', hiCard(hi([['01', tstr('dn401')], FROM, TO])));
  add('HI level 6', hiCard(hi([['01', tstr('DN601')], FROM, TO])));
  add('HI unknown group ZZ', hiCard(hi([['01', tstr('ZZ401')], FROM, TO])));
  add('HI province letters', hiCard(hi([['01', tstr('DN4AB')], FROM, TO])));
  add('HI without SI, last 10 not digits', hiCard(hi([['01', tstr('DN40179123456AB')], FROM, TO]), false));
  add('HI validTo before validFrom', hiCard(hi([NUM5, ['02', TO[1]], ['03', FROM[1]]])));
  add('HI validFrom = validTo', hiCard(hi([NUM5, FROM, ['03', FROM[1]]])));
  add('HI validTo 2200-01-01', hiCard(hi([NUM5, FROM, ['03', uint(days('2200-01-01'))]])));
  add('HI validFrom 1899-12-31', hiCard(hi([NUM5, ['02', int(days('1899-12-31'))], TO])));
  add('HI validFrom float', hiCard(hi([NUM5, ['02', f64(days('2025-01-01'))], TO])));
  add('HI facility 4 digits', hiCard(hi([NUM5, FROM, TO, ['04', tstr('0101')]])));
  add('HI facility number', hiCard(hi([NUM5, FROM, TO, ['04', uint(1013)]])));
  add('HI key 5', hiCard(hi([NUM5, FROM, TO, ['05', '00']])));
  add('HI missing validTo', hiCard(hi([NUM5, FROM])));
  add('HI not a map', cardMap([HI_T, PID, NAME, DOB, SEX, SI, ['07', arr([])]]));
  add('HI SI personalId mismatch is fine', hiCard(hi([NUM5, FROM, TO])));
  const moh = map([['01', tstr('MOH')], EXP, IAT, CARD]);
  add('MOH key signs a social-security card (usage)', moh, { key: 'moh' });
  add('MOH key signs a VSS card', base, { key: 'moh' });
  add('MOH key, card absent', map([['01', tstr('MOH')], EXP, IAT]), { key: 'moh' });
  // Length: UTF-16 code units, checked before anything else.
  out.push({ name: 'text of 4,296 UTF-16 units', qr: `AS1:${'𝔸'.repeat(2146)}` });
  out.push({ name: 'text of 4,298 UTF-16 units (2,151 code points)', qr: `AS1:${'𝔸'.repeat(2147)}` });
  out.push({ name: 'text of 4,297 characters', qr: `AS1:${'0'.repeat(4293)}` });
  return out;
}

/** One verifier configuration of the status-list differential: its lists and options. */
export interface StatusRun {
  readonly name: string;
  readonly statusLists: string[];
  readonly requireStatus?: boolean;
}

/**
 * Status-list configurations: good, refused before and after the signature, another issuer's,
 * expired, outdated, replaced, with unusual payloads. Every vector credential is verified
 * under each.
 */
export function statusListRuns(vectors: DiffVectors & { statusList: string }): StatusRun[] {
  const kidOf = (key: string) => vectors.credentials.find((c) => c.signingKey === key)?.kid;
  const URI = 'https://bhxh.example/sl/1';
  const at = (iso: string) => Date.parse(iso) / 1000;
  const zlib = (bytes: number[]) => deflateSync(Buffer.from(bytes), { level: 9 }).toString('hex');
  const LST = zlib([0x40, 0x02, 0x00, 0x00]); // the vector's: entry 3 revoked, entry 4 suspended
  interface Token {
    key?: string;
    /** Raw kid hex, for keys no credential uses (the root). */
    kid?: string;
    typ?: string | null;
    crit?: string;
    iss?: string | null;
    sub?: string;
    iat?: string;
    exp?: string | null;
    ttl?: string | null;
    body?: string;
    payload?: string;
    corruptSignature?: boolean;
  }
  const token = (t: Token = {}): string => {
    const key = t.key ?? 'vssEdDSA';
    const kid = t.kid ?? kidOf(key)!;
    const alg = vectors.keys[key]!.private.kty === 'EC' ? nint(-7) : nint(-8);
    const prot = map([
      ['01', alg],
      ...(t.crit ? ([['02', t.crit]] as [string, string][]) : []),
      ['04', bstr(kid)],
      ...(t.typ === null
        ? []
        : ([['10', tstr(t.typ ?? 'application/statuslist+cwt')]] as [string, string][])),
    ]);
    const payload =
      t.payload ??
      map([
        ...(t.iss === null ? [] : ([['01', t.iss ?? tstr('VSS')]] as [string, string][])),
        ['02', t.sub ?? tstr(URI)],
        ...(t.exp === null
          ? []
          : ([['04', t.exp ?? uint(at('2026-12-01T00:00:00Z'))]] as [string, string][])),
        ['06', t.iat ?? uint(at('2025-12-01T00:00:00Z'))],
        ...(t.ttl === null ? [] : ([['19fffe', t.ttl ?? uint(86400)]] as [string, string][])),
        [
          '19fffd',
          t.body ??
            map([
              [tstr('bits'), '02'],
              [tstr('lst'), bstr(LST)],
            ]),
        ],
      ]);
    let sig = toHex(signerOf(vectors.keys[key]!.private)(fromHex(sigStructure(prot, payload))));
    if (t.corruptSignature) sig = `${sig.slice(0, -2)}${sig.endsWith('00') ? '01' : '00'}`;
    return `d2${arr([bstr(prot), 'a0', bstr(payload), bstr(sig)])}`;
  };
  const body = (bits: string, lst: string) =>
    map([
      [tstr('bits'), bits],
      [tstr('lst'), bstr(lst)],
    ]);
  const rootKid = '6df544d5eaf5b1d7';
  const runs: StatusRun[] = [
    { name: 'the vector list', statusLists: [vectors.statusList] },
    { name: 'rebuilt list', statusLists: [token()] },
    { name: 'no list', statusLists: [] },
    { name: 'no list, status required', statusLists: [], requireStatus: true },
    { name: 'wrong typ', statusLists: [token({ typ: 'application/cwt' })] },
    { name: 'no typ', statusLists: [token({ typ: null })] },
    { name: 'bad signature', statusLists: [token({ corruptSignature: true })] },
    {
      name: 'bad signature, required',
      statusLists: [token({ corruptSignature: true })],
      requireStatus: true,
    },
    { name: 'bad signature, then a good list', statusLists: [token({ corruptSignature: true }), token()] },
    {
      name: 'signed by the root (kid of no issuer key)',
      statusLists: [token({ key: 'root', kid: rootKid })],
    },
    { name: 'signed by the ES256 VSS key', statusLists: [token({ key: 'vssES256' })] },
    { name: 'iss MOH, VSS key', statusLists: [token({ iss: tstr('MOH') })] },
    { name: 'iss VSS, MOH key', statusLists: [token({ key: 'moh' })] },
    { name: 'MOH list for the URI', statusLists: [token({ key: 'moh', iss: tstr('MOH') })] },
    { name: 'MOH list and VSS list', statusLists: [token({ key: 'moh', iss: tstr('MOH') }), token()] },
    { name: 'iss absent', statusLists: [token({ iss: null })] },
    { name: 'iss empty', statusLists: [token({ iss: '60' })] },
    { name: 'iat before the key is valid', statusLists: [token({ iat: uint(at('2023-06-01T00:00:00Z')) })] },
    { name: 'iat float', statusLists: [token({ iat: f64(at('2025-12-01T00:00:00Z')) })] },
    { name: 'iat missing', statusLists: [token({ iat: 'f7' })] },
    {
      name: 'expired list (exp = now − skew)',
      statusLists: [token({ exp: uint(at('2025-12-31T23:55:00Z')) })],
    },
    { name: 'expired within the skew', statusLists: [token({ exp: uint(at('2025-12-31T23:55:01Z')) })] },
    { name: 'no exp', statusLists: [token({ exp: null })] },
    { name: 'exp text', statusLists: [token({ exp: tstr('x') })] },
    {
      name: 'newer then older (outdated)',
      statusLists: [
        token({ iat: uint(at('2025-12-02T00:00:00Z')), body: body('02', zlib([0x01, 0, 0, 0])) }),
        token(),
      ],
    },
    {
      name: 'older then newer',
      statusLists: [
        token(),
        token({ iat: uint(at('2025-12-02T00:00:00Z')), body: body('02', zlib([0x01, 0, 0, 0])) }),
      ],
    },
    { name: 'same iat replaces', statusLists: [token(), token({ body: body('02', zlib([0x01, 0, 0, 0])) })] },
    { name: 'value 3', statusLists: [token({ body: body('02', zlib([0x03, 0x0c, 0, 0])) })] },
    { name: 'bits 1', statusLists: [token({ body: body('01', zlib([0x08])) })] },
    { name: 'bits 1.0', statusLists: [token({ body: body('f93c00', zlib([0x08])) })] },
    { name: 'bits 3', statusLists: [token({ body: body('03', zlib([0x08])) })] },
    { name: 'bits 4', statusLists: [token({ body: body('04', zlib([0x08])) })] },
    { name: 'one byte of 2 bits (index 4 beyond)', statusLists: [token({ body: body('02', zlib([0x40])) })] },
    { name: 'empty list', statusLists: [token({ body: body('02', zlib([])) })] },
    { name: 'lst not zlib', statusLists: [token({ body: body('02', '40020000') })] },
    { name: 'lst missing', statusLists: [token({ body: map([[tstr('bits'), '02']]) })] },
    { name: 'status_list not a map', statusLists: [token({ body: '00' })] },
    { name: 'ttl 0', statusLists: [token({ ttl: '00' })] },
    { name: 'ttl float', statusLists: [token({ ttl: f64(60.5) })] },
    { name: 'no ttl', statusLists: [token({ ttl: null })] },
    { name: 'sub empty', statusLists: [token({ sub: '60' })] },
    { name: 'sub other URI', statusLists: [token({ sub: tstr('https://bhxh.example/sl/2') })] },
    { name: 'payload not a map', statusLists: [token({ payload: arr(['00']) })] },
    { name: 'payload bad CBOR', statusLists: [token({ payload: 'a201' })] },
    { name: 'crit [99], absent', statusLists: [token({ crit: arr([uint(99)]) })] },
    { name: 'crit [16]', statusLists: [token({ crit: arr(['10']) })] },
    { name: 'crit []', statusLists: [token({ crit: '80' })] },
    { name: 'not COSE', statusLists: ['a0'] },
  ];
  return runs;
}
