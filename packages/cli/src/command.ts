import type { Writable } from 'node:stream';

/** Exit codes shared by every command: 0 success/valid, 1 invalid input data, 2 usage or I/O error. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** What a command may touch: streams and environment are injected so tests run commands in-process. */
export interface CommandIO {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  /** Words that select the command, e.g. `['schema', 'export']`. */
  readonly name: readonly string[];
  readonly summary: string;
  /** Full `--help` text: usage, options, at least one example. */
  readonly help: string;
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** A mistake in how the command was called (unknown flag, missing file…): exit code 2. */
export class UsageError extends Error {
  readonly code: string;
  constructor(message: string, code = 'USAGE') {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}

/** Whether argv asks for help, wherever `--help`/`-h` sits. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
