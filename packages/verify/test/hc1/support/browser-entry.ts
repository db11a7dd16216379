// Bundled for the browser by browser.test.ts: the default entry's createVerifier (WebCrypto,
// x509, hc1) with nothing from Node, exposed to the page.
import { createVerifier } from '../../../src/index.js';

interface BrowserVector {
  readonly file: string;
  readonly prefix: string;
  readonly certificate: string;
  readonly clock: string;
}

async function verifyVectors(vectors: readonly BrowserVector[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const v of vectors) {
    const verifier = createVerifier({
      certificates: [v.certificate],
      now: new Date(v.clock),
      skewSeconds: 0,
    });
    const r = await verifier.verify(v.prefix);
    out[v.file] = r.valid ? 'valid' : r.error.code;
  }
  return out;
}

(globalThis as { verifyVectors?: typeof verifyVectors }).verifyVectors = verifyVectors;
