import fs from 'node:fs';
import tls from 'node:tls';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { AreaEntry, ExchangeArea, WriteOptions } from './exchange-area';
import type { S3Credentials } from './s3-credentials';

export interface S3Location {
  /** `https://…` of the S3-compatible server (path-style addressing: `endpoint/bucket/key`) */
  endpoint: string;
  bucket: string;
  /** the region the signature names; S3-compatible servers mostly accept the API's default */
  region?: string | undefined;
  /** the city's private CA, added to the bundled roots; verification is never turned off */
  caFile?: string | undefined;
}

/** the S3 API's default region: what S3-compatible servers (MinIO, s3rver …) accept unless told otherwise */
export const S3_DEFAULT_REGION = 'us-east-1';
/** How the S3 client talks to the server: every number with its reason, in one place. */
export const S3_CLIENT_TUNING = {
  /** a server that does not even accept the connection in this long is unreachable for this attempt */
  connectTimeoutMs: 5_000,
  /** one object is a few KB: a request taking this long has stalled */
  requestTimeoutMs: 30_000,
  /**
   * Keep-alive connections open at once. At least the sync engine's deliveries in flight (16 by
   * default, each one request at a time) plus the result poll's parallel reads, so that no request
   * waits in the agent's queue for a socket; idle ones are reused, not reopened per request.
   */
  maxSockets: 64,
  /**
   * The SDK rebuilds and sorts each command's middleware chain on every send unless told to keep
   * it: the SDK's own CPU per request drops from ~0.3 to ~0.2 ms (measured with the HTTP layer
   * stubbed out), ~0.3 ms per delivery of three requests. Safe here: no request passes its own
   * options and no middleware is added to the client after its first send.
   */
  cacheMiddleware: true,
  /** keys listed per request (the S3 maximum) */
  listPage: 1000,
} as const;

type S3Sdk = typeof import('@aws-sdk/client-s3');
let sdk: S3Sdk | null = null;
let loading: Promise<S3Sdk> | null = null;

/**
 * The S3 SDK, loaded at the first request: it is ~1.2 MB of code with its dependencies, and every start of the CLI
 * and of the app paid for it before (~0.15 CPU-s of a `cli help` of ~0.7), though only a city exchanging over S3
 * uses it.
 */
function loadSdk(): Promise<S3Sdk> {
  loading ??= import('@aws-sdk/client-s3').then((m) => (sdk = m));
  return loading;
}

/** One S3 client, made with the SDK at the first request; shared by both areas of a connector. */
export class S3Connection {
  private made: Promise<{ client: S3Client; s3: S3Sdk }> | null = null;
  private client: S3Client | null = null;
  private destroyed = false;

  constructor(private readonly config: S3ClientConfig) {}

  /** The client and the SDK's commands. */
  use(): Promise<{ client: S3Client; s3: S3Sdk }> {
    this.made ??= loadSdk().then((s3) => {
      const client = new s3.S3Client(this.config);
      // destroyed while the SDK loaded: the client holds no sockets yet, and gets none
      if (this.destroyed) client.destroy();
      else this.client = client;
      return { client, s3 };
    });
    return this.made;
  }

  destroy(): void {
    this.destroyed = true;
    this.client?.destroy();
  }
}

/**
 * One S3 connection per server and account: its keep-alive connections are shared by both areas of a
 * connector. One attempt per call: the sync engine owns retries and their backoff, in one place. The
 * settings (and the city's CA file) are read here, when the connector is made; the SDK only at the first request.
 */
export function s3Client(at: S3Location, credentials: S3Credentials): S3Connection {
  const https = at.endpoint.startsWith('https:');
  return new S3Connection({
    endpoint: at.endpoint,
    region: at.region ?? S3_DEFAULT_REGION,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
    cacheMiddleware: S3_CLIENT_TUNING.cacheMiddleware,
    // the content's SHA-256 is in the manifest already: no extra CRC per request (which not every
    // S3-compatible server accepts either)
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: {
      connectionTimeout: S3_CLIENT_TUNING.connectTimeoutMs,
      requestTimeout: S3_CLIENT_TUNING.requestTimeoutMs,
      throwOnRequestTimeout: true,
      ...(https
        ? { httpsAgent: { keepAlive: true, maxSockets: S3_CLIENT_TUNING.maxSockets, rejectUnauthorized: true, ...(at.caFile ? { ca: [...tls.rootCertificates, fs.readFileSync(at.caFile, 'utf8')] } : {}) } }
        : { httpAgent: { keepAlive: true, maxSockets: S3_CLIENT_TUNING.maxSockets } }),
    },
  });
}

/** A key prefix of a bucket as an exchange area: `<prefix>name`, set-aside objects under `<prefix><sub>/name`. */
export class S3ExchangeArea implements ExchangeArea {
  readonly where: string;

  constructor(
    private readonly connection: S3Connection,
    private readonly bucket: string,
    /** '' or ending in '/' */
    private readonly prefix: string,
  ) {
    this.where = `s3://${bucket}/${prefix}`;
  }

  async write(name: string, body: string | Buffer, opts: WriteOptions = {}): Promise<void> {
    // a slow link: the object appears whole, only late (an S3 PUT is never visible half-written)
    if (opts.slowMs) await new Promise((r) => setTimeout(r, opts.slowMs));
    const { client, s3 } = await this.connection.use();
    await client.send(new s3.PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + name, Body: body }));
  }

  async read(name: string): Promise<Buffer | null> {
    const { client, s3 } = await this.connection.use();
    try {
      const r = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + name }));
      return r.Body ? Buffer.from(await r.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (err) {
      if (err instanceof s3.S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404) && err.name !== 'NoSuchBucket') return null;
      throw err;
    }
  }

  async exists(name: string): Promise<boolean> {
    const { client, s3 } = await this.connection.use();
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + name }));
      return true;
    } catch (err) {
      // A HEAD answer has no body, so a missing bucket is a 404 like a missing key: it reads as "no
      // object", and the PUT that follows fails with NoSuchBucket, explained as such (403 stays an error).
      if (err instanceof s3.S3ServiceException && err.$metadata.httpStatusCode === 404) return false;
      throw err;
    }
  }

  async list(): Promise<AreaEntry[]> {
    const { client, s3 } = await this.connection.use();
    const out: AreaEntry[] = [];
    let token: string | undefined;
    do {
      const r = await client.send(
        new s3.ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, Delimiter: '/', MaxKeys: S3_CLIENT_TUNING.listPage, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const o of r.Contents ?? []) {
        const name = (o.Key ?? '').slice(this.prefix.length);
        if (name && !name.startsWith('.') && !name.includes('/')) out.push({ name, modifiedMs: o.LastModified?.getTime() ?? Date.now() });
      }
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async setAside(name: string, subArea: string): Promise<void> {
    const from = this.prefix + name;
    // S3 has no rename: a copy, then the delete (a crash between leaves a copy; reading it again changes nothing)
    const source = `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
    const { client, s3 } = await this.connection.use();
    await client.send(new s3.CopyObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}${subArea}/${name}`, CopySource: source }));
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: from }));
  }

  async probe(): Promise<boolean> {
    try {
      const { client, s3 } = await this.connection.use();
      await client.send(new s3.HeadBucketCommand({ Bucket: this.bucket }));
      return true;
    } catch {
      return false;
    }
  }

  explain(err: unknown): { reason: string; offline: boolean } {
    // an S3 error comes only from a request, and the SDK was loaded for it (sdk is set before any request is sent)
    if (!sdk || !(err instanceof sdk.S3ServiceException) || err.$metadata.httpStatusCode === undefined) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).name ?? 'error';
      return { reason: `オブジェクトストレージに接続できません（${code}）`, offline: true };
    }
    const status = err.$metadata.httpStatusCode;
    if (err.name === 'NoSuchBucket') return { reason: `オブジェクトストレージにバケット「${this.bucket}」がありません。情報システム担当へ連絡してください`, offline: false };
    if (status === 403 || ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch'].includes(err.name)) {
      return { reason: `オブジェクトストレージが書き込みを拒否しました（${err.name}）。認証情報と権限を情報システム担当へ確認してください`, offline: false };
    }
    if (status === 507 || err.name === 'QuotaExceeded') return { reason: 'オブジェクトストレージの空き容量がありません。情報システム担当へ連絡してください', offline: false };
    return { reason: `オブジェクトストレージが応答しません（${status} ${err.name}）`, offline: status >= 500 };
  }

  close(): void {
    this.connection.destroy();
  }
}
