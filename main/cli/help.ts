import type { CliCommand } from './command';

/**
 * The CLI's help texts: `cli --help` lists the commands with what each is for, `cli <command> --help`
 * explains one command's options, `cli <group> --help` (e.g. `queue`) lists the commands of that group.
 */
const PREFIX = 'npm run --silent cli --';

export const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h', 'help']);

export function usageLines(commands: readonly CliCommand[]): string {
  return `使い方: ${PREFIX} <コマンド> [オプション]\n${commands.map((c) => `  cli ${c.usage}`).join('\n')}`;
}

export function overviewHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.join(' ').length));
  const rows = commands.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'ichimado のコマンドライン（市の情報担当・研修担当・テスト用）',
    `使い方: ${PREFIX} <コマンド> [オプション]`,
    '',
    'コマンド:',
    ...rows,
    '',
    `各コマンドの説明: ${PREFIX} <コマンド> --help`,
    '終了コード: 0 成功 / 1 失敗 / 2 呼び出し方の誤り（監査ログの検証で改ざんを見つけたときは 4）',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const width = Math.max(0, ...command.options.map(([flag]) => flag.length));
  return [
    `cli ${command.name.join(' ')} — ${command.summary}`,
    `使い方: ${PREFIX} ${command.usage}`,
    ...(command.options.length > 0 ? ['', 'オプション:', ...command.options.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`)] : []),
  ].join('\n');
}

/** The commands whose first words are `words` (e.g. ['queue'] → queue stats, queue export). */
export function commandsUnder(commands: readonly CliCommand[], words: readonly string[]): CliCommand[] {
  return commands.filter((c) => words.length > 0 && words.length < c.name.length && words.every((w, i) => c.name[i] === w));
}

/** The `--flags` a usage string names (what the help must explain). */
export function flagsOfUsage(usage: string): string[] {
  return [...new Set([...usage.matchAll(/--[a-z][a-z0-9-]*/g)].map((m) => m[0]))];
}
