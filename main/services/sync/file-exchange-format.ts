import type { StatusChange } from '../store/application-repository';

/**
 * The files of ichimado's file exchange, shared by the counter and the simulator. The standards fix
 * CSV with 基本データリスト names; the manifest, the file names and the result files are our choice
 * (the standards are silent on them).
 */
export const MANIFEST_FORMAT = 'ichimado-csv-manifest/1';

/** In a bucket, under the configured prefix: what the counter sends, and what the back end answers. */
export const S3_INBOX = 'inbox/';
export const S3_RESULTS = 'results/';

/** `<申請番号>_v<版>`: the stem of an application's CSV, manifest and results, and its receipt here */
export function exchangeBaseName(applicationNumber: string, version: number): string {
  return `${applicationNumber}_v${version}`;
}

export interface Manifest {
  形式: typeof MANIFEST_FORMAT;
  申請番号: string;
  /** 1, then +1 for each correction after 差戻し */
  版: number;
  団体コード: string;
  業務ID: string;
  業務名: string;
  様式ID: string;
  様式版: number;
  CSVファイル名: string;
  /** data rows, the header not counted */
  行数: number;
  /** of the CSV file's bytes, hex */
  SHA256: string;
}

export function buildManifest(m: {
  applicationNumber: string; version: number; cityCode: string; gyomu: string; gyomuId: string;
  formId: string; formVersion: number; csvFile: string; rowCount: number; sha256: string;
}): Manifest {
  return {
    形式: MANIFEST_FORMAT,
    申請番号: m.applicationNumber,
    版: m.version,
    団体コード: m.cityCode,
    業務ID: m.gyomuId,
    業務名: m.gyomu,
    様式ID: m.formId,
    様式版: m.formVersion,
    CSVファイル名: m.csvFile,
    行数: m.rowCount,
    SHA256: m.sha256,
  };
}

export function parseManifest(text: string): Manifest | null {
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    const ok =
      m.形式 === MANIFEST_FORMAT && typeof m.申請番号 === 'string' && /^[0-9A-Za-z-]{1,64}$/.test(m.申請番号) &&
      Number.isInteger(m.版) && (m.版 ?? 0) >= 1 && typeof m.様式ID === 'string' && Number.isInteger(m.様式版) &&
      typeof m.CSVファイル名 === 'string' && !/[\\/]/.test(m.CSVファイル名) && Number.isInteger(m.行数) && typeof m.SHA256 === 'string';
    return ok ? (m as Manifest) : null;
  } catch {
    return null;
  }
}

/** What a back end reports per application (one file per event). */
export const RESULT_KINDS = ['取込済', '本登録', '取込エラー', '差戻し', '取下げ'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/**
 * How each result shows at the counter. The hand-over itself is only 送信済; 取込済 (仮登録) → 受理;
 * 本登録 → 完了; 取込エラー → 要対応 (the clerk corrects and resubmits); 差戻し; 取下げ → 取消.
 */
export const RESULT_STATUS: Record<ResultKind, StatusChange['status']> = {
  取込済: 'accepted',
  本登録: 'completed',
  取込エラー: 'failed',
  差戻し: 'returned',
  取下げ: 'cancelled',
};

export interface ResultFile {
  申請番号: string;
  版: number;
  結果: ResultKind;
  理由?: string;
  日時: string;
}

export function resultFileName(applicationNumber: string, version: number, kind: ResultKind): string {
  const ascii: Record<ResultKind, string> = { 取込済: 'imported', 本登録: 'registered', 取込エラー: 'import-error', 差戻し: 'returned', 取下げ: 'withdrawn' };
  return `${exchangeBaseName(applicationNumber, version)}.${ascii[kind]}.json`;
}

export function parseResult(text: string): { applicationNumber: string; version: number; kind: ResultKind; reason: string | null } | null {
  const r = JSON.parse(text) as Partial<ResultFile>;
  if (typeof r.申請番号 !== 'string' || !Number.isInteger(r.版) || !(RESULT_KINDS as readonly string[]).includes(r.結果 ?? '')) return null;
  return { applicationNumber: r.申請番号, version: r.版!, kind: r.結果!, reason: typeof r.理由 === 'string' ? r.理由 : null };
}
