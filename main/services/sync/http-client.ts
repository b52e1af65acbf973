import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import fs from 'node:fs';

export interface TlsFiles {
  /** extra CA (a city's private CA) added to the bundled roots; verification is never turned off */
  caFile?: string | undefined;
  /** client certificate and key, for back ends that authenticate the terminal by certificate */
  certFile?: string | undefined;
  keyFile?: string | undefined;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpTransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'HttpTransportError';
  }
}

/** Node's http(s) rather than fetch: client certificates and a private CA need an https Agent. */
export function createAgent(files: TlsFiles | undefined, url: string): http.Agent {
  if (!url.startsWith('https:')) return new http.Agent({ keepAlive: true, maxSockets: 64 });
  return new https.Agent({
    keepAlive: true,
    maxSockets: 64,
    rejectUnauthorized: true,
    ...(files?.caFile ? { ca: [...tls.rootCertificates, fs.readFileSync(files.caFile, 'utf8')] } : {}),
    ...(files?.certFile ? { cert: fs.readFileSync(files.certFile) } : {}),
    ...(files?.keyFile ? { key: fs.readFileSync(files.keyFile) } : {}),
  });
}

/** One request with an overall deadline (a body that trickles in slowly still times out). */
export function httpRequest(
  url: string,
  opts: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number; agent: http.Agent },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
    };
    const req = lib.request(url, { method: opts.method, headers: opts.headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', (err) => finish(() => reject(new HttpTransportError('network', err.message))));
      res.on('aborted', () => finish(() => reject(new HttpTransportError('network', 'response aborted'))));
    });
    const deadline = setTimeout(() => {
      finish(() => reject(new HttpTransportError('timeout', `no complete answer within ${opts.timeoutMs} ms`)));
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (err) => finish(() => reject(new HttpTransportError('network', err.message))));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
