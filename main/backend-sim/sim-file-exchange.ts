import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { KeyReusedError, type SimStore } from './sim-store';
import { writeFileAtomic } from '../services/files/atomic-write';
import { parseCsv } from '../../common/forms/csv-profile';
import { defaultProfileSet } from '../../common/forms/default-csv-profiles';
import { exchangeBaseName, parseManifest, resultFileName, type Manifest, type ResultKind } from '../services/sync/file-exchange-format';
import { seededRandom } from './seeded-random';

export interface FileExchangeFaults {
  /** share of polls where the exchange storage cannot be reached: nothing read, nothing written */
  unavailableRate?: number;
  /** each result file takes this long to write (half, pause, rest; renamed into place when whole) */
  slowWriteMs?: number;
  /** share of result files written a second time under another name */
  duplicateResultRate?: number;
  /** share of final results followed by a stale copy of the earlier 取込済 */
  lateResultRate?: number;
  seed?: number;
}

export interface FileExchangeSim {
  stop(): void;
}

/** how often the inbox is looked at: a back end's import job runs far less often; tests want it quick */
const POLL_MS = 100;

/**
 * The 標準準拠システム's side of file exchange: imports `<申請番号>_v<版>.manifest.json` with its CSV
 * into 仮登録 (SHA-256, row count and header checked against the form's profile), answers with one
 * result file per event (取込済, then 本登録 or 差戻し after the review, or 取込エラー), and keeps
 * `(申請番号, 版)` → content, so the same files again are a no-op and different content is refused.
 */
export function startFileExchange(
  store: SimStore,
  dirs: { inboxDir: string; resultsDir: string; stateDir: string },
  faults: FileExchangeFaults = {},
): FileExchangeSim {
  const processed = path.join(dirs.inboxDir, 'processed');
  for (const d of [dirs.inboxDir, processed, dirs.resultsDir]) fs.mkdirSync(d, { recursive: true });
  const cursorFile = path.join(dirs.stateDir, 'file-exchange-cursor');
  let published = readCursor(cursorFile);
  const profiles = defaultProfileSet();
  const random = seededRandom(faults.seed ?? Date.now());
  const chance = (p: number | undefined) => p !== undefined && p > 0 && random() < p;
  const pendingWrites = new Set<NodeJS.Timeout>();

  const writeResult = (m: { 申請番号: string; 版: number }, kind: ResultKind, reason: string | null, suffix = '') => {
    const name = resultFileName(m.申請番号, m.版, kind).replace(/\.json$/, `${suffix}.json`);
    const body = JSON.stringify({ 申請番号: m.申請番号, 版: m.版, 結果: kind, ...(reason ? { 理由: reason } : {}), 日時: new Date().toISOString() });
    if (!faults.slowWriteMs) return writeFileAtomic(path.join(dirs.resultsDir, name), body);
    // a slow share: the half-written file sits under a dot name the counter ignores
    const tmp = path.join(dirs.resultsDir, `.${name}.slow.tmp`);
    fs.writeFileSync(tmp, body.slice(0, body.length >> 1));
    const t = setTimeout(() => {
      pendingWrites.delete(t);
      try {
        fs.appendFileSync(tmp, body.slice(body.length >> 1));
        fs.renameSync(tmp, path.join(dirs.resultsDir, name));
      } catch (err) {
        process.stderr.write(`backend-sim: file exchange: slow write: ${String(err)}\n`);
      }
    }, faults.slowWriteMs);
    pendingWrites.add(t);
  };
  const publish = (m: { 申請番号: string; 版: number }, kind: ResultKind, reason: string | null) => {
    writeResult(m, kind, reason);
    if (chance(faults.duplicateResultRate)) writeResult(m, kind, reason, '.dup');
    if (kind !== '取込済' && chance(faults.lateResultRate)) writeResult(m, '取込済', null, '.late');
  };

  const importOne = (manifestName: string) => {
    const manifestFile = path.join(dirs.inboxDir, manifestName);
    const m = parseManifest(fs.readFileSync(manifestFile, 'utf8'));
    const setAside = (...files: string[]) => {
      for (const f of files) fs.renameSync(f, path.join(processed, path.basename(f)));
    };
    if (!m) {
      process.stderr.write(`backend-sim: file exchange: unreadable manifest ${manifestName}\n`);
      return setAside(manifestFile);
    }
    const csvFile = path.join(dirs.inboxDir, m.CSVファイル名);
    const refuse = (reason: string) => {
      publish(m, '取込エラー', reason);
      setAside(manifestFile, ...(fs.existsSync(csvFile) ? [csvFile] : []));
    };
    let csv: Buffer;
    try {
      csv = fs.readFileSync(csvFile);
    } catch {
      return refuse('マニフェストの CSV ファイルがありません');
    }
    const problem = checkCsv(m, csv, profiles.profiles[m.様式ID]?.columns.map((c) => c.name));
    if (problem) return refuse(problem.reason);
    try {
      const r = store.accept(exchangeBaseName(m.申請番号, m.版), m.申請番号, m.様式ID, JSON.stringify({ sha256: m.SHA256, payload: rowsOf(csv) }));
      if (!r.replayed) publish(m, '取込済', null);
    } catch (err) {
      if (!(err instanceof KeyReusedError)) throw err;
      return refuse('同じ申請番号・版で内容の異なるデータが届きました');
    }
    setAside(manifestFile, csvFile);
  };

  const tick = () => {
    if (chance(faults.unavailableRate)) return;
    try {
      for (const name of fs.readdirSync(dirs.inboxDir)) {
        // a CSV without its manifest is not complete yet; dot names are temporary files
        if (name.startsWith('.') || !name.endsWith('.manifest.json')) continue;
        importOne(name);
      }
      for (const c of store.changesAfter(published, 500)) {
        const key = store.keyOfReceipt(c.receiptNumber);
        const at = key ? /^(.+)_v(\d+)$/.exec(key) : null;
        // applications that came by HTTP have no result files
        if (at) publish({ 申請番号: at[1]!, 版: Number(at[2]) }, c.status === 'completed' ? '本登録' : '差戻し', c.reason);
        published = c.seq;
        writeFileAtomic(cursorFile, String(published));
      }
    } catch (err) {
      process.stderr.write(`backend-sim: file exchange: ${String(err)}\n`);
    }
  };
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      for (const t of pendingWrites) clearTimeout(t);
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
