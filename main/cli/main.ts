import { COMMANDS } from './commands';
import { UsageError, type CliCommand } from './command';
import { HELP_FLAGS, commandHelp, commandsUnder, overviewHelp, usageLines } from './help';
import { storeFailureDetail } from '../services/store/open-database';

/** `npm run --silent cli -- <command>`: for city IT staff, trainers and tests. */

function findCommand(argv: string[]): CliCommand | undefined {
  const byLength = [...COMMANDS].sort((a, b) => b.name.length - a.name.length);
  return byLength.find((c) => c.name.every((w, i) => argv[i] === w));
}

async function main(argv: string[]): Promise<void> {
  if (argv.length > 0 && HELP_FLAGS.has(argv[0]!)) return void process.stdout.write(`${overviewHelp(COMMANDS)}\n`);
  const command = findCommand(argv);
  const rest = command ? argv.slice(command.name.length) : argv;
  // `--help` anywhere after the command words: a request for help, never run with the other options
  if (command && rest.some((a) => a === '--help' || a === '-h')) return void process.stdout.write(`${commandHelp(command)}\n`);
  if (!command) {
    const words = argv.filter((a) => !a.startsWith('-'));
    const group = commandsUnder(COMMANDS, words.slice(0, 1));
    if (group.length > 0 && (argv.includes('--help') || argv.includes('-h'))) {
      return void process.stdout.write(`${group.map(commandHelp).join('\n\n')}\n`);
    }
    throw new UsageError(argv[0] === undefined ? 'コマンドを指定してください。' : `知らないコマンドです: ${argv.slice(0, 2).join(' ')}`);
  }
  await command.run(rest);
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
    process.stderr.write(`${(err as Error).message}\n${usageLines(COMMANDS)}\n${'詳しくは: npm run --silent cli -- --help'}\n`);
    process.exit(2);
  }
  process.stderr.write(`ichimado cli: ${err instanceof Error ? err.message : String(err)}\n`);
  // storage and key problems also get the precise log line, for IT staff (codes and file names only)
  const detail = (err as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'object' && detail !== null) process.stderr.write(`${JSON.stringify({ level: 'error', event: 'store.open_failed', ...storeFailureDetail(err) })}\n`);
  process.exit(1);
});
