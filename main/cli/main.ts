import { COMMANDS } from './commands';
import { UsageError } from './command';
import { storeFailureDetail } from '../services/store/open-database';

/** `npm run --silent cli -- <command>`: for city IT staff, trainers and tests. */
function usage(): string {
  return `usage: npm run --silent cli -- <command>\n${COMMANDS.map((c) => `  cli ${c.usage}`).join('\n')}`;
}

async function main(argv: string[]): Promise<void> {
  const byLength = [...COMMANDS].sort((a, b) => b.name.length - a.name.length);
  const command = byLength.find((c) => c.name.every((w, i) => argv[i] === w));
  if (!command) throw new UsageError(`unknown command: ${argv[0] ?? '(none)'}`);
  await command.run(argv.slice(command.name.length));
}

// A reader that stops early (`queue export --json | head`) closes the pipe: that is its choice, not our
// failure, so the command ends quietly as other Unix tools do instead of dying with an EPIPE trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`ichimado cli: 出力に書き込めません (${err.code ?? err.message})\n`);
  process.exit(1);
});

main(process.argv.slice(2)).catch((err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))) {
    process.stderr.write(`${(err as Error).message}\n${usage()}\n`);
    process.exit(2);
  }
  process.stderr.write(`ichimado cli: ${err instanceof Error ? err.message : String(err)}\n`);
  // storage and key problems also get the precise log line, for IT staff (codes and file names only)
  const detail = (err as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'object' && detail !== null) process.stderr.write(`${JSON.stringify({ level: 'error', event: 'store.open_failed', ...storeFailureDetail(err) })}\n`);
  process.exit(1);
});
