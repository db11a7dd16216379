import { type Bilingual, type Lang, localize } from './i18n.js';

/**
 * One problem found in a value: where (`path` into the value), what (`code`, a stable string
 * consumers can switch on) and a human message in the requested language.
 */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  /**
   * `error` (the default when absent) makes a value invalid. `warning` flags a fact the sources
   * mark uncertain (see docs/data-standard.md): shown in reports, never a reason to reject.
   */
  readonly severity?: 'error' | 'warning';
}

/** A table of issue codes to their bilingual message templates. */
export type MessageTable = Readonly<Record<string, Bilingual>>;

/** Builds an {@link Issue} from a message table entry. */
export function makeIssue<T extends MessageTable>(
  table: T,
  code: keyof T & string,
  path: readonly (string | number)[],
  lang: Lang = 'vi',
  params?: Readonly<Record<string, unknown>>,
): Issue {
  return { path, code, message: localize(table[code] as Bilingual, lang, params) };
}

/** The result of parsing or validating: the value, or the issues that stopped it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };
