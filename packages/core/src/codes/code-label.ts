import type { Bilingual, Lang } from '../i18n.js';

/** An entry of any code list: keyed by `code`, or by `level` for the benefit levels. */
export type CodeListEntry = Bilingual & ({ readonly code: string } | { readonly level: number });

const indexes = new WeakMap<readonly CodeListEntry[], ReadonlyMap<string | number, Bilingual>>();

/**
 * The label of `code` in any of the code lists, in `lang`; `undefined` when the code is not in
 * the list. Lookups are indexed once per list, so this is cheap in loops.
 *
 * @example codeLabel(PROVINCES_2004, '79', 'en') // 'Ho Chi Minh City'
 * @example codeLabel(HI_BENEFIT_LEVELS, 3, 'vi') // '95% chi phí …'
 */
export function codeLabel(
  list: readonly CodeListEntry[],
  code: string | number,
  lang: Lang = 'vi',
): string | undefined {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map(list.map((entry) => ['code' in entry ? entry.code : entry.level, entry]));
    indexes.set(list, index);
  }
  return index.get(code)?.[lang];
}
