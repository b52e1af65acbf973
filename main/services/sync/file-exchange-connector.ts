import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { IntakeConnector, DeliveryOutcome, IntakeDocument, StatusPage } from './intake-connector';
import type { OutboxEntry, StatusChange } from '../store/application-repository';
import { writeFileAtomicAsync } from '../files/atomic-write';
import { csvRows, toCsv, CsvValueError, type CsvProfileSet } from '../../../common/forms/csv-profile';
import type { FormPayload } from '../../../common/forms/payload';
import { findForm } from '../../../common/forms/registry';
import { buildManifest, exchangeBaseName, parseResult, RESULT_STATUS, type ResultKind } from './file-exchange-format';

export interface FileExchangeOptions {
  /** where `<申請番号>_v<版>.csv` and its `.manifest.json` are placed for the back end */
  outboxDir: string;
  /** where the back end leaves one result file per application and event */
  resultsDir: string;
  profiles: CsvProfileSet;
  /** 団体コード (全国地方公共団体コード, 6 digits) */
  cityCode: string;
  id?: string;
}

/** result files read per poll: a backlog is worked off over several polls, none blocks the loop long */
const RESULTS_PER_POLL = 500;
/** a result file still unreadable after this long is not being written: set it aside */
const UNREADABLE_GRACE_MS = 60_000;
/** a temporary file this old was left by a process killed mid-write (no write takes an hour) */
const STALE_TEMP_MS = 60 * 60_000;
/**
 * Test hook for the crash drills: SIGKILL this process right after the n-th CSV is written and
 * before its manifest, the exact instant the exchange must survive. Unset in production.
 */
const CRASH_AFTER_CSV = Number(process.env.ICHIMADO_TEST_CRASH_AFTER_CSV ?? '0');
let csvWritten = 0;

function storageReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOSPC' || code === 'EDQUOT') return '連携フォルダーの空き容量がありません。情報システム担当へ連絡してください';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `連携フォルダーに書き込む権限がありません（${code}）。情報システム担当へ連絡してください`;
  return `連携フォルダーに書き込めません（${code}）`;
}

/**
 * File exchange (ファイル連携), the standards' default between systems: per application a CSV of
 * 基本データリスト items and a manifest, each written atomically, the manifest last — the receiver
 * acts on manifests only, so a crash between the two leaves nothing it would read, and the retry
 * writes the same bytes again. Handing the files over is the delivery (受理 here); the back end's
 * result files, pulled from `resultsDir`, bring 完了, 差戻し, 取込エラー (要対応) and 取下げ.
 */
export class FileExchangeConnector implements IntakeConnector {
  readonly id: string;

  constructor(private readonly o: FileExchangeOptions) {
    this.id = o.id ?? `csv-folder:${o.outboxDir}`;
    this.sweepStaleTemps();
  }

  /** Temporary files of writes a crash cut short: invisible to the receiver, but clutter on the share. */
  private sweepStaleTemps(): void {
    try {
      for (const n of fs.readdirSync(this.o.outboxDir)) {
        const f = path.join(this.o.outboxDir, n);
        if (n.startsWith('.') && n.endsWith('.tmp') && olderThan(f, STALE_TEMP_MS)) fs.rmSync(f, { force: true });
      }
    } catch {
      // the share is not reachable now: the next start sweeps
    }
  }

  async deliver(entry: OutboxEntry, doc: IntakeDocument): Promise<DeliveryOutcome> {
    const form = findForm(entry.formId);
    const profile = this.o.profiles.profiles[entry.formId];
    if (!form || !profile) return { kind: 'rejected', reason: `様式「${entry.formId}」の列プロファイルがありません。情報システム担当へ連絡してください。` };
    let csv: string;
    let rowCount: number;
    try {
      const rows = csvRows(profile, this.o.profiles.codeTables, doc.payload as unknown as FormPayload);
      rowCount = rows.length;
      csv = toCsv(profile.columns.map((c) => c.name), rows);
    } catch (err) {
      if (err instanceof CsvValueError) return { kind: 'rejected', reason: `${err.message}。内容または列プロファイルを確認してください。` };
      throw err;
    }
    const base = exchangeBaseName(entry.applicationNumber, entry.version);
    const manifest = buildManifest({
      applicationNumber: entry.applicationNumber,
      version: entry.version,
      cityCode: this.o.cityCode,
      gyomu: form.gyomu,
      gyomuId: this.o.profiles.gyomuIds[form.gyomu] ?? '',
      formId: entry.formId,
      formVersion: entry.formVersion,
      csvFile: `${base}.csv`,
      rowCount,
      sha256: createHash('sha256').update(csv, 'utf8').digest('hex'),
    });
    const manifestFile = path.join(this.o.outboxDir, `${base}.manifest.json`);
    const placed = await this.placedSha(manifestFile);
    const receiptNumber = base;
    // already there from an attempt whose outcome was lost: the same bytes are the same delivery
    if (placed === manifest.SHA256) return { kind: 'accepted', receiptNumber };
    if (placed !== null) return { kind: 'rejected', reason: '連携フォルダーに同じ申請番号・版の異なる内容があります。情報システム担当へ連絡してください。' };
    try {
      // the manifest's folder fsync below makes the CSV's rename durable too: one folder fsync, not two
      await writeFileAtomicAsync(path.join(this.o.outboxDir, manifest.CSVファイル名), csv, { syncDir: false });
      if (CRASH_AFTER_CSV > 0 && ++csvWritten >= CRASH_AFTER_CSV) process.kill(process.pid, 'SIGKILL');
      await writeFileAtomicAsync(manifestFile, JSON.stringify(manifest, null, 1));
    } catch (err) {
      return { kind: 'retry', offline: true, reason: storageReason(err) };
    }
    return { kind: 'accepted', receiptNumber };
  }

  /** the CSV hash of a manifest already in the outbox, or null when there is none */
  private async placedSha(file: string): Promise<string | null> {
    try {
      const m = JSON.parse(await fs.promises.readFile(file, 'utf8')) as { SHA256?: unknown };
      return typeof m.SHA256 === 'string' ? m.SHA256 : '';
    } catch {
      return null;
    }
  }

  async probe(): Promise<boolean> {
    try {
      fs.accessSync(this.o.outboxDir, fs.constants.W_OK);
      fs.accessSync(this.o.resultsDir, fs.constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }

  async pollStatus(cursor: string | null): Promise<StatusPage | null> {
    let names: string[];
    try {
      names = fs.readdirSync(this.o.resultsDir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { changes: [], cursor: cursor ?? '0' } : null;
    }
    const read: { file: string; receipt: string; kind: ResultKind; reason: string | null }[] = [];
    const unreadable: string[] = [];
    for (const name of names.sort().slice(0, RESULTS_PER_POLL)) {
      const file = path.join(this.o.resultsDir, name);
      let r: ReturnType<typeof parseResult> = null;
      try {
        r = parseResult(fs.readFileSync(file, 'utf8'));
      } catch {
        r = null;
      }
      if (r) read.push({ file, receipt: exchangeBaseName(r.applicationNumber, r.version), kind: r.kind, reason: r.reason });
      else if (olderThan(file, UNREADABLE_GRACE_MS)) unreadable.push(file);
    }
    // 取込済 before the decisions that follow it, whatever order the files were listed in
    read.sort((a, b) => Number(a.kind !== '取込済') - Number(b.kind !== '取込済'));
    const changes: StatusChange[] = [];
    const confirmations: string[] = [];
    for (const r of read) {
      const status = RESULT_STATUS[r.kind];
      if (status === null) confirmations.push(r.receipt);
      else changes.push({ receiptNumber: r.receipt, status, reason: r.reason });
    }
    return {
      changes,
      cursor: cursor ?? '0',
      confirmations,
      settle: (unknown) => {
        for (const r of read) this.setAside(r.file, unknown.has(r.receipt) ? 'unknown' : 'processed');
        for (const f of unreadable) this.setAside(f, 'unreadable');
      },
    };
  }

  private setAside(file: string, where: string): void {
    const dir = path.join(this.o.resultsDir, where);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.renameSync(file, path.join(dir, path.basename(file)));
    } catch {
      // read again next poll; applying it again changes nothing
    }
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}
