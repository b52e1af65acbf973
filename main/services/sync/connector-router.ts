import path from 'node:path';
import type { IntakeConnector } from './intake-connector';
import { ConfigError, type Config, type ConnectorConfig } from '../config';
import { HttpIntakeConnector } from './http-intake-connector';
import { FileExchangeConnector } from './file-exchange-connector';
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

export function isHttpConnector(c: ConnectorConfig): c is Extract<ConnectorConfig, { type: 'http' | 'ichimado-http' }> {
  return c.type === 'http' || c.type === 'ichimado-http';
}

export function buildConnector(c: ConnectorConfig, ctx: ConnectorContext): IntakeConnector {
  if (isHttpConnector(c)) {
    return new HttpIntakeConnector({ baseUrl: c.baseUrl, ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}), ...(c.auth ? { auth: c.auth } : {}), ...(c.tls ? { tls: c.tls } : {}) });
  }
  const cityCode = ctx.config.city?.code;
  if (!cityCode) throw new ConfigError('ファイル連携（csv-folder）には設定ファイルの city.code（団体コード 6 桁）が必要です。');
  return new FileExchangeConnector({
    outboxDir: path.resolve(ctx.dataDir, c.outboxDir),
    resultsDir: path.resolve(ctx.dataDir, c.resultsDir),
    profiles: ctx.profiles(),
    cityCode,
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
  static fromConfig(fallback: ConnectorConfig, ctx: ConnectorContext): ConnectorRouter {
    const byGyomu = new Map(Object.entries(ctx.config.connectors?.byGyomu ?? {}).map(([g, c]) => [g, buildConnector(c, ctx)]));
    return new ConnectorRouter(buildConnector(fallback, ctx), byGyomu, (formId) => findForm(formId)?.gyomu);
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
