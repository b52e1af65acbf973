import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INSECURE_BACKEND_MESSAGE, isAllowedBackendUrl } from './backend-url-rule';

/** `<data-dir>/config.json`, written by the city's IT staff. Every key is optional. */
const HttpUrl = z.url({ protocol: /^https?$/ }).refine(isAllowedBackendUrl, { message: INSECURE_BACKEND_MESSAGE });
const Tls = z.strictObject({ caFile: z.string().optional(), certFile: z.string().optional(), keyFile: z.string().optional() });
const Auth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer'), token: z.string().optional(), tokenFile: z.string().optional() }),
  z.strictObject({
    type: z.literal('client-credentials'),
    tokenUrl: HttpUrl,
    clientId: z.string(),
    clientSecret: z.string().optional(),
    clientSecretFile: z.string().optional(),
  }),
]);
const HttpIntake = { baseUrl: HttpUrl, timeoutMs: z.number().int().min(100).optional(), auth: Auth.optional(), tls: Tls.optional() };
export const ConnectorConfig = z.discriminatedUnion('type', [
  /** a vendor's JSON intake API (ours): `ichimado-http`; `http` is its older spelling */
  z.strictObject({ type: z.literal('ichimado-http'), ...HttpIntake }),
  z.strictObject({ type: z.literal('http'), ...HttpIntake }),
  /** ファイル連携 to a folder (an SMB share mounted on the PC); relative paths are under the data dir */
  z.strictObject({ type: z.literal('csv-folder'), outboxDir: z.string().min(1), resultsDir: z.string().min(1) }),
  /** ファイル連携 to S3-compatible object storage: `<prefix>inbox/` for applications, `<prefix>results/` for results */
  z.strictObject({
    type: z.literal('csv-s3'),
    endpoint: HttpUrl,
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
    prefix: z.string().regex(/^([^/]+\/)*$/).optional(),
    /** `{ "accessKeyId", "secretAccessKey" }`, 0600; relative to the data dir */
    credentialsFile: z.string().min(1),
    region: z.string().min(1).max(64).optional(),
    /** the city's private CA for an https endpoint */
    caFile: z.string().min(1).optional(),
  }),
]);
export type ConnectorConfig = z.infer<typeof ConnectorConfig>;

/** The 住民基本台帳 lookup (PULL API of the register owner); see main/services/register/. */
export const RegisterConfig = z.strictObject({
  baseUrl: HttpUrl,
  /** default `<baseUrl>/oauth2/token` */
  tokenUrl: HttpUrl.optional(),
  clientId: z.string().min(1).max(200),
  /** the shared client secret, in a file only this PC's account can read */
  clientSecretFile: z.string().min(1),
  /** `client_secret_jwt` (RFC 7523) as the standards ask; `client_secret_basic` is their interim allowance */
  auth: z.enum(['client_secret_jwt', 'client_secret_basic']).optional(),
  /** the city's private CA, added to the bundled roots; verification is never turned off */
  caFile: z.string().min(1).optional(),
  /** resource names and item names (common/register/register-mapping.ts); default 基本データリスト データ項目名称 */
  mappingFile: z.string().min(1).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export type RegisterConfig = z.infer<typeof RegisterConfig>;

export const ConfigSchema = z.strictObject({
  /** shorthand for `connectors.default = { type: 'http', baseUrl }` */
  backendUrl: HttpUrl.optional(),
  connectors: z
    .strictObject({
      default: ConnectorConfig.optional(),
      /** per standardized 業務 (e.g. "国民健康保険"), overriding the default */
      byGyomu: z.record(z.string(), ConnectorConfig).optional(),
    })
    .optional(),
  sync: z
    .strictObject({
      concurrency: z.number().int().min(1).max(32).optional(),
      backoffBaseMs: z.number().int().min(10).optional(),
      backoffCapMs: z.number().int().min(100).optional(),
      probeIntervalMs: z.number().int().min(100).optional(),
      statusPollMs: z.number().int().min(100).optional(),
    })
    .optional(),
  register: RegisterConfig.optional(),
  /** days personal data of finished applications is kept (default 7) */
  retentionDays: z.number().int().min(1).max(3650).optional(),
  /** days an open visit case nobody touches is kept before it is deleted as abandoned (default 30) */
  abandonedCaseDays: z.number().int().min(1).max(3650).optional(),
  /** the city this counter serves: 都道府県 and 市区町村 as its addresses begin (see common/domain/city.ts) */
  city: z
    .strictObject({
      prefecture: z.string().regex(/^\S{2,4}[都道府県]$/u),
      municipality: z.string().regex(/^\S{1,20}[市区町村]$/u),
      /** 団体コード (全国地方公共団体コード, 6 digits with its check digit): the file exchange's manifests need it */
      code: z.string().regex(/^\d{6}$/).optional(),
    })
    .optional(),
  /** folder the counter's scanner saves card scans into; offered to the clerk, deleted once read */
  scannerDropDir: z.string().min(1).optional(),
  /**
   * the resident-facing screen (Electron): `display` is the display facing the resident, 1 = the first the
   * system lists; default the first display that is not the primary one, else a window the clerk moves
   */
  residentScreen: z.strictObject({ display: z.number().int().min(1).max(16).optional() }).optional(),
  /** this counter PC's name in the audit trail (default: the host name) */
  terminalId: z.string().regex(/^[0-9A-Za-z._-]{1,64}$/).optional(),
  /** idle minutes before the screen locks itself (default 5) */
  lockAfterMinutes: z.number().int().min(1).max(60).optional(),
  /** years the audit trail is kept (default 7) */
  auditRetentionYears: z.number().int().min(1).max(30).optional(),
  /**
   * the desktop app's paper printing: `deviceName` is the printer the 印刷 button prints on without
   * the system print dialog, spelled as the OS lists it (Windows: プリンターとスキャナー). Absent → the
   * dialog. A name not installed on this PC is refused with a message when printing, not at start-up.
   */
  printer: z
    .strictObject({
      deviceName: z.string().min(1).max(200).refine((v) => v.trim() === v && !/\p{Cc}/u.test(v), { message: 'プリンター名の前後の空白や制御文字は使えません' }),
    })
    .optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(dataDir: string): Config {
  const file = path.join(dataDir, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`設定ファイル ${file} が JSON として読めません。内容を確認してください。`);
  }
  const r = ConfigSchema.safeParse(json);
  if (!r.success) {
    // the key, and for a rule of ours (https) its Japanese reason; zod's own messages are English
    const where = r.error.issues.map((i) => (i.path.join('.') || '(全体)') + (i.code === 'custom' ? `（${i.message}）` : '')).join(', ');
    throw new ConfigError(`設定ファイル ${file} の項目が正しくありません: ${where}`);
  }
  return r.data;
}
