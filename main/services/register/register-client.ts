import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { Logger } from '../log';
import type { RegisterConfig } from '../config';
import { fail, ok, type Result } from '../../../common/contract/result';
import { mappingScopes, type RegisterMapping, type RegisterResource } from '../../../common/register/register-mapping';
import type { RegisterHousehold, RegisterPersonView, RegisterStatusView, SearchResidentsQuery } from '../../../common/contract/register-operations';
import { createAgent, httpRequest, HttpTransportError, type HttpResponse } from '../sync/http-client';
import { registerTokens, RegisterAuthError, type RegisterTokens } from './register-token';
import { checkPersons, checkStatus, type AnswerProblem, type Checked } from './register-answer';
import { loadRegisterMapping } from './register-mapping-file';

/**
 * The counter's client of the 住民基本台帳 lookup API (PULL): JSON over HTTPS with TLS verified, OAuth 2.0
 * Client Credentials (register-token.ts). A 401 gets one new token and one retry; a second 401 is a 認証
 * problem. Every failure is a value with a Japanese message saying manual entry goes on, plus a log line
 * with codes and item names only. Nothing is cached: what the clerk picks goes into the case, nothing else.
 */
export const REGISTER_DEFAULT_TIMEOUT_MS = 10_000;

const MANUAL = '手入力で続けられます。';
export const REGISTER_MESSAGES = {
  offline: `住民基本台帳システムに接続できません。${MANUAL}`,
  timeout: `住民基本台帳システムの応答がありません（タイムアウト）。${MANUAL}`,
  auth: `住民基本台帳システムの認証に失敗しました（認証情報が受け付けられません）。情報担当にクライアント ID とシークレットの確認を依頼してください。${MANUAL}`,
  secret: `住基照会のシークレットファイルを読めません。情報担当に設定の確認を依頼してください。${MANUAL}`,
} as const;

const PROBLEM_WORDS: Record<AnswerProblem['problem'], string> = {
  'not-json': '形式が JSON ではありません',
  'no-list': '一覧がありません',
  missing: 'が欠けています',
  'not-string': 'の形式が違います',
  'bad-date': 'の日付の形式が違います',
  'unknown-code': 'に知らないコードがあります',
};

class SecretFileError extends Error {}

export class RegisterClient {
  private readonly base: string;
  private readonly agent: http.Agent;
  private readonly tokens: RegisterTokens;
  private readonly timeoutMs: number;

  constructor(
    cfg: RegisterConfig,
    /** relative file names in the config are taken from the data dir, beside config.json */
    dataDir: string,
    private readonly log: Logger,
    readonly mapping: RegisterMapping = loadRegisterMapping(cfg.mappingFile && path.resolve(dataDir, cfg.mappingFile)),
  ) {
    this.base = cfg.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = cfg.timeoutMs ?? REGISTER_DEFAULT_TIMEOUT_MS;
    this.agent = createAgent({ caFile: cfg.caFile && path.resolve(dataDir, cfg.caFile) }, this.base);
    const secretFile = path.resolve(dataDir, cfg.clientSecretFile);
    this.tokens = registerTokens({
      tokenUrl: cfg.tokenUrl ?? `${this.base}/oauth2/token`,
      clientId: cfg.clientId,
      method: cfg.auth ?? 'client_secret_jwt',
      scopes: mappingScopes(this.mapping),
      agent: this.agent,
      timeoutMs: this.timeoutMs,
      readSecret: () => {
        try {
          return fs.readFileSync(secretFile, 'utf8').trim();
        } catch (err) {
          throw new SecretFileError((err as NodeJS.ErrnoException).code ?? 'error');
        }
      },
    });
  }

  async searchResidents(q: SearchResidentsQuery): Promise<Result<RegisterPersonView[]>> {
    const i = this.mapping.items;
    const params: Record<string, string> =
      q.by === 'name' ? { [i.name]: q.name, [i.birthDate]: q.birthDate }
      : q.by === 'kana' ? { [i.kana]: q.kana, [i.birthDate]: q.birthDate }
      : q.by === 'address' ? { [i.address]: q.address }
      : { [i.residentCode]: q.residentCode };
    return this.lookup('residents', params, (body) => checkPersons(body, 'residents', this.mapping));
  }

  async household(residentCode: string): Promise<Result<RegisterPersonView[]>> {
    return this.lookup('household', { [this.mapping.items.residentCode]: residentCode }, (body) => checkPersons(body, 'household', this.mapping), true);
  }

  async status(residentCode: string): Promise<Result<RegisterStatusView | null>> {
    return this.lookup('status', { [this.mapping.items.residentCode]: residentCode }, (body) => checkStatus(body, 'status', this.mapping), true);
  }

  /** The household of a resident and, where the register answers them, each member's 国保/介護/後期高齢/年金 status. */
  async householdWithStatus(residentCode: string): Promise<Result<RegisterHousehold>> {
    const persons = await this.household(residentCode);
    if (!persons.ok) return persons;
    const statuses: RegisterStatusView[] = [];
    let statusNote: string | undefined;
    for (const p of persons.value) {
      const s = await this.status(p.residentCode);
      if (!s.ok) {
        statusNote = `保険・年金の資格は取得できませんでした: ${s.error.message}`;
        break;
      }
      if (s.value) statuses.push(s.value);
    }
    return ok({ persons: persons.value, statuses, ...(statusNote ? { statusNote } : {}) });
  }

  private async lookup<T>(resource: RegisterResource, params: Record<string, string>, check: (body: string) => Checked<T>, notFoundIsEmpty = false): Promise<Result<T>> {
    const r = this.mapping.resources[resource];
    const url = `${this.base}${encodeURI(r.path)}?${new URLSearchParams(params).toString()}`;
    let res: HttpResponse;
    try {
      res = await this.call(url);
    } catch (err) {
      return this.transportFailure(resource, err);
    }
    if (res.status === 401) {
      this.log('warn', 'register.auth_refused', { resource, stage: 'api', status: 401 });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'auth', message: REGISTER_MESSAGES.auth });
    }
    if (res.status === 403) {
      this.log('warn', 'register.forbidden', { resource, scope: r.scope });
      return fail({
        code: 'REGISTER_UNAVAILABLE',
        reason: 'scope',
        message: `住民基本台帳システムがこの照会を許可していません（権限 ${r.scope} がありません）。情報担当に確認を依頼してください。${MANUAL}`,
      });
    }
    if (res.status === 404 && notFoundIsEmpty) return fail({ code: 'NOT_FOUND', message: '住民基本台帳に該当する住民がいません。' });
    if (res.status !== 200) {
      this.log('warn', 'register.refused', { resource, status: res.status });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'refused', message: `住民基本台帳システムが照会を受け付けませんでした（HTTP ${res.status}）。${MANUAL}` });
    }
    const checked = check(res.body);
    if (!checked.ok) {
      const p = checked.problem;
      this.log('error', 'register.answer_invalid', { ...p });
      return fail({
        code: 'REGISTER_UNAVAILABLE',
        reason: 'answer',
        message: `住民基本台帳システムの回答に不備があります（${p.item ? `${p.item} ` : ''}${PROBLEM_WORDS[p.problem]}）。${MANUAL}`,
      });
    }
    return ok(checked.value);
  }

  /** GET with the current token; a 401 fetches one new token and tries once more. */
  private async call(url: string): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.token();
      const res = await httpRequest(url, { method: 'GET', agent: this.agent, timeoutMs: this.timeoutMs, headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
      if (res.status !== 401 || attempt > 0) return res;
      this.tokens.invalidate();
    }
  }

  private transportFailure(resource: RegisterResource, err: unknown): Result<never> {
    if (err instanceof RegisterAuthError) {
      this.log('warn', 'register.auth_refused', { resource, stage: 'token', detail: err.message });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'auth', message: REGISTER_MESSAGES.auth });
    }
    if (err instanceof SecretFileError) {
      this.log('error', 'register.secret_unreadable', { code: err.message });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'config', message: REGISTER_MESSAGES.secret });
    }
    if (err instanceof HttpTransportError) {
      this.log('warn', 'register.offline', { resource, kind: err.kind, detail: err.message });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'offline', message: err.kind === 'timeout' ? REGISTER_MESSAGES.timeout : REGISTER_MESSAGES.offline });
    }
    this.log('error', 'register.failed', { resource, detail: err instanceof Error ? err.name : 'unknown' });
    return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'failed', message: `住民基本台帳の照会に失敗しました。${MANUAL}` });
  }
}

/** The client made on first use and kept (its token cache lives as long as the app). */
export function registerClient(cfg: RegisterConfig, dataDir: string, log: Logger): () => RegisterClient {
  let client: RegisterClient | null = null;
  return () => (client ??= new RegisterClient(cfg, dataDir, log));
}
