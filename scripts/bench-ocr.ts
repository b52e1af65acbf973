/**
 * OCR benchmark: `npm run bench:ocr [-- --dir DIR | --count N --seed S]`.
 * Without --dir it renders a fresh synthetic set (all layouts, fonts and looks) into a temp folder.
 * Prints one JSON object: per-field exact-match rate and character error rate, p50/p95 ms per card
 * (warm), cold start to ready, and the native `tesseract` CLI's time on the same images when installed.
 * Performance targets live here, never in timed unit tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CardReader } from '../main/ocr/card-reader';
import { errorLine, toCliLine, type CliLine } from '../main/ocr/cli-output';
import { FIELD_NAMES, type FieldName } from '../common/ocr/card-result';
import { generateCards } from '../tests/support/cards/generate';
import type { CardTruth } from '../tests/support/cards/truth';
import { levenshtein } from '../common/text/levenshtein';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, count: { type: 'string', default: '36' }, seed: { type: 'string', default: '4242' }, verbose: { type: 'boolean', default: false } },
});

/** 住所 is compared as the targets say: spaces and digit width ignored (hyphens folded with the digits). */
function foldAddress(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[－‐−]/g, '-');
}


const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};

async function main(): Promise<void> {
  let dir = values.dir;
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-bench-'));
    await generateCards({ out: dir, count: Number(values.count), seed: Number(values.seed), kinds: ['current', 'next-gen', 'foreign'], looks: ['flat', 'scanner', 'camera'] });
  }
  const truths: CardTruth[] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CardTruth)
    .filter((t) => !t.expectError);

  const t0 = performance.now();
  const reader = await CardReader.start();
  const readyMs = Math.round(performance.now() - t0);
  // one warm-up read so p50/p95 are warm numbers, as the targets are stated
  if (truths[0]) await reader.read(fs.readFileSync(path.join(dir, truths[0].file))).catch(() => undefined);

  const exact: Record<FieldName, number> = Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<FieldName, number>;
  const errs: Record<FieldName, { edits: number; chars: number }> = Object.fromEntries(FIELD_NAMES.map((f) => [f, { edits: 0, chars: 0 }])) as never;
  const times: number[] = [];
  let layoutOk = 0;
  let errors = 0;
  for (const t of truths) {
    const file = path.join(dir, t.file);
    const start = performance.now();
    let line: CliLine;
    try {
      line = toCliLine(t.file, await reader.read(fs.readFileSync(file)));
    } catch (e) {
      line = errorLine(t.file, e, 0);
      errors++;
    }
    times.push(performance.now() - start);
    if (line.layout === t.layout) layoutOk++;
    for (const f of FIELD_NAMES) {
      const want = t.fields[f];
      const got = line.fields[f].value;
      const fold = f === 'address' ? foldAddress : (s: string): string => s;
      if ((want === null && got === null) || (want !== null && got !== null && fold(want) === fold(got))) exact[f]++;
      else if (values.verbose) process.stderr.write(`${t.file} ${f}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}\n`);
      if (want !== null) {
        const a = [...fold(want)];
        errs[f].edits += levenshtein(a, [...fold(got ?? '')]);
        errs[f].chars += a.length;
      }
    }
  }
  await reader.close();

  const n = truths.length;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  const out = {
    cards: n,
    dir,
    exactMatch: Object.fromEntries(FIELD_NAMES.map((f) => [f, r3(exact[f] / Math.max(1, n))])),
    characterErrorRate: Object.fromEntries(FIELD_NAMES.map((f) => [f, errs[f].chars ? r3(errs[f].edits / errs[f].chars) : null])),
    layoutAccuracy: r3(layoutOk / Math.max(1, n)),
    errors,
    msPerCard: { p50: Math.round(pct(times, 50)), p95: Math.round(pct(times, 95)) },
    coldStartToReadyMs: readyMs,
    cores: os.cpus().length,
    nativeTesseract: nativeTesseract(dir, truths),
  };
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

/** The native CLI on the same images (whole image, jpn, PSM 11), when the binary is installed. */
function nativeTesseract(dir: string, truths: CardTruth[]): { p50: number; p95: number; note: string } | { skipped: string } {
  const which = spawnSync('sh', ['-c', 'command -v tesseract'], { encoding: 'utf8' });
  if (which.status !== 0) return { skipped: 'tesseract binary not installed' };
  const times: number[] = [];
  for (const t of truths.slice(0, 12)) {
    const s = performance.now();
    try {
      execFileSync('tesseract', [path.join(dir, t.file), '-', '-l', 'jpn', '--psm', '11'], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      return { skipped: 'tesseract failed (is the jpn language installed?)' };
    }
    times.push(performance.now() - s);
  }
  return { p50: Math.round(pct(times, 50)), p95: Math.round(pct(times, 95)), note: 'whole image, psm 11, first 12 cards' };
}

await main();
