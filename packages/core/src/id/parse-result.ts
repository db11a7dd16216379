import { type Bilingual, type Lang, localize } from '../i18n.js';
import type { Issue, Result } from '../issue.js';

/**
 * A {@link Result} that can also carry warnings on success. Identifier and QR parsers report facts
 * the sources mark uncertain (an unknown place code, an unusual benefit level) as warnings: they
 * never reject a value, but a report should still show them. On failure `issues` holds the errors
 * and the warnings together. Assignable to `Result<T>`, so callers that ignore warnings can.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * A message table whose entries also state the default severity of their code, so the list of
 * codes and what they mean can be published as is (docs, report legends).
 */
export type SeverityMessageTable = Readonly<
  Record<string, Bilingual & { readonly severity: 'error' | 'warning' }>
>;

/** Options every identifier parser takes. */
export interface ParseOptions {
  /** Language of issue messages; Vietnamese by default. */
  readonly lang?: Lang;
  /** Where the identifier sits in the enclosing record, prefixed to every issue path. */
  readonly path?: readonly (string | number)[];
}

/** The shared empty warning list: successful parses allocate nothing for it. */
export const NO_WARNINGS: readonly Issue[] = Object.freeze([]);
export const ROOT_PATH: readonly (string | number)[] = Object.freeze([]);

/** Builds an issue from a severity table; `severity` overrides the table's default. */
export function tableIssue<T extends SeverityMessageTable>(
  table: T,
  code: keyof T & string,
  options: ParseOptions | undefined,
  params?: Readonly<Record<string, unknown>>,
  severity?: 'error' | 'warning',
): Issue {
  const entry = table[code] as T[keyof T];
  return {
    path: options?.path ?? ROOT_PATH,
    code,
    message: localize(entry, options?.lang, params),
    severity: severity ?? entry.severity,
  };
}

/** Adds `issue` to `list`, creating the list on first use so clean values allocate none. */
export function append(list: Issue[] | undefined, issue: Issue): Issue[] {
  if (list === undefined) return [issue];
  list.push(issue);
  return list;
}

/** Success with `value` unless `issues` holds an error; warnings ride along either way. */
export function conclude<T>(value: T, issues: readonly Issue[] | undefined): ParseResult<T> {
  if (issues === undefined || issues.length === 0) return { ok: true, value, warnings: NO_WARNINGS };
  return issues.some((i) => i.severity !== 'warning')
    ? { ok: false, issues }
    : { ok: true, value, warnings: issues };
}

/** A failure carrying `issues` (which must hold at least one error). */
export function fail(issues: readonly Issue[]): { readonly ok: false; readonly issues: readonly Issue[] } {
  return { ok: false, issues };
}

/** Whether every character of `text` in [from, to) is an ASCII digit. No allocation. */
export function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
