import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { createAppServices } from '../../main/services/app-services';
import { signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { APP_CSP } from '../../common/security/csp';
import { tempDir } from '../support/processes';

/** Raw HTTP, so the test controls every header (fetch would add or forbid some). */
function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode host', () => {
  let services: AppServices;
  let host: BrowserHost;
  let origin: string;
  let cookie: string;

  beforeAll(async () => {
    const root = tempDir('host');
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>いちまど</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    services = await createAppServices({ dataDir: path.join(root, 'data'), host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9' });
    await signInServices(services);
    host = await startBrowserHost({ services, rendererDir, port: 0, log: () => {} });
    origin = `http://127.0.0.1:${host.port}`;
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  it('serves nothing without the token, or with a wrong one', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/?token=wrong']) {
      const r = await request(origin + p);
      expect(r.status, p).toBe(401);
      expect(r.body).not.toContain('<title>いちまど</title>');
    }
    const api = await request(`${origin}/api/getAppInfo`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    const wrongBearer = await request(`${origin}/api/getAppInfo`, { method: 'POST', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, body: '{}' });
    expect(wrongBearer.status).toBe(401);
  });

  it('tells a browser in Japanese how to get in, with no script and nothing of the request in the page', async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const p of ['/', '/index.html', '/?token=wrong', '/<script>x</script>']) {
      const r = await request(origin + p, { headers: { accept } });
      expect(r.status, p).toBe(401);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('起動したときに表示されたアドレス');
      expect(r.body).not.toContain('<title>いちまど</title>');
      expect(r.body).not.toContain('<script');
      expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    }
    // scripts and API callers keep the short plain answer
    expect((await request(`${origin}/assets/app.js`)).body).toBe('Unauthorized');
  });

  it('exchanges the launch URL token for a strict session cookie and drops it from the address', async () => {
    const r = await request(host.url);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const setCookie = r.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    const page = await request(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(APP_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.body).toContain('いちまど');
  });

  it('accepts API calls from its own page origin and from bearer scripts, not from other origins', async () => {
    const body = '{}';
    const headers = { cookie, 'content-type': 'application/json' };
    expect((await request(`${origin}/api/getAppInfo`, { method: 'POST', headers: { ...headers, origin }, body })).status).toBe(200);
    expect((await request(`${origin}/api/getAppInfo`, { method: 'POST', headers: { ...headers, origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await request(`${origin}/api/getAppInfo`, { method: 'POST', headers, body })).status).toBe(403); // cookie but no Origin
    const bearer = await request(`${origin}/api/getAppInfo`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body });
    expect(bearer.status).toBe(200);
    expect(JSON.parse(bearer.body)).toMatchObject({ ok: true, value: { host: 'browser' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request(`${origin}/`, { headers: { cookie, host: `attacker.example:${host.port}` } });
    expect(r.status).toBe(403);
  });

  it('answers malformed calls with typed errors and keeps serving', async () => {
    const post = (p: string, body: string, type = 'application/json') =>
      request(`${origin}${p}`, { method: 'POST', headers: { cookie, origin, 'content-type': type }, body });
    const badJson = await post('/api/getAppInfo', '{not json');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = await post('/api/submitApplication', JSON.stringify({ formId: 'x', values: { a: 'x'.repeat(400_000) } }));
    expect(huge.status).toBe(413);
    // a card image is the one large call: readCard takes up to 20 MB of image as base64, no more
    const image = Buffer.alloc(400_000, 7).toString('base64');
    const card = await post('/api/readCard', JSON.stringify({ readId: 'h1', image, side: 'front' }));
    expect(card.status).toBe(200);
    expect(JSON.parse(card.body)).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE', reason: 'not-an-image' } });
    const tooBig = await post('/api/readCard', JSON.stringify({ readId: 'h2', image: 'A'.repeat(28_100_000), side: 'front' }));
    expect(tooBig.status).toBe(413);
    expect((await post('/api/getAppInfo', '{}', 'text/plain')).status).toBe(415);
    const unknown = await post('/api/dropTables', '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await post('/api/getQueueStats', '{"x":1}');
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await post('/api/getQueueStats', '{}')).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c%2e%2e%5csecret.txt']) {
      const r = await request(origin + p, { headers: { cookie } });
      expect(r.body, p).not.toContain('do not serve');
    }
    expect((await request(`${origin}/assets/app.js`, { headers: { cookie } })).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await request(`${origin}/assets/missing.js`, { headers: { cookie } })).status).toBe(404);
  });
});
