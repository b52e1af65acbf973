import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { createAppServices } from '../../main/services/app-services';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import type { AppServices } from '../../main/services/app-services.types';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../main/services/accounts/demo-accounts';
import { DEMO_CLERK, signInServices } from '../support/sign-in';
import { tempDir } from '../support/processes';

/**
 * 郵便番号 ⇄ 住所 through the browser-mode HTTP bridge, as the renderer calls it: real services (the shipped
 * address master, loaded once), a clerk signed in, the bearer token of the host. The lookups are not
 * audited (no personal data): the audit trail does not grow.
 */
describe('郵便番号 ⇄ 住所 over the HTTP bridge', () => {
  let services: AppServices;
  let host: BrowserHost;
  let dataDir: string;

  // a new connection per call (agent: false): a kept-alive socket the server closes while idle would reset
  const call = (op: string, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: `/api/${op}`, method: 'POST', agent: false, headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            expect(res.statusCode).toBe(200);
            resolve(JSON.parse(text));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    const root = tempDir('postal-http');
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>いちまど</title>');
    dataDir = path.join(root, 'data');
    // no back end configured: the simulated one, with its demo accounts (a clerk among them)
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '1', ocr: 'off' });
    host = await startBrowserHost({ services, rendererDir, port: 0, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  it('asks for a signed-in clerk', async () => {
    expect(await call('lookupPostalCode', { postalCode: '1000001' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('fills the address from a 郵便番号 and suggests the 郵便番号 of an address, for a clerk', async () => {
    const session = await signInServices(services, DEMO_CLERK);
    expect(session.user?.role).toBe('clerk');
    expect(await call('lookupPostalCode', { postalCode: '１００－０００１' })).toEqual({ ok: true, value: { postalCode: '1000001', address: '東京都千代田区千代田', towns: [] } });
    expect(await call('lookupPostalCode', { postalCode: '028-7302' })).toEqual({ ok: true, value: { postalCode: '0287302', address: '岩手県八幡平市', towns: ['八幡平温泉郷', '松尾寄木', '松川温泉'] } });
    expect(await call('lookupPostalCode', { postalCode: '0000000' })).toEqual({ ok: true, value: { postalCode: '0000000', address: '', towns: [] } });
    expect(await call('suggestPostalCode', { address: '京都府京都市中京区寺町通御池上る上本能寺前町488' })).toEqual({ ok: true, value: { postalCodes: ['6040925'], place: '京都府京都市中京区上本能寺前町' } });
    expect(await call('suggestPostalCode', { address: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('leaves no entry in the audit trail and no address in the log', async () => {
    const admin = { name: DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.name, password: DEMO_PASSWORD };
    await signInServices(services, admin);
    const count = async () => ((await call('listAuditLog', { limit: 500 })) as { value: { items: unknown[] } }).value.items.length;
    const before = await count();
    await call('lookupPostalCode', { postalCode: '1000001' });
    await call('suggestPostalCode', { address: '東京都千代田区千代田9-87' });
    expect(await count()).toBe(before);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'ichimado.log'), 'utf8');
    expect(log).toContain('address.loaded');
    expect(log).not.toContain('9-87');
  });
});
