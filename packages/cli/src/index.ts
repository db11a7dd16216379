/**
 * @ansinh/cli: the `ansinh` command. The programmatic entry runs it in-process (tests, wrappers).
 * @packageDocumentation
 */
export { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from './command.js';
export { main } from './main.js';
