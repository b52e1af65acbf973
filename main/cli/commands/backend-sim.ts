import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { startSimServer, type SimOptions, type SimS3Exchange } from '../../backend-sim/sim-server';
import { readS3Credentials } from '../../services/sync/s3-credentials';
import { defaultDataDir } from '../../services/default-data-dir';
import { registerSimOptions, REGISTER_SIM_FLAGS, REGISTER_SIM_OPTIONS, REGISTER_SIM_USAGE } from './backend-sim-register';

function rate(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a share between 0 and 1`);
  return n;
}

function ms(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number of milliseconds`);
  return n;
}

/** `--csv-s3-endpoint …`: the simulator watches a bucket instead of a folder. */
function simS3Exchange(v: Record<string, string | boolean | undefined>): SimS3Exchange | null {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const endpoint = s('csv-s3-endpoint');
  if (!endpoint) {
    const stray = ['csv-bucket', 'csv-prefix', 'csv-credentials-file', 'csv-region'].find((k) => s(k) !== undefined);
    if (stray) throw new UsageError(`--${stray} は --csv-s3-endpoint と一緒に指定してください`);
    return null;
  }
  if (!/^https?:\/\//.test(endpoint)) throw new UsageError('--csv-s3-endpoint は http:// か https:// の URL で指定してください');
  const bucket = s('csv-bucket');
  const file = s('csv-credentials-file');
  if (!bucket || !file) throw new UsageError('--csv-s3-endpoint には --csv-bucket と --csv-credentials-file が必要です');
  const prefix = s('csv-prefix');
  if (prefix !== undefined && !/^([^/]+\/)*$/.test(prefix)) throw new UsageError('--csv-prefix は / で終わる接頭辞で指定してください（例: city/）');
  let credentials;
  try {
    credentials = readS3Credentials(path.resolve(file));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const region = s('csv-region');
  return { endpoint, bucket, credentials, ...(prefix ? { prefix } : {}), ...(region ? { region } : {}) };
}

export const backendSimCommand: CliCommand = {
  name: ['backend-sim'],
  usage:
    'backend-sim --port P --data-dir D [--review-delay-ms N] [--csv-inbox DIR --csv-results DIR | --csv-s3-endpoint URL --csv-bucket B [--csv-prefix P] --csv-credentials-file F [--csv-region R]] [--csv-unavailable-rate R] [--csv-slow-write-ms N] [--csv-duplicate-result-rate R] [--csv-late-result-rate R]] [--client-id ID --client-secret S [--token-ttl-s N]] ' +
    '[--tls-cert F --tls-key F [--client-ca F]] [--latency-ms N] [--fail-rate R] [--rate-limit-rate R] [--retry-after-s N] ' +
    '[--drop-after-commit-rate R] [--duplicate-status-rate R] [--slow-body-ms N] [--seed N] ' +
    REGISTER_SIM_USAGE,
  summary: '研修・試験用の受付システム（標準準拠システムの代わり）を起動する',
  options: [
    ['--port P', '待ち受けるポート（0 なら空いているポート）'],
    ['--data-dir D', 'シミュレーターのデータフォルダ'],
    ['--review-delay-ms N', '受理から審査結果（完了・差戻し）までの時間（ミリ秒）'],
    ['--csv-inbox DIR', 'ファイル連携: CSV とマニフェストを受け取るフォルダ（--file-inbox は同じ意味の旧名）'],
    ['--csv-results DIR', 'ファイル連携: 結果ファイル（取込済・本登録・差戻し・取込エラー）を置くフォルダ（--file-results は旧名）'],
    ['--csv-s3-endpoint URL', 'ファイル連携（S3）: S3 互換オブジェクトストレージの URL（--csv-inbox の代わり。<接頭辞>inbox/ を取り込み、<接頭辞>results/ に結果を置く）'],
    ['--csv-bucket B', 'ファイル連携（S3）: バケット名'],
    ['--csv-prefix P', 'ファイル連携（S3）: キーの接頭辞（/ で終わる。省略時はバケットの直下）'],
    ['--csv-credentials-file F', 'ファイル連携（S3）: {"accessKeyId","secretAccessKey"} の JSON ファイル（0600）'],
    ['--csv-region R', 'ファイル連携（S3）: 署名に使うリージョン（既定 us-east-1）'],
    ['--csv-unavailable-rate R', '障害訓練: 連携先（フォルダー・バケット）に届かない取込周期の割合（0〜1）'],
    ['--csv-slow-write-ms N', '障害訓練: 結果ファイル一つの書き込みにかける時間（ミリ秒）'],
    ['--csv-duplicate-result-rate R', '障害訓練: 同じ結果ファイルを別名でもう一度置く割合（0〜1）'],
    ['--csv-late-result-rate R', '障害訓練: 最終結果の後に古い取込済をもう一度置く割合（0〜1）'],
    ['--client-id ID', 'OAuth クライアント ID（指定するとトークンが必要になる）'],
    ['--client-secret S', 'OAuth クライアントシークレット'],
    ['--token-ttl-s N', '発行するアクセストークンの有効期間（秒）'],
    ['--tls-cert F', 'TLS サーバー証明書（PEM）'],
    ['--tls-key F', 'TLS 秘密鍵（PEM）'],
    ['--client-ca F', 'クライアント証明書を検証する CA（PEM、相互 TLS）'],
    ['--latency-ms N', '障害訓練: 応答を遅らせる時間（ミリ秒）'],
    ['--fail-rate R', '障害訓練: 503 を返す割合（0〜1）'],
    ['--rate-limit-rate R', '障害訓練: 429 を返す割合（0〜1）'],
    ['--retry-after-s N', '429 に付ける Retry-After（秒）'],
    ['--drop-after-commit-rate R', '障害訓練: 受け付けた後に接続を切る割合（0〜1）'],
    ['--duplicate-status-rate R', '障害訓練: 同じ結果を二度返す割合（0〜1）'],
    ['--slow-body-ms N', '障害訓練: 応答本文を遅く送る時間（ミリ秒）'],
    ['--seed N', '障害の出方を再現するための乱数の種'],
    ...REGISTER_SIM_OPTIONS,
  ],
  async run(argv) {
    const { values: v } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        'review-delay-ms': { type: 'string' },
        'file-inbox': { type: 'string' },
        'file-results': { type: 'string' },
        'csv-inbox': { type: 'string' },
        'csv-results': { type: 'string' },
        'csv-s3-endpoint': { type: 'string' },
        'csv-bucket': { type: 'string' },
        'csv-prefix': { type: 'string' },
        'csv-credentials-file': { type: 'string' },
        'csv-region': { type: 'string' },
        'csv-unavailable-rate': { type: 'string' },
        'csv-slow-write-ms': { type: 'string' },
        'csv-duplicate-result-rate': { type: 'string' },
        'csv-late-result-rate': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'token-ttl-s': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'client-ca': { type: 'string' },
        'latency-ms': { type: 'string' },
        'fail-rate': { type: 'string' },
        'rate-limit-rate': { type: 'string' },
        'retry-after-s': { type: 'string' },
        'drop-after-commit-rate': { type: 'string' },
        'duplicate-status-rate': { type: 'string' },
        'slow-body-ms': { type: 'string' },
        seed: { type: 'string' },
        ...REGISTER_SIM_FLAGS,
      },
    });
    const port = Number(v.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
    const inbox = v['csv-inbox'] ?? v['file-inbox'];
    const results = v['csv-results'] ?? v['file-results'];
    if (Boolean(inbox) !== Boolean(results)) throw new UsageError('--csv-inbox and --csv-results go together');
    const s3 = simS3Exchange(v);
    if (s3 && inbox) throw new UsageError('--csv-inbox と --csv-s3-endpoint はどちらか一方だけ指定してください');
    const exchangeFaults = {
      unavailableRate: rate('csv-unavailable-rate', v['csv-unavailable-rate']),
      slowWriteMs: ms('csv-slow-write-ms', v['csv-slow-write-ms']),
      duplicateResultRate: rate('csv-duplicate-result-rate', v['csv-duplicate-result-rate']),
      lateResultRate: rate('csv-late-result-rate', v['csv-late-result-rate']),
      seed: v.seed === undefined ? undefined : Number(v.seed),
    };
    if (Boolean(v['client-id']) !== Boolean(v['client-secret'])) throw new UsageError('--client-id and --client-secret go together');
    if (Boolean(v['tls-cert']) !== Boolean(v['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
    const opts: SimOptions = {
      port,
      dataDir: path.resolve(v['data-dir'] ?? path.join(defaultDataDir(), 'backend-sim')),
      faults: {
        latencyMs: ms('latency-ms', v['latency-ms']),
        failRate: rate('fail-rate', v['fail-rate']),
        rateLimitRate: rate('rate-limit-rate', v['rate-limit-rate']),
        retryAfterS: v['retry-after-s'] === undefined ? undefined : Number(v['retry-after-s']),
        dropAfterCommitRate: rate('drop-after-commit-rate', v['drop-after-commit-rate']),
        duplicateStatusRate: rate('duplicate-status-rate', v['duplicate-status-rate']),
        slowBodyMs: ms('slow-body-ms', v['slow-body-ms']),
        seed: v.seed === undefined ? undefined : Number(v.seed),
      },
      ...(v['review-delay-ms'] !== undefined ? { reviewDelayMs: ms('review-delay-ms', v['review-delay-ms'])! } : {}),
      ...(inbox && results ? { files: { inboxDir: path.resolve(inbox), resultsDir: path.resolve(results), faults: exchangeFaults } } : {}),
      ...(s3 ? { files: { s3, faults: exchangeFaults } } : {}),
      ...(v['client-id'] && v['client-secret']
        ? { auth: { clientId: v['client-id'], clientSecret: v['client-secret'], ...(v['token-ttl-s'] ? { tokenTtlS: Number(v['token-ttl-s']) } : {}) } }
        : {}),
      ...registerSimOptions(v),
      ...(v['tls-cert'] && v['tls-key'] ? { tls: { certFile: v['tls-cert'], keyFile: v['tls-key'], ...(v['client-ca'] ? { clientCaFile: v['client-ca'] } : {}) } } : {}),
    };
    const sim = await startSimServer(opts);
    process.stdout.write(`backend-sim listening: ${sim.url}\n`);
    const stop = () => void sim.close().finally(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
};
