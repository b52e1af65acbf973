/** One CLI command: `npm run --silent cli -- <name...> [options]`. */
export interface CliCommand {
  /** words that select it, e.g. ['queue', 'stats'] */
  name: readonly string[];
  usage: string;
  /** one line in Japanese: what it is for (shown by `cli --help`) */
  summary: string;
  /**
   * Each option of `usage` (written as in usage, e.g. '--data-dir D') and what it means, shown by
   * `cli <command> --help`. tests/unit/cli-help.test.ts checks every option of `usage` is explained.
   */
  options: readonly (readonly [string, string])[];
  /** `argv` is what follows the name words */
  run(argv: string[]): Promise<void> | void;
}

/** A mistake in how the command was called: printed with the usage, exit code 2, no stack trace. */
export class UsageError extends Error {}
