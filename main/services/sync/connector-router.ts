import type { IntakeConnector } from './intake-connector';
import type { ConnectorConfig } from '../config';
import { HttpIntakeConnector } from './http-intake-connector';
import { FileExchangeConnector } from './file-exchange-connector';

export function buildConnector(c: ConnectorConfig): IntakeConnector {
  return c.type === 'http'
    ? new HttpIntakeConnector({ baseUrl: c.baseUrl, ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}), ...(c.auth ? { auth: c.auth } : {}), ...(c.tls ? { tls: c.tls } : {}) })
    : new FileExchangeConnector({ outboxDir: c.outboxDir, resultsDir: c.resultsDir, ...(c.receiptTimeoutMs ? { receiptTimeoutMs: c.receiptTimeoutMs } : {}) });
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

  forForm(formId: string): IntakeConnector {
    const g = this.gyomuOf(formId);
    return (g !== undefined ? this.byGyomu.get(g) : undefined) ?? this.fallback;
  }

  all(): IntakeConnector[] {
    return [...new Set([this.fallback, ...this.byGyomu.values()])];
  }
}
