// Card verification benchmark, every figure side by side with its baseline in the same process:
//   1. full verification of a typical card (base45 → inflate → CBOR → signature → card schema →
//      status list), ES256 and EdDSA, against node:crypto verifying the same signature over the
//      same Sig_structure bytes (the floor: nothing but the signature);
//   2. the same claims as an ES256 JWS verified by jose's compactVerify (+ JSON.parse);
//   3. an EU DCC (HC1:, the real Austrian test certificate) through ansinh's hc1 profile against
//      @pathcheck/dcc-sdk's unpackAndVerify on the same text;
//   4. verifyMany on a batch against verifying the same batch one text at a time.
// Rounds alternate the contenders and the median round is reported. It measures the built
// packages (dist/, what npm users run), not the TypeScript sources through tsx, whose
// keep-names wrappers cost ~2 µs per card.
//
//   pnpm bench:verify      (= build core and verify, then node --import tsx bench/verify.ts)
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Card } from '@ansinh/core';
import type { CryptoBackend } from '@ansinh/verify';
import {
  createStatusList,
  createVerifier,
  decodeBase45,
  generateSigningKey,
  inflateZlib,
  issueCard,
  parseSign1,
  signerFromJwk,
  signStatusList,
  sigStructure,
} from '@ansinh/verify';
import { nodeCryptoBackend } from '@ansinh/verify/node';
import { CompactSign, compactVerify, importJWK } from 'jose';

const out = (line = '') => process.stdout.write(`${line}\n`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);

/** Operations per second of `fn` over about `ms` milliseconds (after a warm-up). */
async function opsPerSecond(fn: () => unknown, ms: number): Promise<number> {
  for (let i = 0; i < 50; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

/** Median of `ROUNDS` rounds, the contenders of a comparison alternating within each round. */
async function compare(contenders: Record<string, () => unknown>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(contenders))
      samples[name]!.push(await opsPerSecond(fn, ROUND_MS));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!]),
  );
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (a: number, b: number) => (a / b).toFixed(2);

// A typical health-insurance card: Vietnamese name, SI number, HI block, two programmes.
const card: Card = {
  schemaVersion: 1,
  type: 'health-insurance',
  personalId: '001085012345',
  name: 'Nguyễn Thị Minh Khai',
  dateOfBirth: '1985-03-14',
  sex: 'female',
  socialInsuranceNumber: '0112345678',
  healthInsurance: {
    cardNumber: 'DN4010112345678',
    validFrom: '2025-01-01',
    validTo: '2030-12-31',
    facility: '01013',
  },
  programs: ['social-insurance', 'health-insurance'],
};
const STATUS_URI = 'https://bhxh.example/sl/1';
const now = new Date();
const exp = new Date(now.getTime() + 365 * 86_400_000);

async function cardSetup(alg: 'ES256' | 'EdDSA') {
  const key = await generateSigningKey(alg);
  const signer = await signerFromJwk(key.privateJwk);
  const list = createStatusList(1024);
  const statusList = await signStatusList(list, { uri: STATUS_URI, iss: 'VSS', exp }, signer);
  const text = await issueCard(card, {
    signer,
    iss: 'VSS',
    exp,
    cti: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
    status: { idx: 42, uri: STATUS_URI },
  });
  const options = { keys: [key.publicJwk], statusLists: [statusList], requireStatus: true };
  // The default entry (WebCrypto, as in browsers) and @ansinh/verify/node (node:crypto).
  const verifier = createVerifier(options);
  const nodeVerifier = createVerifier({ ...options, crypto: nodeCryptoBackend });
  for (const v of [verifier, nodeVerifier]) {
    const first = await v.verify(text);
    if (!first.valid || first.profile !== 'ansinh' || first.status !== 'valid') {
      throw new Error(`setup: the card does not verify (${JSON.stringify(first)})`);
    }
  }
  // The exact bytes the signature covers, for the node:crypto floor.
  const sign1 = parseSign1(inflateZlib(decodeBase45(text.slice(4))));
  const data = sigStructure(sign1.protectedBytes, sign1.payload);
  const { kty, crv, x, y } = key.publicJwk;
  const nodeKey = createPublicKey({ key: { kty, crv, x, ...(y ? { y } : {}) }, format: 'jwk' });
  const raw =
    alg === 'ES256'
      ? () => nodeVerify('sha256', data, { key: nodeKey, dsaEncoding: 'ieee-p1363' }, sign1.signature)
      : () => nodeVerify(null, data, nodeKey, sign1.signature);
  if (!raw()) throw new Error('setup: node:crypto rejects the signature');
  // For the breakdown: the same pipeline with the signature check answered without any work. Not
  // being a built-in backend, it gets fresh buffers rather than the shared ones (~2 µs per card).
  const noSignature: CryptoBackend = {
    ...nodeCryptoBackend,
    verify: async () => true,
    verifyNow: () => true,
  };
  const jsOnlyVerifier = createVerifier({ ...options, crypto: noSignature });
  return { key, text, verifier, nodeVerifier, jsOnlyVerifier, raw };
}

out('# Card verification (@ansinh/verify)');
out(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${ROUNDS} rounds × ${ROUND_MS} ms, median round; @ansinh/verify from ${
    import.meta.resolve('@ansinh/verify').includes('/dist/') ? 'dist (built)' : 'sources'
  }`,
);
out();

// 1 and 2. Full card verification against node:crypto and jose.
const es = await cardSetup('ES256');
const ed = await cardSetup('EdDSA');
const claims = {
  iss: 'VSS',
  iat: Math.floor(now.getTime() / 1000),
  exp: Math.floor(exp.getTime() / 1000),
  cti: '0102030405060708',
  status: { status_list: { idx: 42, uri: STATUS_URI } },
  card,
};
const josePrivate = await importJWK({ ...es.key.privateJwk }, 'ES256');
const josePublic = await importJWK({ ...es.key.publicJwk }, 'ES256');
const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
  .setProtectedHeader({ alg: 'ES256', kid: es.key.publicJwk.kid })
  .sign(josePrivate);
const joseVerify = async () =>
  JSON.parse(new TextDecoder().decode((await compactVerify(jws, josePublic)).payload));

const cards = await compare({
  esNode: () => es.nodeVerifier.verify(es.text),
  esWeb: () => es.verifier.verify(es.text),
  esRaw: es.raw,
  jose: joseVerify,
  edNode: () => ed.nodeVerifier.verify(ed.text),
  edWeb: () => ed.verifier.verify(ed.text),
  edRaw: ed.raw,
});
out(`## Full verification of a typical card (${es.text.length}-character QR text, status list held)`);
out('| what | per second | ratio | target |');
out('| --- | ---: | ---: | --- |');
out(`| node:crypto ES256 verify, same bytes (the floor) | ${fmt(cards.esRaw!)} | | |`);
out(
  `| ansinh ES256, full pipeline, @ansinh/verify/node | ${fmt(cards.esNode!)} | ansinh/raw ${ratio(cards.esNode!, cards.esRaw!)} | ≥ 0.8 |`,
);
out(
  `| ansinh ES256, full pipeline, default entry (WebCrypto) | ${fmt(cards.esWeb!)} | ansinh/raw ${ratio(cards.esWeb!, cards.esRaw!)} | |`,
);
out(
  `| jose compactVerify ES256 JWS, same claims | ${fmt(cards.jose!)} | node/jose ${ratio(cards.esNode!, cards.jose!)}, WebCrypto/jose ${ratio(cards.esWeb!, cards.jose!)} | ≥ 1.0 |`,
);
out(`| node:crypto Ed25519 verify, same bytes (the floor) | ${fmt(cards.edRaw!)} | | |`);
out(
  `| ansinh EdDSA, full pipeline, @ansinh/verify/node | ${fmt(cards.edNode!)} | ansinh/raw ${ratio(cards.edNode!, cards.edRaw!)} | ≥ 0.8 |`,
);
out(
  `| ansinh EdDSA, full pipeline, default entry (WebCrypto) | ${fmt(cards.edWeb!)} | ansinh/raw ${ratio(cards.edWeb!, cards.edRaw!)} | |`,
);
out();

// 3. EU DCC: ansinh hc1 against @pathcheck/dcc-sdk on the same HC1: text.
interface DgcVector {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
}
const vector = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../packages/verify/test/vectors/dcc/${file}`, import.meta.url), 'utf8'),
  ) as DgcVector;
const at = vector('AT-1.json');
const hc1Options = { certificates: [at.TESTCTX.CERTIFICATE], now: new Date(at.TESTCTX.VALIDATIONCLOCK) };
const hc1 = createVerifier(hc1Options);
const hc1Node = createVerifier({ ...hc1Options, crypto: nodeCryptoBackend });
for (const v of [hc1, hc1Node]) {
  const first = await v.verify(at.PREFIX);
  if (!first.valid) throw new Error(`setup: AT-1 does not verify (${first.error.code})`);
}

// The SDK's CommonJS entry goes through the `esm` loader, which cannot parse the optional
// chaining of its dependency @peculiar/webcrypto on Node 20; its ES module source (lib/main.js)
// loads fine through tsx. The DSC is put in its cache so it never fetches its online registry.
type DccSdk = {
  addCachedCerts(certs: Record<string, string>): void;
  unpackAndVerify(uri: string): Promise<{ status: string } | undefined>;
};
let sdk: DccSdk | undefined;
let sdkProblem = '';
try {
  sdk = (await import('@pathcheck/dcc-sdk/lib/main.js' as string)) as DccSdk;
  sdk.addCachedCerts({ [Buffer.from('d919375fc1e7b6b2', 'hex').toString('base64')]: at.TESTCTX.CERTIFICATE });
  const status = (await sdk.unpackAndVerify(at.PREFIX))?.status;
  if (status !== 'verified') throw new Error(`unpackAndVerify says ${status}`);
} catch (error) {
  sdkProblem = (error as Error).message;
  sdk = undefined;
}
out('## EU DCC: the Austrian test certificate (HC1:, ES256, real DSC)');
out('| what | per second | ratio | target |');
out('| --- | ---: | ---: | --- |');
if (sdk) {
  const dcc = await compare({
    node: () => hc1Node.verify(at.PREFIX),
    web: () => hc1.verify(at.PREFIX),
    sdk: () => sdk!.unpackAndVerify(at.PREFIX),
  });
  out(`| @pathcheck/dcc-sdk 0.0.27 unpackAndVerify (signature only) | ${fmt(dcc.sdk!)} | | |`);
  out(
    `| ansinh hc1 (signature, DSC validity and key usage, iat/exp), @ansinh/verify/node | ${fmt(dcc.node!)} | ansinh/sdk ${ratio(dcc.node!, dcc.sdk!)} | ≥ 5 |`,
  );
  out(
    `| ansinh hc1, default entry (WebCrypto) | ${fmt(dcc.web!)} | ansinh/sdk ${ratio(dcc.web!, dcc.sdk!)} | |`,
  );
} else {
  const alone = await compare({ node: () => hc1Node.verify(at.PREFIX), web: () => hc1.verify(at.PREFIX) });
  out(`| ansinh hc1, @ansinh/verify/node | ${fmt(alone.node!)} | | |`);
  out(`| ansinh hc1, default entry (WebCrypto) | ${fmt(alone.web!)} | | |`);
  out(`| @pathcheck/dcc-sdk: not measured (${sdkProblem}) | | | |`);
}
out();

// 4. Batches: verifyMany overlaps the signature checks on libuv's thread pool (node:crypto's
// callback form, or WebCrypto, which always goes there), so they spread over the cores,
// against awaiting each verify in turn on the same verifier.
const BATCH = 256;
const batch = Array.from({ length: BATCH }, () => es.text);
const oneAtATime = (v: typeof es.verifier) => async () => {
  for (const text of batch) await v.verify(text);
};
const many = await compare({
  nodeSequential: oneAtATime(es.nodeVerifier),
  nodeMany: () => es.nodeVerifier.verifyMany(batch),
  webSequential: oneAtATime(es.verifier),
  webMany: () => es.verifier.verifyMany(batch),
});
out(`## Batches of ${BATCH} ES256 cards (${cpus().length} CPUs)`);
out('| what | cards per second | ratio | target |');
out('| --- | ---: | ---: | --- |');
out(`| @ansinh/verify/node, one at a time (await each verify) | ${fmt(many.nodeSequential! * BATCH)} | | |`);
out(
  `| @ansinh/verify/node, verifyMany (default concurrency) | ${fmt(many.nodeMany! * BATCH)} | many/sequential ${ratio(many.nodeMany!, many.nodeSequential!)} | ≥ 1.5 |`,
);
out(`| default entry (WebCrypto), one at a time | ${fmt(many.webSequential! * BATCH)} | | |`);
out(
  `| default entry (WebCrypto), verifyMany | ${fmt(many.webMany! * BATCH)} | many/sequential ${ratio(many.webMany!, many.webSequential!)} | ≥ 1.5 |`,
);
out();

// 5. Where the time of one card goes on @ansinh/verify/node: the signature alone, the
// JavaScript stages alone (signature check answered at once), the two back to back, and the
// pipeline; in microseconds per card.
const split = await compare({
  raw: es.raw,
  jsOnly: () => es.jsOnlyVerifier.verify(es.text),
  rawThenJs: async () => {
    es.raw();
    await es.jsOnlyVerifier.verify(es.text);
  },
  full: () => es.nodeVerifier.verify(es.text),
});
const us = (perSecond: number) => (1e6 / perSecond).toFixed(1);
out('## Where the time of one ES256 card goes (@ansinh/verify/node, µs per card)');
out('| what | µs per card |');
out('| --- | ---: |');
out(`| node:crypto verify alone, in a tight loop | ${us(split.raw!)} |`);
out(
  `| the JavaScript stages alone (base45 … status; a stub backend answers at once, and as a caller's backend gets fresh buffers: ~2 µs more than the built-in path) | ${us(split.jsOnly!)} |`,
);
out(`| the two back to back | ${us(split.rawThenJs!)} |`);
out(`| the pipeline | ${us(split.full!)} |`);
out();
out(
  `load average after the run: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
