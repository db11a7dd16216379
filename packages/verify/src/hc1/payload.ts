import { CborTag } from '../cbor.js';
import { VerifyError } from '../errors.js';
import type { DccType } from './document-signers.js';

/** CWT claim holding the health certificate (hcert) map; key 1 in it is the EU DCC. */
export const HCERT_CLAIM = -260;
export const EU_DCC_KEY = 1;

/** A JSON value, as the DCC payload is defined (JSON schema `DCC.combined-schema.json`). */
export type DccValue =
  | string
  | number
  | boolean
  | null
  | bigint
  | Uint8Array
  | DccValue[]
  | { [key: string]: DccValue };

/** The EU DCC payload: `ver`, `nam`, `dob` and exactly one of `v`, `t`, `r` (one entry each). */
export type DccPayload = { readonly [key: string]: DccValue };

const TYPE_KEYS: readonly [key: 'v' | 't' | 'r', type: DccType][] = [
  ['v', 'vaccination'],
  ['t', 'test'],
  ['r', 'recovery'],
];

/** A DCC that breaks the payload structure; `detail` names the path. */
class SchemaProblem extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}
const schemaError = (detail: string) => new SchemaProblem(detail);

/**
 * Turns decoded CBOR into plain JSON-shaped values; maps must have text keys. `path` is a stack
 * of the keys above `value`, joined only when there is a problem to name (verification is hot).
 */
function toPlain(value: unknown, path: (string | number)[]): DccValue {
  if (value instanceof Map) {
    const entries: [string, DccValue][] = [];
    for (const [key, inner] of value) {
      if (typeof key !== 'string') throw schemaError(`${pathText(path)}: map key is not text`);
      path.push(key);
      entries.push([key, toPlain(inner, path)]);
      path.pop();
    }
    // fromEntries defines properties, so a "__proto__" key stays data, never a prototype.
    return Object.fromEntries(entries);
  }
  if (Array.isArray(value)) {
    const out: DccValue[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = toPlain(value[i], path);
      path.pop();
    }
    return out;
  }
  // The DCC schema writes dates as text; a CBOR tag (e.g. an epoch date) is not a DCC value.
  if (value instanceof CborTag) throw schemaError(`${pathText(path)}: tagged value`);
  if (value === undefined) throw schemaError(`${pathText(path)}: undefined value`);
  return value as DccValue;
}

const pathText = (path: readonly (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * Reads the EU DCC out of a CWT claims map and names its type. Structure only (the shape every
 * verifier relies on), not the full DCC JSON schema: value sets and formats are the app's call.
 * Throws `ERR_CLAIMS_MALFORMED` when claim -260 or its key 1 is missing or not a map; returns
 * `{ problem }` (a path and what is wrong) for a DCC that is not one certificate of one type.
 */
export function readDcc(
  claims: ReadonlyMap<unknown, unknown>,
): { readonly dcc: DccPayload; readonly type: DccType } | { readonly problem: string } {
  const hcert = claims.get(HCERT_CLAIM);
  if (!(hcert instanceof Map)) throw new VerifyError('ERR_CLAIMS_MALFORMED', 'claims');
  const raw = hcert.get(EU_DCC_KEY);
  if (!(raw instanceof Map)) throw new VerifyError('ERR_CLAIMS_MALFORMED', 'claims');
  try {
    return structure(raw);
  } catch (e) {
    if (e instanceof SchemaProblem) return { problem: e.detail };
    throw e;
  }
}

function structure(raw: Map<unknown, unknown>): { dcc: DccPayload; type: DccType } {
  const dcc = toPlain(raw, ['dcc']) as DccPayload;
  if (typeof dcc.ver !== 'string') throw schemaError('dcc.ver: missing or not text');
  if (typeof dcc.dob !== 'string') throw schemaError('dcc.dob: missing or not text');
  const nam = dcc.nam;
  if (typeof nam !== 'object' || nam === null || Array.isArray(nam) || nam instanceof Uint8Array) {
    throw schemaError('dcc.nam: missing or not a map');
  }
  const present = TYPE_KEYS.filter(([key]) => dcc[key] !== undefined);
  if (present.length !== 1) throw schemaError('dcc: must hold exactly one of v, t, r');
  const [key, type] = present[0]!;
  const entries = dcc[key];
  if (!Array.isArray(entries) || entries.length !== 1)
    throw schemaError(`dcc.${key}: must hold exactly one entry`);
  return { dcc, type };
}
