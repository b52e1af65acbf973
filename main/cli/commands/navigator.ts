import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { parseNavigatorCase } from '../../../common/navigator/case-schema';
import { navigate, NavigatorInputError } from '../../../common/navigator/navigate';
import { applyCityConfig, CityConfigError } from '../../../common/navigator/city-config';
import { parseDateInput, formatJa } from '../../../common/validation/wareki';

/** A case is a few hundred bytes; anything near this is not a case. */
const MAX_INPUT_BYTES = 1_000_000;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('案件のJSONを標準入力から渡してください（例：navigator --json < case.json）。');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new UsageError(`入力が大きすぎます（${MAX_INPUT_BYTES}バイトまで）。`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what}がJSONとして読めません：${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * `navigator`: the 手続きナビ for one case read from stdin. Every input problem (bad JSON, schema,
 * impossible dates, a child older than its parent, a broken city rule file) exits 2 with Japanese
 * messages on stderr; an overdue deadline is a warning inside the output, not an error.
 */
export const navigatorCommand: CliCommand = {
  name: ['navigator'],
  usage: 'navigator [--json] [--today YYYY-MM-DD] [--city rules.json]  < case.json',
  summary: '来庁の内容（標準入力の JSON）から必要な手続きを出す（手続きナビ）',
  options: [
    ['--json', 'JSON で出す'],
    ['--today YYYY-MM-DD', '基準日（期限の計算に使う。省略時は今日）'],
    ['--city rules.json', '市独自の手続き規則ファイル'],
  ],
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { json: { type: 'boolean', default: false }, today: { type: 'string' }, city: { type: 'string' } },
    });
    let today = localToday();
    if (values.today !== undefined) {
      const t = parseDateInput(values.today);
      if (!t.ok) throw new UsageError(`--today: ${t.message}`);
      today = t.iso;
    }
    let rules;
    if (values.city !== undefined) {
      let text: string;
      try {
        text = fs.readFileSync(values.city, 'utf8');
      } catch {
        throw new UsageError(`市の規則ファイル「${values.city}」を読めません。`);
      }
      try {
        rules = applyCityConfig(parseJson(text, '市の規則ファイル'));
      } catch (err) {
        if (err instanceof CityConfigError) throw new UsageError(err.message);
        throw err;
      }
    }
    const parsed = parseNavigatorCase(parseJson(await readStdin(), '案件'));
    if (!parsed.ok) throw new UsageError(`案件の内容が正しくありません：\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    let result;
    try {
      result = navigate(parsed.value, { today, ...(rules ? { rules } : {}) });
    } catch (err) {
      if (err instanceof NavigatorInputError) throw new UsageError(`案件の内容が正しくありません：\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
      throw err;
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(result) + '\n');
      return;
    }
    const lines = result.procedures.map((p) => {
      const tag = p.needsConfirmation ? '[要確認]' : p.required ? '[必須]' : '[任意]';
      const due = p.deadline ? ` 期限 ${formatJa(p.deadline)}` : '';
      return `${tag} ${p.title}（${p.gyomu}）${due}\n    ${p.reason}${p.warning ? `\n    ⚠ ${p.warning}` : ''}`;
    });
    process.stdout.write(lines.join('\n') + '\n');
  },
};
