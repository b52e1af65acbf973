import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { CARD_READS_AT_ONCE, CARD_READS_WAITING } from '../../main/services/api/card-handlers';
import { tempDir, waitFor } from '../support/processes';
import { signInServices } from '../support/sign-in';

/**
 * Browser mode holds each card image (up to 20 MB) in memory while it arrives (issue 10, defect 9):
 * beyond the reads the services admit, the host answers BUSY before reading the body. The held calls
 * are requests whose bodies are still arriving: the count is controlled, not timed.
 */
describe('browser host: card reads beyond the cap', () => {
  let dataDir: string;
  let services: AppServices;
  let host: BrowserHost;
  let origin: string;

  beforeAll(async () => {
    const root = tempDir('host-busy');
    dataDir = path.join(root, 'data');
    fs.mkdirSync(path.join(root, 'renderer'));
    fs.writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html>');
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', ocr: 'off' });
    await signInServices(services);
    host = await startBrowserHost({ services, rendererDir: path.join(root, 'renderer'), port: 0, log: () => {} });
    origin = `http://127.0.0.1:${host.port}`;
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  /** a readCard call whose body is sent in two halves: the second only when `finish` is called */
  function heldCall(i: number) {
    const body = Buffer.from(JSON.stringify({ readId: `held${i}`, image: Buffer.alloc(300_000, i).toString('base64'), side: 'front' }));
    const req = http.request(`${origin}/api/readCard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.subarray(0, body.length >> 1));
    return { answer, finish: () => req.end(body.subarray(body.length >> 1)) };
  }

  const quickCall = async () => {
    const res = await fetch(`${origin}/api/readCard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ readId: 'q', image: Buffer.alloc(3000, 1).toString('base64'), side: 'front' }),
    });
    return { status: res.status, json: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
  };

  it('holds no more than the admitted reads; the next ones get BUSY at once; the held ones still get their answer', async () => {
    const held = Array.from({ length: CARD_READS_AT_ONCE + CARD_READS_WAITING }, (_, i) => heldCall(i));
    // once every held call is counted, a further call is refused without its body being needed
    const busy = await waitFor(async () => {
      const r = await quickCall();
      return r.json.error?.code === 'BUSY' ? r : undefined;
    }, 10_000, 'a BUSY answer');
    expect(busy.status).toBe(503);
    expect(busy.json.error!.message).toContain('お待ちください');
    for (let i = 0; i < 3; i++) expect((await quickCall()).json.error?.code).toBe('BUSY');

    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.answer));
    // the services run with the OCR off here: each held read gets that answer, none is BUSY
    for (const a of answers) expect(JSON.parse(a.body)).toMatchObject({ ok: false, error: { code: 'NOT_READY' } });
    expect((await quickCall()).json.error?.code).toBe('NOT_READY');
  });
});
