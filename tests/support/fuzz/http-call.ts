import http from 'node:http';

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Raw HTTP with every header and body byte under the test's control (fetch adds and forbids some). */
export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // a fresh connection each time: a kept-alive socket the server times out between tests would read ECONNRESET
    // with a body, its length: Node's client frames no body for DELETE or OPTIONS by itself
    const length = opts.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(opts.body)) };
    const req = http.request(url, { method: opts.method ?? 'GET', headers: { ...length, ...opts.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** What must never be in an answer: a stack trace, or a source path of ours. */
export const LEAKS_INTERNALS = /\n\s+at |\bat [\w.<>]+ \(|(main|common|node_modules)\/[\w/-]+\.(ts|js|cjs)/;
