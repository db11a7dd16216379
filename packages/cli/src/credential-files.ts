// File reading shared by the credential commands (keygen, issue, verify, trust-list, status-list).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { KeyInput } from '@ansinh/verify/node';
import { type CommandIO, UsageError } from './command.js';

export async function readStdin(io: CommandIO): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function readBytes(file: string, io: CommandIO): Promise<Buffer> {
  return readFile(resolve(io.cwd, file));
}

async function readTextArg(value: string, io: CommandIO): Promise<string> {
  if (value.trimStart().startsWith('{')) return value;
  return (value === '-' ? await readStdin(io) : await readBytes(value, io)).toString('utf8');
}

/** A JSON file (or `-` for standard input, or inline JSON starting with `{`). */
export async function readJson(value: string, io: CommandIO, what: string): Promise<unknown> {
  const text = await readTextArg(value, io);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}

/** Like {@link readJson}, but NDJSON (one value per line, as `ansinh generate` prints) gives an array. */
export async function readJsonOrNdjson(value: string, io: CommandIO, what: string): Promise<unknown> {
  const text = await readTextArg(value, io);
  try {
    return JSON.parse(text);
  } catch (error) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    try {
      if (lines.length > 1) return lines.map((l) => JSON.parse(l) as unknown);
    } catch {
      // not NDJSON either: report the JSON error
    }
    throw new UsageError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}

/** A private JWK file (as `ansinh keygen` writes it). */
export async function readPrivateJwk(file: string, io: CommandIO, flag: string): Promise<JsonWebKey> {
  const jwk = await readJson(file, io, `${flag} ${file}`);
  if (typeof jwk !== 'object' || jwk === null || typeof (jwk as JsonWebKey).d !== 'string') {
    throw new UsageError(
      `${flag} ${file} is not a private JWK (no "d"); give the file keygen wrote, not FILE.pub`,
    );
  }
  return jwk as JsonWebKey;
}

/**
 * A public key file in any form the verifier takes: JWK (JSON), PEM public key, X.509
 * certificate as PEM or base64 DER text, or a binary DER certificate.
 */
export async function readKeyInput(file: string, io: CommandIO): Promise<KeyInput> {
  const bytes = await readBytes(file, io);
  // A binary DER certificate starts with a SEQUENCE tag; pass it on as base64 text.
  if (bytes[0] === 0x30) return bytes.toString('base64');
  const text = bytes.toString('utf8').trim();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as JsonWebKey;
    } catch (error) {
      throw new UsageError(`${file} is not valid JSON (${(error as Error).message})`);
    }
  }
  return text;
}

/** An ISO 8601 date or date-time flag value. */
export function parseInstant(flag: string, value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? new Date(value)
    : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new UsageError(`${flag} must be an ISO 8601 date, e.g. 2030-12-31 or 2030-12-31T00:00:00Z`);
  return date;
}

export function parseLang(value: string): 'vi' | 'en' {
  if (value !== 'vi' && value !== 'en') throw new UsageError(`--lang must be vi or en, not "${value}"`);
  return value;
}

export function parseNonNegativeInteger(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`${flag} must be a whole number`);
  return Number(value);
}
