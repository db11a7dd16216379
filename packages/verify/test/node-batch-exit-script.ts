// Run as a child process by node-batch.test.ts: a script that verifies batches on the workers and
// then just ends. The awaited batch must keep the process alive, the idle workers must not.
import { createVerifier, generateSigningKey, issueCard, signerFromJwk } from '../src/node/index.js';
import { healthCard } from './helpers.js';

const key = await generateSigningKey('ES256');
const text = await issueCard(healthCard, {
  signer: await signerFromJwk(key.privateJwk),
  iss: 'VSS',
  exp: new Date(Date.now() + 86_400_000),
});
const verifier = createVerifier({ keys: [key.publicJwk] });
// The diagnostic report lists the worker threads alive (unref()ed ones too, and tsx's own).
const workerCount = () => (process.report.getReport() as unknown as { workers: unknown[] }).workers.length;
const before = workerCount();
const batch = Array.from({ length: 600 }, () => text);
await verifier.verifyMany(batch); // starts the workers
await new Promise((resolve) => setTimeout(resolve, 3000)); // they load their sources meanwhile
const results = await verifier.verifyMany(batch);
console.log(
  JSON.stringify({ valid: results.filter((r) => r.valid).length, workers: workerCount() - before }),
);
