import { createHash } from 'node:crypto';
import type { IntakeConnector, DeliveryOutcome, IntakeDocument, StatusPage } from './intake-connector';
import type { OutboxEntry, StatusChange } from '../store/application-repository';
import { csvRows, toCsv, CsvValueError, type CsvProfileSet } from '../../../common/forms/csv-profile';
import type { FormPayload } from '../../../common/forms/payload';
import { findForm } from '../../../common/forms/registry';
import { buildManifest, exchangeBaseName, parseManifest, parseResult, RESULT_STATUS, type ResultKind } from './file-exchange-format';
import type { ExchangeArea } from './exchange-area';

export interface FileExchangeOptions {
  /** where `<申請番号>_v<版>.csv` and its `.manifest.json` are placed for the back end */
  outbox: ExchangeArea;
  /** where the back end leaves one result file per application and event */
  results: ExchangeArea;
  profiles: CsvProfileSet;
  /** 団体コード (全国地方公共団体コード, 6 digits) */
  cityCode: string;
  /** stable name of this exchange (the status cursor and each application's delivered_via) */
  id: string;
  /**
   * Fault-injection seam for the crash drills: called after an application's CSV is stored and
   * before its manifest, the exact instant the exchange must survive (a drill kills the process
   * or stops the storage here). Production passes nothing.
   */
  afterCsv?: () => void | Promise<void>;
}

/** what placedSha answers for an object under a manifest's name that is no manifest */
const UNREADABLE = '\u0000unreadable';
/** result files read per poll: a backlog is worked off over several polls, none blocks the loop long */
const RESULTS_PER_POLL = 500;
/** a result file still unreadable after this long is not being written: set it aside */
const UNREADABLE_GRACE_MS = 60_000;

/**
 * File exchange (ファイル連携), the standards' default between systems: per application a CSV of
 * 基本データリスト items and a manifest, each stored whole, the manifest last — the receiver acts on
 * manifests only, so a crash or an outage between the two leaves nothing it would read, and the retry
 * writes the same bytes again. Handing the files over is the delivery (送信済); the back end's result
 * files, pulled from the results area, bring 受理 (取込済), 完了, 差戻し, 取込エラー (要対応) and 取下げ.
 * The same rules over every storage: a folder or an S3 bucket (exchange-area.ts).
 */
export class FileExchangeConnector implements IntakeConnector {
  readonly id: string;

  constructor(private readonly o: FileExchangeOptions) {
    this.id = o.id;
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
    const manifestName = `${base}.manifest.json`;
    const receiptNumber = base;
    try {
      const placed = await this.placedSha(manifestName);
      // already there from an attempt whose outcome was lost: the same bytes are the same delivery
      if (placed === manifest.SHA256) return { kind: 'delivered', receiptNumber };
      // Something under the manifest's name that is no manifest is not a delivery a receiver could act
      // on: a write cut short on a storage that keeps partial objects (s3rver does when the sender is
      // killed mid-PUT; S3 itself never does), or one being taken away by the receiver's import.
      // Writing the pair again heals it; calling it a conflict would leave the clerk a 要対応 for nothing.
      if (placed !== null && placed !== UNREADABLE) return { kind: 'rejected', reason: `連携先（${this.o.outbox.where}）に同じ申請番号・版の異なる内容があります。情報システム担当へ連絡してください。` };
      await this.o.outbox.write(manifest.CSVファイル名, csv, { durableWithNext: true });
      await this.o.afterCsv?.();
      await this.o.outbox.write(manifestName, JSON.stringify(manifest, null, 1));
    } catch (err) {
      return { kind: 'retry', ...this.o.outbox.explain(err) };
    }
    return { kind: 'delivered', receiptNumber };
  }

  /** the CSV hash of a manifest already in the outbox, null when there is none, UNREADABLE when it is not a manifest */
  private async placedSha(name: string): Promise<string | null> {
    // almost always absent (a first attempt): asked without fetching; read only when there is one
    if (!(await this.o.outbox.exists(name))) return null;
    const bytes = await this.o.outbox.read(name);
    if (bytes === null) return null;
    const m = parseManifest(bytes.toString('utf8'));
    return m ? m.SHA256 : UNREADABLE;
  }

  async probe(): Promise<boolean> {
    const [out, res] = await Promise.all([this.o.outbox.probe(), this.o.results.probe()]);
    return out && res;
  }

  async pollStatus(cursor: string | null): Promise<StatusPage | null> {
    let names: { name: string; modifiedMs: number }[];
    try {
      names = (await this.o.results.list()).filter((e) => e.name.endsWith('.json'));
    } catch {
      return null;
    }
    const read: { name: string; receipt: string; kind: ResultKind; reason: string | null }[] = [];
    const unreadable: string[] = [];
    const page = names.sort((a, b) => (a.name < b.name ? -1 : 1)).slice(0, RESULTS_PER_POLL);
    await Promise.all(
      page.map(async ({ name, modifiedMs }) => {
        let r: ReturnType<typeof parseResult> = null;
        try {
          const bytes = await this.o.results.read(name);
          r = bytes ? parseResult(bytes.toString('utf8')) : null;
        } catch {
          r = null;
        }
        if (r) read.push({ name, receipt: exchangeBaseName(r.applicationNumber, r.version), kind: r.kind, reason: r.reason });
        else if (Date.now() - modifiedMs > UNREADABLE_GRACE_MS) unreadable.push(name);
      }),
    );
    // 取込済 before the decisions that follow it, whatever order the files were listed in
    read.sort((a, b) => Number(a.kind !== '取込済') - Number(b.kind !== '取込済') || (a.name < b.name ? -1 : 1));
    const changes: StatusChange[] = read.map((r) => ({ receiptNumber: r.receipt, status: RESULT_STATUS[r.kind], reason: r.reason }));
    return {
      changes,
      cursor: cursor ?? '0',
      settle: async (unknown) => {
        await Promise.all([
          ...read.map((r) => this.setAside(r.name, unknown.has(r.receipt) ? 'unknown' : 'processed')),
          ...unreadable.map((n) => this.setAside(n, 'unreadable')),
        ]);
      },
    };
  }

  private async setAside(name: string, where: string): Promise<void> {
    try {
      await this.o.results.setAside(name, where);
    } catch {
      // read again next poll; applying it again changes nothing
    }
  }

  close(): void {
    this.o.outbox.close?.();
    this.o.results.close?.();
  }
}
