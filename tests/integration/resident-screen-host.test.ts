import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { createAppServices } from '../../main/services/app-services';
import { DEMO_CLERK, signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { OPERATION_NAMES } from '../../common/contract/operation-names';
import { tempDir } from '../support/processes';
import { tennyuHousehold } from '../support/tennyu-case';
import { localIsoDate } from '../../main/services/local-date';
import type { ResidentDisplayView } from '../../common/contract/resident-operations';
import type { VisitCaseView } from '../../common/contract/case-operations';

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

/**
 * The resident-facing screen's link in browser mode: its own token and cookie, its page and its own
 * operations, and nothing of the clerk's (least privilege), through the real host and services.
 */
describe('browser host: the resident screen link', () => {
  let services: AppServices;
  let host: BrowserHost;
  let origin: string;
  let clerk: string;
  let resident: string;
  const logLines: string[] = [];

  const call = (cookie: string, prefix: 'api' | 'resident-api', op: string, input: unknown = {}) =>
    request(`${origin}/${prefix}/${op}`, { method: 'POST', headers: { origin, cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) });

  beforeAll(async () => {
    const root = tempDir('resident-host');
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>いちまど 職員</title>');
    fs.writeFileSync(path.join(rendererDir, 'resident.html'), '<!doctype html><title>いちまど 住民向け</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    let link: string | null = null;
    services = await createAppServices({
      dataDir: path.join(root, 'data'), host: 'browser', appVersion: '1', ocr: 'off',
      residentScreen: { link: () => link },
      log: (level, event, detail) => logLines.push(JSON.stringify({ level, event, detail })),
    });
    await signInServices(services);
    host = await startBrowserHost({ services, rendererDir, port: 0, log: (l, e, d) => logLines.push(JSON.stringify({ l, e, d })) });
    link = host.residentUrl;
    origin = `http://127.0.0.1:${host.port}`;
    clerk = (await request(host.url)).headers['set-cookie']![0]!.split(';')[0]!;
    const r = await request(host.residentUrl);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/resident');
    expect(r.headers['set-cookie']![0]).toMatch(/^ichimado_resident_\d+=.*HttpOnly; SameSite=Strict/);
    resident = r.headers['set-cookie']![0]!.split(';')[0]!;
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await services?.close();
  });

  it('has its own token, different from the clerk link, and the clerk app can show it', async () => {
    expect(host.residentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/resident\?token=[\w-]{40,}$/);
    expect(new URL(host.residentUrl).searchParams.get('token')).not.toBe(host.token);
    const info = JSON.parse((await call(clerk, 'api', 'getResidentScreen')).body);
    expect(info).toEqual({ ok: true, value: { link: host.residentUrl, window: false } });
  });

  it('opens the resident page and the bundle files, never the clerk page', async () => {
    for (const p of ['/resident', '/', '/anything']) {
      const page = await request(origin + p, { headers: { cookie: resident } });
      expect(page.status, p).toBe(200);
      expect(page.body).toContain('住民向け');
    }
    expect((await request(`${origin}/index.html`, { headers: { cookie: resident } })).status).toBe(404);
    expect((await request(`${origin}/assets/app.js`, { headers: { cookie: resident } })).status).toBe(200);
    // the clerk's browser still gets the clerk page at /
    expect((await request(`${origin}/`, { headers: { cookie: clerk } })).body).toContain('職員');
  });

  it('cannot call any clerk operation (every name, 401), nor a wrong-token resident link', async () => {
    for (const op of OPERATION_NAMES) {
      const r = await call(resident, 'api', op);
      expect(r.status, op).toBe(401);
    }
    expect((await request(`${origin}/resident?token=forged`)).status).toBe(401);
    const bearer = await request(`${origin}/api/getCase`, { method: 'POST', headers: { authorization: `Bearer ${new URL(host.residentUrl).searchParams.get('token')}`, 'content-type': 'application/json' }, body: '{"caseId":"x"}' });
    expect(bearer.status).toBe(401);
  });

  it('reaches only its own operations; the clerk token does not open them', async () => {
    const shown = JSON.parse((await call(resident, 'resident-api', 'getResidentDisplay')).body) as { ok: true; value: ResidentDisplayView };
    expect(shown.ok).toBe(true);
    expect(shown.value.screen).toEqual({ kind: 'idle' });
    expect(shown.value.demo).toBe(true);
    expect(JSON.parse((await call(resident, 'resident-api', 'getCase', { caseId: 'x' })).body).error.code).toBe('INVALID_INPUT');
    expect((await call(clerk, 'resident-api', 'getResidentDisplay')).status).toBe(401);
    expect((await call(clerk, 'resident-api', 'submitChipPin', { pinRequestId: 's1', pin: '1234' })).status).toBe(401);
    // nor can the clerk's page send or see a PIN request through its own operations
    for (const op of ['submitChipPin', 'getChipPinRequest'] as const) {
      const r = JSON.parse((await call(clerk, 'api', op, op === 'submitChipPin' ? { pinRequestId: 's1', pin: '1234' } : {})).body);
      expect(r.ok, op).toBe(false);
      expect(r.error.code, op).toBe('FORBIDDEN');
    }
  });

  it('takes a PIN only while the screen asks for one, and never logs it', async () => {
    const r = JSON.parse((await call(resident, 'resident-api', 'submitChipPin', { pinRequestId: 'abc', pin: '4821' })).body);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('NOT_FOUND');
    const bad = JSON.parse((await call(resident, 'resident-api', 'submitChipPin', { pinRequestId: 'abc', pin: '48210' })).body);
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(logLines.join('\n')).not.toMatch(/4821/);
  });

  it('takes the resident’s 電話番号 for the clerk’s request only, hands it to the clerk’s page, and never logs it', async () => {
    const asked = JSON.parse((await call(clerk, 'api', 'askResidentPhone')).body) as { ok: true; value: { phoneRequestId: string } };
    const id = asked.value.phoneRequestId;
    const shown = JSON.parse((await call(resident, 'resident-api', 'getResidentDisplay')).body).value as ResidentDisplayView;
    expect(shown.screen).toEqual({ kind: 'phone-entry', phoneRequestId: id });
    // each side keeps to its own door
    expect((await call(clerk, 'resident-api', 'submitResidentPhone', { phoneRequestId: id, phone: '0552371234' })).status).toBe(401);
    expect((await call(resident, 'api', 'awaitResidentPhone', { phoneRequestId: id })).status).toBe(401);
    const wrongId = JSON.parse((await call(resident, 'resident-api', 'submitResidentPhone', { phoneRequestId: 'other', phone: '0552371234' })).body);
    expect(wrongId.value.accepted).toBe(false);
    const notDigits = JSON.parse((await call(resident, 'resident-api', 'submitResidentPhone', { phoneRequestId: id, phone: '055-237-1234' })).body);
    expect(notDigits.error.code).toBe('INVALID_INPUT');
    const sent = JSON.parse((await call(resident, 'resident-api', 'submitResidentPhone', { phoneRequestId: id, phone: '0552371234' })).body);
    expect(sent.value).toEqual({ accepted: true, message: null });
    const got = JSON.parse((await call(clerk, 'api', 'awaitResidentPhone', { phoneRequestId: id })).body);
    expect(got.value).toEqual({ state: 'answered', phone: '0552371234' });
    // neither the number taken nor the one refused for its hyphens, however a log line would write it
    expect(logLines.join('\n')).not.toMatch(/237\D?1234/);
  });

  it('shows the case to check once the clerk asks, exactly as entered; hides it while the clerk screen is locked', async () => {
    const data = tennyuHousehold(localIsoDate());
    const persons = [{ ...data.persons[0]!, familyName: '髙﨑', givenName: '葛\u{E0100}子' }, data.persons[1]!];
    const created = JSON.parse((await call(clerk, 'api', 'createCase', { data: { ...data, persons } })).body) as { ok: true; value: VisitCaseView };
    const before = JSON.parse((await call(resident, 'resident-api', 'getResidentDisplay')).body).value as ResidentDisplayView;
    // the resident page's long poll is answered by the clerk's action, not by a timer
    const waiting = call(resident, 'resident-api', 'getResidentDisplay', { afterVersion: before.version });
    const shown = JSON.parse((await call(clerk, 'api', 'showResidentConfirm', { caseId: created.value.id })).body);
    expect(shown).toEqual({ ok: true, value: { kind: 'confirm' } });
    const after = JSON.parse((await waiting).body).value as ResidentDisplayView;
    expect(after.version).toBeGreaterThan(before.version);
    if (after.screen.kind !== 'confirm') throw new Error(after.screen.kind);
    expect(after.screen.summary.persons[0]).toEqual({ name: '髙﨑\u3000葛\u{E0100}子', birthDate: '昭和60年4月1日', birthDateEn: '1 April 1985' });
    expect(after.screen.summary.address).toBe('東京都千代田区千代田1-1');
    expect(after.screen.summary.event.ja).toContain('転入');
    expect(after.screen.summary.procedures.map((p) => p.ja)).toContain('住民異動届（転入）');
    expect(after.screen.summary.procedures.every((p) => p.easy && p.en)).toBe(true);
    // attributable: the audit trail says who showed which case on the resident display
    await signInServices(services, { name: '研修監督者', password: DEMO_CLERK.password });
    const audit = JSON.parse((await call(clerk, 'api', 'listAuditLog', { event: 'case.shown_to_resident' })).body) as { ok: true; value: { items: { caseId: string | null }[] } };
    expect(audit.value.items.map((e) => e.caseId)).toContain(created.value.id);

    await call(clerk, 'api', 'lock', { reason: 'button' });
    const locked = JSON.parse((await call(resident, 'resident-api', 'getResidentDisplay', { afterVersion: after.version })).body).value as ResidentDisplayView;
    expect(locked.screen).toEqual({ kind: 'idle' });
  });
});
