import type http from 'node:http';

/**
 * Reads a request body up to `maxBytes`. A larger body is read to its end and discarded, and
 * `null` is returned: destroying the socket instead would cut the client off before it reads
 * the 413 answer, and it would then treat a refusal as a network failure and retry forever.
 */
export function readBodyLimited(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
