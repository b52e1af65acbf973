import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './processes';
import { processCpuMs } from './process-cpu';

/** s3rver's one account (it checks every request's signature against it) */
const S3RVER_KEY = 'S3RVER';

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** `{accessKeyId, secretAccessKey}`, 0600, as a counter's config names it */
  credentialsFile: string;
  /** SIGKILL: the storage gone at once, mid-request included */
  stop(): Promise<void>;
  /** back on the same port with the same objects */
  restart(): Promise<void>;
  /** CPU time the server process has used so far (Linux /proc; 0 elsewhere) */
  cpuMs(): number;
}

/**
 * A real S3-compatible server in its own process (s3rver, objects in a temp folder): the counter and
 * the simulator reach it over HTTP with signed requests, as they would a city's object storage.
 */
export async function startS3Server(bucket = 'ichimado-exchange'): Promise<S3Server> {
  const dir = tempDir('s3rver');
  const credentialsFile = path.join(tempDir('s3-cred'), 's3-credentials.json');
  fs.writeFileSync(credentialsFile, JSON.stringify({ accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY }), { mode: 0o600 });
  let child: ChildProcess | null = null;
  const launch = (port: number) =>
    new Promise<number>((resolve, reject) => {
      // --silent: s3rver otherwise colours and prints a line or two per request, which nobody reads
      // (the ready line is printed regardless) and which is ~10% of its CPU per request (bench:queue)
      const c = spawn(process.execPath, [path.join(repoRoot, 'node_modules/s3rver/bin/s3rver.js'), '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--configure-bucket', bucket, '--silent'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${out}`)), 20_000);
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /listening on [\d.]+:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          out = '';
          c.stdout!.off('data', onData);
          c.stdout!.resume();
          resolve(Number(m[1]));
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', (b: Buffer) => (out += b.toString()));
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited with ${code}:\n${out}`));
      });
    });
  const port = await launch(0);
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    credentialsFile,
    stop,
    cpuMs: () => processCpuMs(child?.pid),
    restart: async () => {
      await stop();
      await launch(port);
    },
  };
}
