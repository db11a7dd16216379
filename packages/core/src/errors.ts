import type { Bilingual, Lang } from './i18n.js';

/**
 * Base of errors thrown by @ansinh/core (bad arguments, not bad data: bad data is returned as
 * issues). Check `err.code`, not `instanceof`: two copies of the package (ESM and CJS) make
 * `instanceof` unreliable.
 */
export class CoreError extends Error {
  readonly code: string;
  readonly messages: Bilingual;

  constructor(code: string, messages: Bilingual, options?: { cause?: unknown; lang?: Lang }) {
    super(
      messages[options?.lang ?? 'en'],
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
  }
}
