import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { s3Client, S3ExchangeArea } from '../../main/services/sync/s3-exchange-area';
import { tempDir } from '../support/processes';

/** Whether any module of the S3 SDK has been loaded into this process (the SDK ships as CommonJS). */
function sdkLoaded(): boolean {
  return Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes(`${path.sep}@aws-sdk${path.sep}client-s3${path.sep}`));
}

const credentials = { accessKeyId: 'k', secretAccessKey: 's' };

/**
 * The S3 SDK (~1.2 MB of code) is loaded by the first S3 request, not by making a connector: the CLI's other
 * commands and an app without an S3 exchange start without it. The city's CA file is still read at once, so a
 * wrong path is an error when the connector is made, as before.
 */
describe('the S3 SDK, loaded on demand', () => {
  it('is not loaded by making the connection and its areas, and is by their first request', async () => {
    const connection = s3Client({ endpoint: 'http://127.0.0.1:9', bucket: 'b' }, credentials);
    const area = new S3ExchangeArea(connection, 'b', 'inbox/');
    expect(sdkLoaded()).toBe(false);
    // nothing listens on the discard port: the request fails as offline, explained in Japanese
    const err = await area.list().then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(sdkLoaded()).toBe(true);
    expect(area.explain(err)).toEqual({ reason: expect.stringContaining('オブジェクトストレージに接続できません'), offline: true });
    area.close();
  });

  it('still reads the city\'s CA file when the connector is made: a missing one fails there', () => {
    const missing = path.join(tempDir('s3-ca'), 'no-such-ca.pem');
    expect(fs.existsSync(missing)).toBe(false);
    expect(() => s3Client({ endpoint: 'https://127.0.0.1:9', bucket: 'b', caFile: missing }, credentials)).toThrow(/ENOENT/);
  });
});
