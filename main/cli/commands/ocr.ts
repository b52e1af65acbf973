import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import type { toCliLine } from '../../ocr-engine/cli-output';

/**
 * `ocr --json <image>...`: one JSON line per image, in the order given; a bad image does not stop the
 * rest, and the exit code is 1 when any image failed so a script cannot mistake a failed batch for a good one.
 */
export const ocrCommand: CliCommand = {
  name: ['ocr'],
  usage: 'ocr [--json] <image>...',
  summary: 'マイナンバーカード券面の画像を読み取って結果を出す（1 枚でも失敗すれば終了コード 1）',
  options: [
    ['--json', 'JSON で出す'],
  ],
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length === 0) throw new UsageError('ocr: give at least one image file');
    // Loaded on use: the OCR engine (sharp, tesseract) must not slow every other command's start.
    const { CardReader } = await import('../../ocr-engine/card-reader');
    const { toCliLine, errorLine } = await import('../../ocr-engine/cli-output');
    const { loadNameReadings } = await import('../../services/names/name-reading-files');
    // the フリガナ is checked against the name's known readings, as in the app
    const names = loadNameReadings().readings;
    const reader = await CardReader.start({ nameReadings: () => names });
    let failed = 0;
    try {
      for (const file of positionals) {
        const t0 = performance.now();
        let line: ReturnType<typeof toCliLine>;
        try {
          const bytes = await fs.readFile(file);
          line = toCliLine(file, await reader.read(bytes));
        } catch (err) {
          line = errorLine(file, err, Math.round(performance.now() - t0));
        }
        if (line.error) failed++;
        process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${humanLine(line)}\n`);
      }
    } finally {
      await reader.close();
    }
    if (failed > 0) {
      process.stderr.write(`${failed} 件の画像を読み取れませんでした（全 ${positionals.length} 件）。\n`);
      process.exitCode = 1;
    }
  },
};

function humanLine(l: ReturnType<typeof toCliLine>): string {
  if (l.error) return `${l.file}: エラー: ${l.error}`;
  const f = l.fields;
  const v = (x: { value: string | null; reason?: string }): string => x.value ?? `（読めず: ${x.reason ?? '理由不明'}）`;
  // the next-generation card prints no 性別: saying 「読めず」 there would report a failure that is not one
  const sex = l.layout === 'next-gen' ? '' : ` / 性別 ${v(f.sex)}`;
  return `${l.file}: [${l.layout}] 氏名 ${v(f.name)} / フリガナ ${v(f.nameKana)} / 住所 ${v(f.address)} / 生年月日 ${v(f.birthDate)}${sex} / 有効期限 ${v(f.expiryDate)} (${l.ms} ms)`;
}
