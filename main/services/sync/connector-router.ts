import path from 'node:path';
import type { IntakeConnector } from './intake-connector';
import { ConfigError, type Config, type ConnectorConfig } from '../config';
import { HttpIntakeConnector } from './http-intake-connector';
import { FileExchangeConnector } from './file-exchange-connector';
import { FolderExchangeArea } from './folder-exchange-area';
import { s3Client, S3ExchangeArea } from './s3-exchange-area';
import { readS3Credentials } from './s3-credentials';
import { S3_INBOX, S3_RESULTS } from './file-exchange-format';
import { loadCsvProfiles } from './csv-profiles-file';
import type { CsvProfileSet } from '../../../common/forms/csv-profile';
import { findForm } from '../../../common/forms/registry';

/** What a connector may need beyond its own config entry. */
export interface ConnectorContext {
  dataDir: string;
  config: Config;
  /** the city's column profiles, loaded (and checked) once for every file connector */
  profiles: () => CsvProfileSet;
}

export function connectorContext(dataDir: string, config: Config): ConnectorContext {
  let profiles: CsvProfileSet | null = null;
  return { dataDir, config, profiles: () => (profiles ??= loadCsvProfiles(dataDir)) };
}

/** Fault-injection seams for drills and tests (production passes none). */
export interface ConnectorHooks {
  /** file exchange: after an application's CSV is stored, before its manifest */
  afterCsv?: () => void | Promise<void>;
}

export function isHttpConnector(c: ConnectorConfig): c is Extract<ConnectorConfig, { type: 'http' | 'ichimado-http' }> {
  return c.type === 'http' || c.type === 'ichimado-http';
}

/** Where a connector delivers, for the app's info line: a URL, a folder or `s3://bucket/prefix` at its endpoint. */
export function connectorTarget(c: ConnectorConfig): string {
  if (isHttpConnector(c)) return c.baseUrl;
  if (c.type === 'csv-folder') return c.outboxDir;
  return `s3://${c.bucket}/${c.prefix ?? ''}${S3_INBOX} (${c.endpoint})`;
}

export function buildConnector(c: ConnectorConfig, ctx: ConnectorContext, hooks: ConnectorHooks = {}): IntakeConnector {
  if (isHttpConnector(c)) {
    return new HttpIntakeConnector({ baseUrl: c.baseUrl, ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}), ...(c.auth ? { auth: c.auth } : {}), ...(c.tls ? { tls: c.tls } : {}) });
  }
  const cityCode = ctx.config.city?.code;
  if (!cityCode) throw new ConfigError(`ファイル連携（${c.type}）には設定ファイルの city.code（団体コード 6 桁）が必要です。`);
  const common = { profiles: ctx.profiles(), cityCode, ...(hooks.afterCsv ? { afterCsv: hooks.afterCsv } : {}) };
  if (c.type === 'csv-folder') {
    const outboxDir = path.resolve(ctx.dataDir, c.outboxDir);
    return new FileExchangeConnector({
      ...common,
      id: `csv-folder:${outboxDir}`,
      outbox: new FolderExchangeArea(outboxDir),
      results: new FolderExchangeArea(path.resolve(ctx.dataDir, c.resultsDir)),
    });
  }
  const credentials = readS3Credentials(path.resolve(ctx.dataDir, c.credentialsFile));
  const client = s3Client({ endpoint: c.endpoint, bucket: c.bucket, region: c.region, caFile: c.caFile && path.resolve(ctx.dataDir, c.caFile) }, credentials);
  const prefix = c.prefix ?? '';
  return new FileExchangeConnector({
    ...common,
    id: `csv-s3:${c.endpoint.replace(/\/+$/, '')}/${c.bucket}/${prefix}`,
    outbox: new S3ExchangeArea(client, c.bucket, `${prefix}${S3_INBOX}`),
    results: new S3ExchangeArea(client, c.bucket, `${prefix}${S3_RESULTS}`),
  });
}

/** Which back end receives a form: chosen per standardized 業務, with a default. */
export class ConnectorRouter {
  constructor(
    private readonly fallback: IntakeConnector,
    private readonly byGyomu: ReadonlyMap<string, IntakeConnector> = new Map(),
    private readonly gyomuOf: (formId: string) => string | undefined = () => undefined,
  ) {}

  static single(c: IntakeConnector): ConnectorRouter {
    return new ConnectorRouter(c);
  }

  /** The default connector and the per-業務 ones of `config.json`. */
  static fromConfig(fallback: ConnectorConfig, ctx: ConnectorContext, hooks: ConnectorHooks = {}): ConnectorRouter {
    const byGyomu = new Map(Object.entries(ctx.config.connectors?.byGyomu ?? {}).map(([g, c]) => [g, buildConnector(c, ctx, hooks)]));
    return new ConnectorRouter(buildConnector(fallback, ctx, hooks), byGyomu, (formId) => findForm(formId)?.gyomu);
  }

  forForm(formId: string): IntakeConnector {
    const g = this.gyomuOf(formId);
    return (g !== undefined ? this.byGyomu.get(g) : undefined) ?? this.fallback;
  }

  all(): IntakeConnector[] {
    return [...new Set([this.fallback, ...this.byGyomu.values()])];
  }

  close(): void {
    for (const c of this.all()) c.close?.();
  }
}
