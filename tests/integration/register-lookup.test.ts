import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { testScope, type Sim } from '../support/test-scope';
import { makeTestPki } from '../support/tls-certs';
import { RegisterClient } from '../../main/services/register/register-client';
import type { RegisterConfig } from '../../main/services/config';
import type { Logger } from '../../main/services/log';

/**
 * The 住民基本台帳 lookup against the simulator as the register owner, in its own process: OAuth 2.0
 * client credentials (client_secret_jwt and client_secret_basic), scopes, expiry and refusal, broken
 * answers, and names that must come back with their exact code points.
 */
const { defer, dir, sim } = testScope();
const SECRET = 'register-test-secret-0123456789';
/** 葛 with VS17 (U+E0100): the register's 葛󠄀城, which a clerk types as plain 葛城 */
const KATSURAGI = '葛\u{E0100}城 健太';

type Line = { level: string; event: string; detail: Record<string, unknown> | undefined };

async function startRegisterSim(extra: string[] = []): Promise<Sim & { secretFile: string }> {
  const d = dir('reg-secret');
  const secretFile = path.join(d, 'client-secret');
  fs.writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
  const s = await sim('reg-sim', ['--client-secret-file', secretFile, ...extra]);
  return { ...s, secretFile };
}

function client(s: { url: string; secretFile: string }, cfg: Partial<RegisterConfig> = {}): { c: RegisterClient; log: Line[] } {
  const log: Line[] = [];
  const logger: Logger = (level, event, detail) => void log.push({ level, event, detail });
  const c = new RegisterClient({ baseUrl: s.url, clientId: 'ichimado-counter', clientSecretFile: s.secretFile, ...cfg }, dir('reg-data'), logger);
  return { c, log };
}

async function stats(s: Sim): Promise<{ tokensIssued: number; clientsRefused: number; replaysRefused: number }> {
  return (await fetch(`${s.url}/admin/register-stats`)).json() as never;
}

async function assertion(tokenUrl: string, jti: string, secret = SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('ichimado-counter')
    .setSubject('ichimado-counter')
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .setJti(jti)
    .sign(new TextEncoder().encode(secret));
}

function tokenRequest(url: string, jwt: string): Promise<Response> {
  return fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
  });
}

describe('register lookup (simulator as the register owner, in its own process)', () => {
  it('client_secret_jwt: finds a resident by name and birth date, the IVS name byte-exact; household and status follow', async () => {
    const s = await startRegisterSim();
    const { c } = client(s);
    const found = await c.searchResidents({ by: 'name', name: '葛城 健太', birthDate: '1990-11-03' });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value).toHaveLength(1);
    const p = found.value[0]!;
    expect(Buffer.from(p.name, 'utf8').equals(Buffer.from(KATSURAGI, 'utf8'))).toBe(true);
    expect(p).toMatchObject({ kana: 'カツラギ ケンタ', sexCode: '1', sex: '男', relationship: '世帯主' });

    const byKana = await c.searchResidents({ by: 'kana', kana: 'カツラギ ケンタ', birthDate: '1990-11-03' });
    expect(byKana.ok && byKana.value.map((x) => x.residentCode)).toEqual([p.residentCode]);
    const byCode = await c.searchResidents({ by: 'residentCode', residentCode: p.residentCode });
    expect(byCode.ok && byCode.value[0]!.name).toBe(KATSURAGI);
    const byAddress = await c.searchResidents({ by: 'address', address: '丸の内一丁目1番1号' });
    expect(byAddress.ok && byAddress.value.length).toBe(5);

    const h = await c.householdWithStatus(p.residentCode);
    expect(h.ok).toBe(true);
    if (!h.ok) return;
    expect(h.value.persons.map((x) => x.relationship)).toEqual(['世帯主', '妻', '子']);
    expect(h.value.persons.every((x) => x.name.startsWith('葛\u{E0100}城'))).toBe(true);
    expect(h.value.statuses.find((x) => x.residentCode === p.residentCode)).toEqual({ residentCode: p.residentCode, nenkin: '第2号被保険者' });
    expect(h.value.statusNote).toBeUndefined();
    // one token served every lookup: cached, not fetched per call
    expect((await stats(s)).tokensIssued).toBe(1);
  });

  it('client_secret_basic by configuration; the elderly resident\'s 介護 and 後期高齢 status', async () => {
    const s = await startRegisterSim();
    const { c } = client(s, { auth: 'client_secret_basic' });
    const r = await c.searchResidents({ by: 'kana', kana: 'タカハシ マサオ', birthDate: '1944-03-15' });
    expect(r.ok && r.value[0]!.name).toBe('髙橋 正雄');
    const st = await c.status(r.ok ? r.value[0]!.residentCode : '');
    expect(st.ok && st.value).toEqual({ residentCode: r.ok ? r.value[0]!.residentCode : '', kouki: '被保険者', kaigo: '要介護2', nenkin: '老齢基礎年金受給者', koukiNumber: '19000108', kaigoNumber: '9000000108', basicPensionNumber: '9000100008' });
  });

  it('a replayed assertion (same jti) is refused; a wrong secret is refused with a 認証 message', async () => {
    const s = await startRegisterSim();
    const jwt = await assertion(`${s.url}/oauth2/token`, randomUUID());
    expect((await tokenRequest(s.url, jwt)).status).toBe(200);
    const replay = await tokenRequest(s.url, jwt);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_client');
    expect((await stats(s)).replaysRefused).toBe(1);
    // introspection (RFC 7662) for the resource side: the client authenticates; a live token shows its scopes
    const basic = `Basic ${Buffer.from(`ichimado-counter:${SECRET}`).toString('base64')}`;
    const issued = (await (await tokenRequest(s.url, await assertion(`${s.url}/oauth2/token`, randomUUID()))).json()) as { access_token: string; refresh_token?: string };
    expect(issued.refresh_token).toBeUndefined();
    const introspect = (token: string, authorization = basic) =>
      fetch(`${s.url}/oauth2/introspect`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    expect(await (await introspect(issued.access_token)).json()).toMatchObject({ active: true, client_id: 'ichimado-counter', scope: '001:住民:参照 001:世帯:参照 001:資格:参照' });
    expect(await (await introspect('not-a-token')).json()).toEqual({ active: false });
    expect((await introspect(issued.access_token, `Basic ${Buffer.from('ichimado-counter:wrong').toString('base64')}`)).status).toBe(401);
    // broken %-escapes in a Basic credential or a path are refusals, not server errors
    expect((await introspect(issued.access_token, `Basic ${Buffer.from('ichimado-counter:%zz').toString('base64')}`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/v1/%E4%zz`)).status).toBe(404);
    // an assertion for another audience is refused too
    expect((await tokenRequest(s.url, await assertion('https://other.invalid/oauth2/token', randomUUID()))).status).toBe(401);

    const wrong = dir('reg-wrong');
    fs.writeFileSync(path.join(wrong, 'secret'), 'not-the-shared-secret-at-all');
    for (const auth of ['client_secret_jwt', 'client_secret_basic'] as const) {
      const { c, log } = client({ url: s.url, secretFile: path.join(wrong, 'secret') }, { auth });
      const r = await c.searchResidents({ by: 'name', name: '見本 太郎', birthDate: '1985-04-12' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ code: 'REGISTER_UNAVAILABLE', reason: 'auth' });
      expect(r.error.message).toContain('認証');
      expect(r.error.message).toContain('手入力で続けられます');
      expect(log.map((l) => l.event)).toEqual(['register.auth_refused']);
    }
  });

  it('over HTTPS the register\'s certificate is verified: refused without the city CA, answered with it', async () => {
    const pki = makeTestPki();
    defer(() => fs.rmSync(pki.dir, { recursive: true, force: true }));
    const s = await startRegisterSim(['--tls-cert', pki.serverCert, '--tls-key', pki.serverKey]);
    expect(s.url).toMatch(/^https:/);
    const { c: untrusted, log } = client(s);
    const r = await untrusted.searchResidents({ by: 'residentCode', residentCode: '10000000001' });
    expect(r).toMatchObject({ ok: false, error: { code: 'REGISTER_UNAVAILABLE', reason: 'offline' } });
    expect(log[0]).toMatchObject({ event: 'register.offline', detail: { kind: 'network' } });
    expect(String(log[0]!.detail!.detail)).toMatch(/certificate/);
    const { c: trusted } = client(s, { caFile: pki.caCert });
    const ok = await trusted.searchResidents({ by: 'residentCode', residentCode: '10000000001' });
    expect(ok.ok && ok.value[0]!.name).toBe('見本 太郎');
  });

  it('a token the server no longer knows (401) gets exactly one new token and the lookup succeeds', async () => {
    const s = await startRegisterSim();
    const { c } = client(s);
    expect((await c.searchResidents({ by: 'residentCode', residentCode: '10000000001' })).ok).toBe(true);
    await fetch(`${s.url}/admin/register/revoke-tokens`, { method: 'POST' });
    const r = await c.searchResidents({ by: 'residentCode', residentCode: '10000000001' });
    expect(r.ok && r.value[0]!.name).toBe('見本 太郎');
    expect((await stats(s)).tokensIssued).toBe(2);
  });

  it('expired tokens refused twice in a row: one new token, then a clear 認証 reason, no third try', async () => {
    // every token has expired by the time its call arrives: 1 s lifetime, 1.5 s of latency before each answer
    const s = await startRegisterSim(['--register-token-ttl-s', '1', '--latency-ms', '1500']);
    const { c, log } = client(s);
    const r = await c.searchResidents({ by: 'residentCode', residentCode: '10000000001' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'REGISTER_UNAVAILABLE', reason: 'auth' });
    expect(r.error.message).toContain('認証');
    expect((await stats(s)).tokensIssued).toBe(2);
    expect(log).toEqual([{ level: 'warn', event: 'register.auth_refused', detail: { resource: 'residents', stage: 'api', status: 401 } }]);
  });

  it('a scope the client was not granted: 403, and the clerk is told which permission is missing', async () => {
    const s = await startRegisterSim(['--register-scopes', '001:住民:参照']);
    const { c, log } = client(s);
    expect((await c.searchResidents({ by: 'residentCode', residentCode: '10000000001' })).ok).toBe(true);
    const h = await c.household('10000000001');
    expect(h.ok).toBe(false);
    if (h.ok) return;
    expect(h.error).toMatchObject({ code: 'REGISTER_UNAVAILABLE', reason: 'scope' });
    expect(h.error.message).toContain('001:世帯:参照');
    expect(log).toEqual([{ level: 'warn', event: 'register.forbidden', detail: { resource: 'household', scope: '001:世帯:参照' } }]);
  });

  it.each([
    ['missing-item', '生年月日 が欠けています', { resource: 'residents', record: 0, item: '生年月日', problem: 'missing' }],
    ['unknown-code', '性別 に知らないコードがあります', { resource: 'residents', record: 0, item: '性別', problem: 'unknown-code' }],
  ])('an answer with a fault (%s) is refused with the item named, and no personal data in the log', async (fault, message, detail) => {
    const s = await startRegisterSim(['--register-fault', fault]);
    const { c, log } = client(s);
    const r = await c.searchResidents({ by: 'name', name: '見本 太郎', birthDate: '1985-04-12' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'REGISTER_UNAVAILABLE', reason: 'answer' });
    expect(r.error.message).toContain(message);
    expect(log).toEqual([{ level: 'error', event: 'register.answer_invalid', detail }]);
    expect(JSON.stringify(log)).not.toMatch(/見本|1985|丸の内|1000000000/);
  });

  it('a register from --register FILE is served exactly; an offline register gives the offline message', async () => {
    const d = dir('reg-file');
    const file = path.join(d, 'register.json');
    const person = { 住民票コード: '20000000001', 世帯番号: 'H1', 氏名: '﨑山 ｱﾝﾅ', 氏名_フリガナ: 'サキヤマ アンナ', 生年月日: '2001-01-01', 性別: '2', 続柄: '世帯主', 住所: '試験市1-1', 国保: '被保険者' };
    fs.writeFileSync(file, JSON.stringify([person]));
    const s = await startRegisterSim(['--register', file]);
    const { c } = client(s);
    const r = await c.searchResidents({ by: 'residentCode', residentCode: '20000000001' });
    // half-width kana stays half-width: nothing is NFKC-folded on the way
    expect(r.ok && r.value[0]!.name).toBe('﨑山 ｱﾝﾅ');
    await s.stop();
    const { c: c2, log } = client(s);
    const off = await c2.searchResidents({ by: 'residentCode', residentCode: '20000000001' });
    expect(off.ok).toBe(false);
    if (off.ok) return;
    expect(off.error).toMatchObject({ code: 'REGISTER_UNAVAILABLE', reason: 'offline' });
    expect(off.error.message).toContain('接続できません');
    expect(log[0]!.event).toBe('register.offline');
  });
});
