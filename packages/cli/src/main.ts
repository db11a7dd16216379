import { type Command, type CommandIO, EXIT_OK, EXIT_USAGE, UsageError, wantsHelp } from './command.js';
import { cardCommand } from './commands/card.js';
import { generateCommand } from './commands/generate.js';
import { issueCommand } from './commands/issue.js';
import { keygenCommand } from './commands/keygen.js';
import { qrCommand } from './commands/qr.js';
import { scanCommand } from './commands/scan.js';
import { schemaExportCommand } from './commands/schema-export.js';
import { statusListCreateCommand, statusListSetCommand } from './commands/status-list.js';
import { trustListCreateCommand } from './commands/trust-list.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';

// Every command of `ansinh`, in the order `ansinh --help` lists them. Each lives in its own module.
const commands: readonly Command[] = [
  generateCommand,
  validateCommand,
  schemaExportCommand,
  keygenCommand,
  issueCommand,
  verifyCommand,
  trustListCreateCommand,
  statusListCreateCommand,
  statusListSetCommand,
  qrCommand,
  cardCommand,
  scanCommand,
];

/** One aligned `  name  summary` line per command. */
function commandLines(list: readonly Command[]): string[] {
  const width = Math.max(...list.map((c) => c.name.join(' ').length), 8);
  return list.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`);
}

function topHelp(): string {
  return [
    "ansinh: tools for Vietnam's national social security data standard",
    '',
    'Usage: ansinh <command> [options]',
    '',
    'Commands:',
    ...commandLines(commands),
    '',
    "Run `ansinh <command> --help` for a command's options and an example.",
    'Exit codes: 0 success, 1 invalid data, 2 usage or I/O error.',
    '',
  ].join('\n');
}

function groupHelp(word: string, group: readonly Command[]): string {
  return [
    `Usage: ansinh ${word} <command> [options]`,
    '',
    'Commands:',
    ...commandLines(group),
    '',
    "Run `ansinh <command> --help` for a command's options and an example.",
    '',
  ].join('\n');
}

/** Finds the command whose name words start argv, longest match first. */
function resolve(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const command of sorted) {
    if (command.name.every((word, i) => argv[i] === word))
      return { command, rest: argv.slice(command.name.length) };
  }
  return undefined;
}

/** Runs `ansinh` with argv (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  if (
    argv.length === 0 ||
    ((argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') && argv.length === 1)
  ) {
    io.stdout.write(topHelp());
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const found = resolve(argv);
  if (!found) {
    // A group word alone (`ansinh status-list`, `ansinh trust-list --help`): list its commands.
    const group = commands.filter((c) => c.name.length > 1 && c.name[0] === argv[0]);
    if (group.length > 0 && (argv.length === 1 || wantsHelp(argv.slice(1)))) {
      io.stdout.write(groupHelp(argv[0] as string, group));
      return argv.length === 1 ? EXIT_USAGE : EXIT_OK;
    }
    io.stderr.write(`ansinh: unknown command "${argv.join(' ')}"\n\n${topHelp()}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(found.rest)) {
    io.stdout.write(found.command.help.endsWith('\n') ? found.command.help : `${found.command.help}\n`);
    return EXIT_OK;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ansinh ${found.command.name.join(' ')}: ${error.message}\n(see --help)\n`);
      return EXIT_USAGE;
    }
    const err = error as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && typeof err.syscall === 'string') {
      io.stderr.write(`ansinh ${found.command.name.join(' ')}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
