/**
 * OCR benchmark: `npm run bench:ocr [-- --dir DIR | --count N --seed S | --frozen] [--classic] [--verbose]`.
 * Without --dir it renders a fresh synthetic set into a temp folder with the varied generator (every card its
 * own label placement, spacing, sizes, address wrap, photo, background and next-generation design; looks flat,
 * scanner, camera and phone); --classic renders the old generator's set (one layout per kind) instead.
 * Prints one JSON object: per-field exact-match rate and character error rate, the same per layout/design and
 * per look, the targets and whether they are met, p50/p95 ms per card (warm), cold start to ready, and the
 * native `tesseract` CLI's time on the whole card images of the same run (one process per image, `-l jpn`,
 * as a user would script it) with ichimado's p50 as a share of it.
 * Performance targets live here, never in timed unit tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance as nodePerformance } from 'node:perf_hooks';
import { CardReaderThread } from '../main/services/card-reading/card-reader-thread';
import { errorLine, toCliLine, type CliLine } from '../main/ocr-engine/cli-output';
import type { OcrProgress } from '../main/ocr-engine/card-reader';
import { FIELD_NAMES, type FieldName } from '../common/ocr/card-result';
import { generateCards } from '../tests/support/cards/generate';
import { foldAddress, type CardTruth } from '../tests/support/cards/truth';
import { levenshtein } from '../common/text/levenshtein';

/**
 * A card read's phases, from its progress: 'find-card' comes when the preprocessing worker hands over the card
 * and its lines, 'recognize' 1 when every line's first read is in (the first time: a card read again another
 * way up or from the whole image counts that in what comes after). Only reads that gave a result are counted.
 */
function phaseClock(start: number): { progress: (p: OcrProgress) => void; end: (at: number, into: { prep: number[]; firstReads: number[]; after: number[] }) => void } {
  let prepared: number | null = null;
  let firstRead: number | null = null;
  return {
    progress: (p) => {
      const now = performance.now();
      if (p.stage === 'find-card') prepared ??= now;
      else if (p.stage === 'recognize' && p.fraction >= 1 && prepared !== null) firstRead ??= now;
    },
    end: (at, into) => {
      if (prepared === null || firstRead === null) return;
      into.prep.push(prepared - start);
      into.firstReads.push(firstRead - prepared);
      into.after.push(at - firstRead);
    },
  };
}

/**
 * The frozen "final" set: held out from all tuning. Run it ONCE per session, before any change made because
 * of what it shows (then it is no longer held out for that session), and report that first run. Never tune
 * on its cards; use fresh seeds (--seed) while working.
 */
const FROZEN = { seed: 51_770_913, count: 48 } as const;

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    count: { type: 'string', default: '36' },
    seed: { type: 'string', default: '4242' },
    frozen: { type: 'boolean', default: false },
    classic: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

/** Exact-match goals on held-out cards (issue #12): フリガナ counted only where printed. */
const TARGETS: Record<FieldName, number> = { name: 0.95, nameKana: 0.95, address: 0.97, birthDate: 0.99, sex: 0.99, expiryDate: 0.99 };
/** ichimado's warm p50 per card, ms, and as a share of the native CLI's p50 on the same images */
const SPEED_TARGETS = { p50Ms: 300, shareOfNative: 0.4 };

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Exact matches per field over a group of cards; フリガナ over the cards that print it. */
class Tally {
  cards = 0;
  private ok: Record<string, number> = {};
  private of: Record<string, number> = {};
  add(f: FieldName, applies: boolean, good: boolean): void {
    if (!applies) return;
    this.of[f] = (this.of[f] ?? 0) + 1;
    if (good) this.ok[f] = (this.ok[f] ?? 0) + 1;
  }
  rates(): Record<string, number | string> {
    const out: Record<string, number | string> = { cards: this.cards };
    for (const f of FIELD_NAMES) if (this.of[f]) out[f] = r3((this.ok[f] ?? 0) / this.of[f]!);
    return out;
  }
  rate(f: FieldName): number | null {
    return this.of[f] ? (this.ok[f] ?? 0) / this.of[f]! : null;
  }
}

async function main(): Promise<void> {
  let dir = values.dir;
  const seed = values.frozen ? FROZEN.seed : Number(values.seed);
  const count = values.frozen ? FROZEN.count : Number(values.count);
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-bench-'));
    const looks = values.classic ? (['flat', 'scanner', 'camera'] as const) : (['flat', 'scanner', 'camera', 'phone'] as const);
    await generateCards({ out: dir, count, seed, kinds: ['current', 'next-gen', 'foreign'], looks: [...looks], varied: !values.classic });
  }
  const truths: CardTruth[] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CardTruth)
    .filter((t) => !t.expectError)
    .sort((a, b) => a.file.localeCompare(b.file));

  const t0 = performance.now();
  // as the app runs it: the engine in its own thread, with the address master and the name-reading tables
  const reader = await CardReaderThread.start();
  const readyMs = Math.round(performance.now() - t0);
  // one warm-up read so p50/p95 are warm numbers, as the targets are stated
  if (truths[0]) await reader.read(fs.readFileSync(path.join(dir, truths[0].file))).catch(() => undefined);

  const all = new Tally();
  const byDesign = new Map<string, Tally>();
  const byLook = new Map<string, Tally>();
  const errs: Record<FieldName, { edits: number; chars: number }> = Object.fromEntries(FIELD_NAMES.map((f) => [f, { edits: 0, chars: 0 }])) as never;
  const times: number[] = [];
  const phases = { prep: [] as number[], firstReads: [] as number[], after: [] as number[] };
  // CPU of the whole process per card: this thread, the reader's thread, its preprocessing and tesseract workers
  const cpuMs: number[] = [];
  // this thread's busy time per card (the app's services thread: posting the image, taking the answer)
  const callerBusy: number[] = [];
  let layoutOk = 0;
  const errors: { file: string; error: string }[] = [];
  const emptied: Record<string, number> = {};
  for (const t of truths) {
    const file = path.join(dir, t.file);
    const start = performance.now();
    const busy0 = nodePerformance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const seen = phaseClock(start);
    let line: CliLine;
    let read = false;
    try {
      line = toCliLine(t.file, await reader.read(fs.readFileSync(file), { onProgress: seen.progress }));
      read = true;
    } catch (e) {
      line = errorLine(t.file, e, 0);
      errors.push({ file: t.file, error: line.error ?? '' });
    }
    const end = performance.now();
    times.push(end - start);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    if (read) seen.end(end, phases);
    callerBusy.push(nodePerformance.eventLoopUtilization(busy0).active);
    if (line.layout === t.layout) layoutOk++;
    const groups = [all, tally(byDesign, `${t.layout}${t.design && t.design !== t.layout ? `:${t.design}` : ''}`), tally(byLook, t.look)];
    for (const g of groups) g.cards++;
    for (const f of FIELD_NAMES) {
      const want = t.fields[f];
      const got = line.fields[f].value;
      const fold = f === 'address' ? foldAddress : (x: string): string => x;
      const good = (want === null && got === null) || (want !== null && got !== null && fold(want) === fold(got));
      // フリガナ where printed; the other fields on every card (a value where none is printed is wrong too)
      const applies = f !== 'nameKana' || want !== null;
      for (const g of groups) g.add(f, applies, good);
      if (want !== null && got === null) emptied[f] = (emptied[f] ?? 0) + 1;
      if (!good && values.verbose) process.stderr.write(`${t.file} ${f}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}\n`);
      if (want !== null) {
        const a = [...fold(want)];
        errs[f].edits += levenshtein(a, [...fold(got ?? '')]);
        errs[f].chars += a.length;
      }
    }
  }
  await reader.close();

  const n = truths.length;
  const p50 = Math.round(pct(times, 50));
  const native = nativeTesseract(truths.slice(0, NATIVE_CARDS).map((t) => path.join(dir, t.file)));
  const share = typeof native.p50 === 'number' && native.p50 > 0 ? r3(p50 / native.p50) : null;
  const out = {
    cards: n,
    dir,
    generator: values.dir ? 'dir' : values.classic ? 'classic' : 'varied',
    seed: values.dir ? null : seed,
    frozen: values.frozen,
    exactMatch: all.rates(),
    characterErrorRate: Object.fromEntries(FIELD_NAMES.map((f) => [f, errs[f].chars ? r3(errs[f].edits / errs[f].chars) : null])),
    byLayout: Object.fromEntries([...byDesign.entries()].sort().map(([k, v]) => [k, v.rates()])),
    byLook: Object.fromEntries([...byLook.entries()].sort().map(([k, v]) => [k, v.rates()])),
    layoutAccuracy: r3(layoutOk / Math.max(1, n)),
    errors: errors.length,
    errorFiles: errors,
    emptiedFields: emptied,
    msPerCard: { p50, p95: Math.round(pct(times, 95)) },
    /** ms per card the calling thread (the app's services thread) was busy, beyond waiting */
    callerThreadMsPerCard: { p50: r1(pct(callerBusy, 50)), max: r1(Math.max(0, ...callerBusy)) },
    /**
     * Where a card's time goes (p50 of each, ms): the preprocessing worker's decode, card finding, warp and line
     * finding before any model read (one thread: the other core waits), the first reads of every line, and
     * everything after them (second reads, date and 性別 checks, the address master). Cards that failed are left
     * out; a card read again from a second view counts that view in what comes after.
     */
    phaseMsPerCard: phases.prep.length === 0 ? null : { prep: r1(pct(phases.prep, 50)), firstReads: r1(pct(phases.firstReads, 50)), afterFirstReads: r1(pct(phases.after, 50)), cards: phases.prep.length },
    /** CPU ms per card of the whole process (all its threads), and as cores kept busy over the card's wall time */
    cpuMsPerCard: { p50: Math.round(pct(cpuMs, 50)), coresBusy: r2(pct(cpuMs, 50) / Math.max(1, pct(times, 50))) },
    coldStartToReadyMs: readyMs,
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    nativeTesseract: native,
    targets: {
      ...Object.fromEntries(FIELD_NAMES.map((f) => [f, { goal: TARGETS[f], met: (all.rate(f) ?? 1) >= TARGETS[f] }])),
      p50: { goal: SPEED_TARGETS.p50Ms, met: p50 <= SPEED_TARGETS.p50Ms },
      shareOfNative: { goal: SPEED_TARGETS.shareOfNative, value: share, met: share === null ? null : share <= SPEED_TARGETS.shareOfNative },
    },
  };
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

function tally(m: Map<string, Tally>, k: string): Tally {
  let t = m.get(k);
  if (!t) m.set(k, (t = new Tally()));
  return t;
}

/** Cards the native CLI is timed on (one process each, after the reader has closed). */
const NATIVE_CARDS = 12;

/**
 * The native CLI on the whole card images, one process per image (`tesseract IMG stdout -l jpn`), as a user
 * without ichimado would script it: the reference the speed target is stated against.
 */
function nativeTesseract(files: string[]): Record<string, unknown> {
  const which = spawnSync('sh', ['-c', 'command -v tesseract'], { encoding: 'utf8' });
  if (which.status !== 0) return { skipped: 'tesseract binary not installed' };
  const times: number[] = [];
  for (const f of files) {
    const s = performance.now();
    try {
      execFileSync('tesseract', [f, 'stdout', '-l', 'jpn'], { stdio: 'ignore', timeout: 120_000 });
    } catch {
      return { skipped: 'tesseract failed (is tesseract-ocr-jpn installed?)' };
    }
    times.push(performance.now() - s);
  }
  return {
    p50: Math.round(pct(times, 50)),
    p95: Math.round(pct(times, 95)),
    images: times.length,
    note: 'whole card images, one `tesseract IMG stdout -l jpn` process each, run one after another after the reader closed',
  };
}

await main();
