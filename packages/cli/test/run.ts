import { PassThrough, Readable } from 'node:stream';
import { main } from '../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ansinh` in-process with captured, non-TTY output. */
export async function runCli(
  argv: string[],
  options: { stdin?: string | Uint8Array; cwd?: string } = {},
): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errChunks.push(c));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const code = await main(argv, {
    stdin,
    stdout: out,
    stderr: err,
    cwd: options.cwd ?? process.cwd(),
    env: {},
  });
  return {
    code,
    stdout: Buffer.concat(chunks).toString('utf8'),
    stderr: Buffer.concat(errChunks).toString('utf8'),
  };
}
