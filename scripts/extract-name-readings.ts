/**
 * Dev-time only: `npm run --silent extract:names`. Extracts the person-name entries of IPADIC
 * (mecab-ipadic-2.7.0-20070801, as shipped in binary form by the npm package kuromoji@0.1.2, a
 * devDependency) into assets/names/ipadic-person-names.tsv, and copies the IPADIC licence beside it.
 * The app never loads kuromoji: it reads only that small table (see common/names/).
 *
 * Kept: entries whose part of speech is 名詞,固有名詞,人名,姓 or 名詞,固有名詞,人名,名 (about 30,000
 * surfaces); 人名,一般 (full names of famous people) is left out. Readings are turned into ひらがな,
 * duplicates dropped, and each surface's readings keep IPADIC's own order (the order of its entries
 * in the dictionary). Re-running on the same kuromoji version gives a byte-identical file.
 *
 * kuromoji's dict/tid_pos.dat.gz is, gunzipped, the token strings "surface,品詞,細分類1,細分類2,
 * 細分類3,活用型,活用形,原形,読み,発音" one after the other, each ended by a NUL byte, in the order
 * of the dictionary's tokens (kuromoji's TokenInfoDictionary.put writes them so).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { katakanaToHiragana } from '../common/validation/kana';
import { READING_PATTERN, formatReadingTable, type ReadingEntry } from '../common/names/reading-table';

const KUROMOJI_VERSION = '0.1.2';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'assets', 'names');

function kuromojiDir(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('kuromoji/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string };
  if (pkg.version !== KUROMOJI_VERSION) throw new Error(`kuromoji ${pkg.version} found, ${KUROMOJI_VERSION} expected (the table is pinned to it)`);
  return path.dirname(pkgFile);
}

function extractPersonNames(tidPos: Buffer): ReadingEntry[] {
  const byKey = new Map<string, ReadingEntry>();
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= tidPos.length; i++) {
    if (i < tidPos.length && tidPos[i] !== 0) continue;
    if (i > start) {
      const f = decoder.decode(tidPos.subarray(start, i)).split(',');
      const kind = f[4];
      if (f[1] === '名詞' && f[2] === '固有名詞' && f[3] === '人名' && (kind === '姓' || kind === '名')) {
        const surface = f[0]!;
        const reading = katakanaToHiragana(f[8] ?? '');
        if (surface && READING_PATTERN.test(reading)) {
          const key = `${kind}\t${surface}`;
          const e = byKey.get(key) ?? { kind, surface, readings: [] };
          if (!e.readings.includes(reading)) e.readings.push(reading);
          byKey.set(key, e);
        }
      }
    }
    start = i + 1;
  }
  return [...byKey.values()];
}

function main(): void {
  const dir = kuromojiDir();
  const entries = extractPersonNames(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'dict', 'tid_pos.dat.gz'))));
  // a wrong format or version shows here rather than as a silently empty table
  const probe = entries.find((e) => e.kind === '姓' && e.surface === '高橋');
  if (!probe || probe.readings[0] !== 'たかはし' || entries.length < 20_000) throw new Error('unexpected dictionary content: is this kuromoji 0.1.2?');
  const header = [
    'Person-name readings (姓 / 名) extracted from IPADIC (mecab-ipadic-2.7.0-20070801)',
    `as shipped in the npm package kuromoji@${KUROMOJI_VERSION}, by scripts/extract-name-readings.ts.`,
    'Licence: IPADIC-LICENSE.txt beside this file (the notice must be kept with the data).',
    'Do not edit by hand: add names to supplement-names.tsv instead.',
  ];
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'ipadic-person-names.tsv');
  fs.writeFileSync(out, formatReadingTable(header, entries));
  fs.copyFileSync(path.join(dir, 'NOTICE.md'), path.join(outDir, 'IPADIC-LICENSE.txt'));
  const count = (k: string) => entries.filter((e) => e.kind === k).length;
  process.stdout.write(
    `${JSON.stringify({ file: path.relative(root, out), bytes: fs.statSync(out).size, entries: entries.length, 姓: count('姓'), 名: count('名'), readings: entries.reduce((n, e) => n + e.readings.length, 0) })}\n`,
  );
}

main();
