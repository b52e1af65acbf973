import { createHash } from 'node:crypto';
import { KeyReusedError, type SimStore } from './sim-store';
import { writeFileAtomic } from '../services/files/atomic-write';
import { parseCsv } from '../../common/forms/csv-profile';
import { defaultProfileSet } from '../../common/forms/default-csv-profiles';
import { exchangeBaseName, parseManifest, resultFileName, type Manifest, type ResultKind } from '../services/sync/file-exchange-format';
import type { AreaEntry, ExchangeArea } from '../services/sync/exchange-area';
import { seededRandom } from './seeded-random';
import fs from 'node:fs';
import path from 'node:path';
import { simErrorText } from './sim-error-text';

export interface FileExchangeFaults {
  /** share of polls where the exchange storage cannot be reached: nothing read, nothing written */
  unavailableRate?: number;
  /** each result file takes this long to write (a folder: half, pause, rest, renamed when whole; S3: a late PUT) */
  slowWriteMs?: number;
  /** share of result files written a second time under another name */
  duplicateResultRate?: number;
  /** share of final results followed by a stale copy of the earlier 取込済 */
  lateResultRate?: number;
  seed?: number;
}

export interface FileExchangeSim {
  stop(): Promise<void>;
}

/** how often the inbox is looked at: a back end's import job runs far less often; tests want it quick */
const POLL_MS = 100;
/** manifests imported per poll, side by side: a backlog is worked off over several polls */
const IMPORTS_PER_POLL = 200;
const IMPORT_PARALLEL = 16;
/**
 * A manifest that does not parse may still be being written: s3rver stores an object as it streams
 * in (a GET mid-PUT sees part of it; S3 itself never shows that), and a sender killed mid-PUT leaves
 * a cut one that its next attempt writes again whole. Only one left unchanged this long is taken for
 * broken and set aside — the sender's own wait for an unreadable result file (file-exchange-connector).
 */
export const UNREADABLE_MANIFEST_GRACE_MS = 60_000;

/**
 * The 標準準拠システム's side of file exchange, over any storage (a folder or an S3 bucket): imports
 * `<申請番号>_v<版>.manifest.json` with its CSV into 仮登録 (SHA-256, row count and header checked
 * against the form's profile), answers with one result file per event (取込済, then 本登録 or 差戻し
 * after the review, or 取込エラー), and keeps `(申請番号, 版)` → content, so the same files again are
 * a no-op and different content is refused.
 */
export function startFileExchange(
  store: SimStore,
  areas: { inbox: ExchangeArea; results: ExchangeArea; stateDir: string },
  faults: FileExchangeFaults = {},
): FileExchangeSim {
  const cursorFile = path.join(areas.stateDir, 'file-exchange-cursor');
  let published = readCursor(cursorFile);
  const profiles = defaultProfileSet();
  const random = seededRandom(faults.seed ?? Date.now());
  const chance = (p: number | undefined) => p !== undefined && p > 0 && random() < p;
  const log = (what: string) => process.stderr.write(`backend-sim: file exchange (${areas.inbox.where}): ${what}\n`);

  const writeResult = async (m: { 申請番号: string; 版: number }, kind: ResultKind, reason: string | null, suffix = '') => {
    const name = resultFileName(m.申請番号, m.版, kind).replace(/\.json$/, `${suffix}.json`);
    const body = JSON.stringify({ 申請番号: m.申請番号, 版: m.版, 結果: kind, ...(reason ? { 理由: reason } : {}), 日時: new Date().toISOString() });
    await areas.results.write(name, body, faults.slowWriteMs ? { slowMs: faults.slowWriteMs } : {});
  };
  const publish = async (m: { 申請番号: string; 版: number }, kind: ResultKind, reason: string | null) => {
    await writeResult(m, kind, reason);
    if (chance(faults.duplicateResultRate)) await writeResult(m, kind, reason, '.dup');
    if (kind !== '取込済' && chance(faults.lateResultRate)) await writeResult(m, '取込済', null, '.late');
  };

  /** unreadable manifests already logged, so that one waiting out its grace is logged once */
  const unreadableSeen = new Set<string>();
  /**
   * Sets aside a manifest that does not parse, once it is old enough, and only while it still holds
   * the same bytes: the sender heals a cut manifest by writing it again, and a rewrite that landed
   * after our read must be imported, not moved away with the broken one it replaced.
   */
  const setAsideUnreadable = async (entry: AreaEntry, bytes: Buffer) => {
    if (!unreadableSeen.has(entry.name)) {
      unreadableSeen.add(entry.name);
      log(`unreadable manifest ${entry.name} (${bytes.length} bytes): set aside if unchanged after ${UNREADABLE_MANIFEST_GRACE_MS / 1000} s`);
    }
    if (Date.now() - entry.modifiedMs < UNREADABLE_MANIFEST_GRACE_MS) return;
    const again = await areas.inbox.read(entry.name);
    if (again === null || !again.equals(bytes)) return; // rewritten or taken meanwhile: the next poll sees it
    await areas.inbox.setAside(entry.name, 'unreadable');
    unreadableSeen.delete(entry.name);
    log(`unreadable manifest ${entry.name} set aside into unreadable/`);
  };

  const importOne = async (entry: AreaEntry) => {
    const manifestName = entry.name;
    const bytes = await areas.inbox.read(manifestName);
    if (bytes === null) return; // taken meanwhile
    const m = parseManifest(bytes.toString('utf8'));
    const setAside = async (...names: string[]) => {
      for (const n of names) await areas.inbox.setAside(n, 'processed');
    };
    if (!m) return setAsideUnreadable(entry, bytes);
    unreadableSeen.delete(manifestName);
    const csv = await areas.inbox.read(m.CSVファイル名);
    const refuse = async (reason: string) => {
      await publish(m, '取込エラー', reason);
      await setAside(manifestName, ...(csv !== null ? [m.CSVファイル名] : []));
    };
    if (csv === null) {
      // A sender that crashed after placing a pair may place it again while this side imports the first
      // one: the CSV it re-placed is taken away with the first import, its manifest comes after. The
      // same manifest of an application already imported is that replay — not an error to report.
      const stored = store.bodyOfKey(exchangeBaseName(m.申請番号, m.版)) as { sha256?: unknown } | null | undefined;
      // (a purged or unreadable body cannot be compared: the key alone says it was imported)
      if (stored !== undefined && (stored === null || typeof stored.sha256 !== 'string' || stored.sha256 === m.SHA256)) {
        store.countReplay();
        return setAside(manifestName);
      }
      return refuse('マニフェストの CSV ファイルがありません');
    }
    const problem = checkCsv(m, csv, profiles.profiles[m.様式ID]?.columns.map((c) => c.name));
    if (problem) return refuse(problem.reason);
    try {
      const r = store.accept(exchangeBaseName(m.申請番号, m.版), m.申請番号, m.様式ID, JSON.stringify({ sha256: m.SHA256, payload: rowsOf(csv) }));
      if (!r.replayed) await publish(m, '取込済', null);
    } catch (err) {
      if (!(err instanceof KeyReusedError)) throw err;
      return refuse('同じ申請番号・版で内容の異なるデータが届きました');
    }
    await setAside(manifestName, m.CSVファイル名);
  };

  const tick = async () => {
    if (chance(faults.unavailableRate)) return;
    // a CSV without its manifest is not complete yet
    const manifests = (await areas.inbox.list())
      .filter((e) => e.name.endsWith('.manifest.json'))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .slice(0, IMPORTS_PER_POLL);
    for (let i = 0; i < manifests.length; i += IMPORT_PARALLEL) await Promise.all(manifests.slice(i, i + IMPORT_PARALLEL).map(importOne));
    for (const c of store.changesAfter(published, 500)) {
      const key = store.keyOfReceipt(c.receiptNumber);
      const at = key ? /^(.+)_v(\d+)$/.exec(key) : null;
      // applications that came by HTTP have no result files
      if (at) await publish({ 申請番号: at[1]!, 版: Number(at[2]) }, c.status === 'completed' ? '本登録' : '差戻し', c.reason);
      published = c.seq;
      writeFileAtomic(cursorFile, String(published));
    }
  };

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    running = tick()
      .catch((err: unknown) => {
        log(simErrorText(err));
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, POLL_MS);
      });
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      areas.inbox.close?.();
      areas.results.close?.();
    },
  };
}

function readCursor(file: string): number {
  try {
    return Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function rowsOf(csv: Buffer): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(csv.toString('utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The import's checks: the bytes are the ones the manifest names, the rows and the header are the form's. */
function checkCsv(m: Manifest, csv: Buffer, header: readonly string[] | undefined): { reason: string } | null {
  if (createHash('sha256').update(csv).digest('hex') !== m.SHA256) return { reason: 'CSV の SHA-256 がマニフェストと一致しません' };
  if (!header) return { reason: `様式「${m.様式ID}」の取込定義がありません` };
  const rows = parseCsv(csv.toString('utf8'));
  if (rows.length - 1 !== m.行数) return { reason: `CSV の行数（${rows.length - 1}）がマニフェスト（${m.行数}）と一致しません` };
  if ((rows[0] ?? []).join(',') !== header.join(',')) return { reason: 'CSV の見出し行が取込定義と一致しません' };
  if (rows.slice(1).some((r) => r.length !== header.length)) return { reason: 'CSV の列数が見出し行と一致しません' };
  return null;
}
