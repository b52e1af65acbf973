/** One CLI command: `npm run --silent cli -- <name...> [options]`. */
export interface CliCommand {
  /** words that select it, e.g. ['queue', 'stats'] */
  name: readonly string[];
  usage: string;
  /** `argv` is what follows the name words */
  run(argv: string[]): Promise<void> | void;
}

/** A mistake in how the command was called: printed with the usage, exit code 2, no stack trace. */
export class UsageError extends Error {}
