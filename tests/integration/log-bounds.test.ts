import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileLogger, LOG_REPEAT_BURST } from '../../main/services/log';
import { readAppLog, startBrowserMode, tempDir, waitFor, type Proc } from '../support/processes';

/**
 * The log stays bounded (issue 10, defect 10): any local process can knock on the browser host
 * without the token, and each refusal used to add a line (~0.9 GB/h). Repeats of one event are
 * limited per interval with a summary of what was left out; the file is rotated by size.
 */
function knock(url: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

describe('browser host hammered without the token', () => {
  let dataDir: string;
  let host: Proc;
  beforeAll(async () => {
    dataDir = tempDir('log-flood');
    host = await startBrowserMode(dataDir, undefined, ['--ocr', 'lazy']);
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a bounded number of lines for a thousand refused requests, to a file for its owner only', { timeout: 60_000 }, async () => {
    const origin = new URL(host.url).origin;
    const logFile = path.join(dataDir, 'logs', 'ichimado.log');
    const sizeBefore = fs.statSync(logFile).size;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const N = 1000;
    const statuses: number[] = [];
    for (let i = 0; i < N; i += 50) {
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, (_, j) => knock(`${origin}/queue?n=${i + j}`, agent)))));
    }
    agent.destroy();
    expect(statuses.every((s) => s === 401)).toBe(true);

    const unauthorized = readAppLog(dataDir).filter((e) => e.event === 'host.unauthorized');
    expect(unauthorized.length).toBeGreaterThan(0);
    expect(unauthorized.length).toBeLessThanOrEqual(LOG_REPEAT_BURST);
    expect(fs.statSync(logFile).size - sizeBefore).toBeLessThan(LOG_REPEAT_BURST * 300);
    expect(fs.statSync(logFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(logFile)).mode & 0o777).toBe(0o700);
  });
});

describe('fileLogger on disk', () => {
  it('repeats of one event beyond the burst are counted, not written, and the count is logged when the interval ends', async () => {
    const dir = tempDir('log-repeat');
    const log = fileLogger(dir, false, { repeatWindowMs: 300 });
    for (let i = 0; i < 500; i++) log('warn', 'host.unauthorized', { path: '/x' });
    log('info', 'other.event');
    const now = readAppLog(dir);
    expect(now.filter((e) => e.event === 'host.unauthorized')).toHaveLength(LOG_REPEAT_BURST);
    expect(now.filter((e) => e.event === 'other.event')).toHaveLength(1);
    const summary = await waitFor(() => readAppLog(dir).find((e) => e.event === 'log.suppressed'), 5_000, 'the summary line');
    expect(summary).toMatchObject({ level: 'warn', of: 'host.unauthorized', count: 500 - LOG_REPEAT_BURST });
    // a new interval writes again
    log('warn', 'host.unauthorized', { path: '/y' });
    expect(readAppLog(dir).filter((e) => e.event === 'host.unauthorized')).toHaveLength(LOG_REPEAT_BURST + 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rotates at the size limit and keeps the named number of old files, none over the limit', () => {
    const dir = tempDir('log-rotate');
    const maxBytes = 4096;
    const keepFiles = 3;
    const log = fileLogger(dir, false, { maxBytes, keepFiles });
    // distinct events, so the repeat limit leaves every line in
    for (let i = 0; i < 400; i++) log('info', `event.n${i}`, { i });
    const logs = path.join(dir, 'logs');
    const names = fs.readdirSync(logs).sort();
    expect(names).toEqual(['ichimado.log', 'ichimado.log.1', 'ichimado.log.2', 'ichimado.log.3']);
    for (const n of names) {
      expect(fs.statSync(path.join(logs, n)).size, n).toBeLessThanOrEqual(maxBytes);
      expect(fs.statSync(path.join(logs, n)).mode & 0o777, n).toBe(0o600);
    }
    // the newest line is in the live file, older ones in .1, .2, .3 in order, none lost between them
    const lines = (n: string) => fs.readFileSync(path.join(logs, n), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { i: number }).i);
    const kept = [...lines('ichimado.log.3'), ...lines('ichimado.log.2'), ...lines('ichimado.log.1'), ...lines('ichimado.log')];
    expect(kept[kept.length - 1]).toBe(399);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => 400 - kept.length + k));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
