/**
 * Bilingual text. Every message ansinh shows a person exists in Vietnamese (the default) and
 * English, so a hospital receptionist and a foreign integrator read the same fact.
 */
export type Lang = 'vi' | 'en';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** Normalises Vietnamese text to NFC so that "ế" typed as one code point or as e+◌̂+◌́ compares equal. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Picks the message in `lang` and fills `{name}` placeholders from `params`.
 * Unknown placeholders are left as written, so a missing parameter is visible, not silently empty.
 */
export function localize(
  message: Bilingual,
  lang: Lang = 'vi',
  params?: Readonly<Record<string, unknown>>,
): string {
  const text = message[lang];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
