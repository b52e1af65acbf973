import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import { startBrowserHost } from '../../main/host/browser-host';
import { signInServices } from '../support/sign-in';
import { testScope } from '../support/test-scope';
import type { AppServices } from '../../main/services/app-services.types';
import type { AuditEntryView } from '../../common/contract/account-operations';

/**
 * searchResidents and getRegisterHousehold as the counter calls them: through the browser-mode HTTP bridge,
 * signed in, against the simulator as the register owner in its own process, with a real SQLite data dir.
 * Each lookup is a read of residents' data: it is in the audit trail with the clerk as actor, counts only.
 */
const { defer, dir, sim } = testScope();
const SECRET = 'register-ops-secret-0123456789';

async function servicesWith(register: Record<string, unknown> | undefined, backendUrl: string): Promise<{ services: AppServices; dataDir: string }> {
  const dataDir = dir('reg-ops-data');
  if (register) fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ register }));
  const services = await createAppServices({ dataDir, host: 'browser', appVersion: 'test', backendUrl, ocr: 'off' });
  defer(() => services.close());
  return { services, dataDir };
}

async function bridge(services: AppServices) {
  const host = await startBrowserHost({ services, rendererDir: dir('reg-ops-renderer'), port: 0, log: () => {} });
  defer(() => host.close());
  return async (op: string, input: unknown) => {
    const r = await fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await r.json()) as { ok: boolean; value?: never; error?: { code: string; reason?: string; message: string } };
  };
}

async function auditEntries(services: AppServices): Promise<AuditEntryView[]> {
  const r = await services.dispatch('listAuditLog', { event: 'register.looked_up' });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { items: AuditEntryView[] }).items;
}

describe('register operations through the HTTP bridge', () => {
  it('a signed-in clerk finds a resident and the household, exact strings; both reads are audited without personal data', async () => {
    const secretDir = dir('reg-ops-secret');
    fs.writeFileSync(path.join(secretDir, 'secret'), SECRET);
    const s = await sim('reg-ops-sim', ['--client-secret-file', path.join(secretDir, 'secret')]);
    const { services } = await servicesWith({ baseUrl: s.url, clientId: 'ichimado-counter', clientSecretFile: path.join(secretDir, 'secret') }, s.url);
    const call = await bridge(services);

    // before sign-in: nothing
    expect(await call('searchResidents', { by: 'name', name: '葛城 健太', birthDate: '1990-11-03' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const session = await signInServices(services);

    const found = await call('searchResidents', { by: 'name', name: '葛城 健太', birthDate: '1990-11-03' });
    expect(found.ok).toBe(true);
    const persons = (found.value as unknown as { persons: { name: string; residentCode: string }[] }).persons;
    expect(persons.map((p) => p.name)).toEqual(['葛\u{E0100}城 健太']);

    const h = await call('getRegisterHousehold', { residentCode: persons[0]!.residentCode });
    expect(h.ok).toBe(true);
    const household = h.value as unknown as { persons: { name: string; relationship: string; address: string }[]; statuses: unknown[] };
    expect(household.persons.map((p) => [p.name, p.relationship])).toEqual([
      ['葛\u{E0100}城 健太', '世帯主'],
      ['葛\u{E0100}城 美咲', '妻'],
      ['葛\u{E0100}城 陽斗', '子'],
    ]);
    expect(household.statuses).toHaveLength(3); // the child holds none of the four: a record with only its code

    // a malformed query is refused by the contract before any lookup
    expect(await call('searchResidents', { by: 'name', name: '葛城 健太' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const audit = await auditEntries(services);
    const entries = audit.map((e) => ({ actor: e.actor, detail: e.detail }));
    expect(entries).toEqual([
      { actor: session.user!.id, detail: { lookup: 'household', persons: 3, statuses: 3 } },
      { actor: session.user!.id, detail: { lookup: 'search', by: 'name', found: 1 } },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/葛|健太|1990|丸の内|中央/);
  }, 60_000);

  it('offline, refused or not configured: an error value with a Japanese message, and no audit entry', async () => {
    const secretDir = dir('reg-ops-secret');
    fs.writeFileSync(path.join(secretDir, 'secret'), 'a-secret-nobody-accepts-000');
    const s = await sim('reg-ops-sim', ['--client-secret-file', path.join(secretDir, 'secret')]);
    // the register is down: a port nothing listens on
    const { services: offline } = await servicesWith({ baseUrl: 'http://127.0.0.1:9', clientId: 'ichimado-counter', clientSecretFile: path.join(secretDir, 'secret') }, s.url);
    await signInServices(offline);
    const call = await bridge(offline);
    const off = await call('searchResidents', { by: 'residentCode', residentCode: '10000000001' });
    expect(off).toMatchObject({ ok: false, error: { code: 'REGISTER_UNAVAILABLE', reason: 'offline' } });
    expect(off.error!.message).toContain('手入力で続けられます');

    const { services: refused } = await servicesWith({ baseUrl: s.url, clientId: 'some-other-client', clientSecretFile: path.join(secretDir, 'secret') }, s.url);
    await signInServices(refused);
    const r = await refused.dispatch('getRegisterHousehold', { residentCode: '10000000001' });
    expect(r).toMatchObject({ ok: false, error: { code: 'REGISTER_UNAVAILABLE', reason: 'auth' } });

    const { services: none } = await servicesWith(undefined, s.url);
    await signInServices(none);
    const n = await none.dispatch('searchResidents', { by: 'address', address: '丸の内' });
    expect(n).toMatchObject({ ok: false, error: { code: 'REGISTER_UNAVAILABLE', reason: 'not-configured' } });

    for (const services of [offline, refused, none]) {
      expect(await auditEntries(services)).toEqual([]);
    }
  }, 90_000);

  it('demo mode (no back end configured): the app\'s own simulator answers as the register, with the seeded synthetic residents', async () => {
    const dataDir = dir('reg-ops-demo');
    const services = await createAppServices({ dataDir, host: 'browser', appVersion: 'test', ocr: 'off' });
    defer(() => services.close());
    await signInServices(services);
    const r = await services.dispatch('searchResidents', { by: 'kana', kana: 'タカハシ マサオ', birthDate: '1944-03-15' });
    expect(r.ok).toBe(true);
    const persons = (r as { value: { persons: { name: string }[] } }).value.persons;
    expect(persons.map((p) => p.name)).toEqual(['髙橋 正雄']);
    // the client secret of this start is the demo back end's own, owner-only
    expect(fs.statSync(path.join(dataDir, 'demo-backend', 'register-client-secret')).mode & 0o077).toBe(0);
  }, 60_000);
});
