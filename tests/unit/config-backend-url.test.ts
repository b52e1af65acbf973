import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../main/services/config';
import { withConfig } from '../support/config-dir';

/**
 * A back end off this machine is reached over TLS only (issue 10, defect 12): config.json refuses a
 * plain http:// URL for it, naming the key, in Japanese; http:// to the loopback simulator stays.
 */

const http = (baseUrl: string) => ({ type: 'http', baseUrl });

describe('config.json back-end URLs', () => {
  it.each([
    ['backendUrl', { backendUrl: 'http://backend.city.example.lg.jp/intake' }],
    ['backendUrl', { backendUrl: 'http://10.0.0.5:8080' }],
    ['backendUrl', { backendUrl: 'http://127.0.0.1.nip.io:8080' }],
    ['connectors.default.baseUrl', { connectors: { default: http('http://192.168.1.20') } }],
    ['connectors.byGyomu.国民健康保険.baseUrl', { connectors: { byGyomu: { 国民健康保険: http('http://kokuho.example.lg.jp') } } }],
    [
      'connectors.default.auth.tokenUrl',
      { connectors: { default: { ...http('https://backend.example.lg.jp'), auth: { type: 'client-credentials', tokenUrl: 'http://idp.example.lg.jp/token', clientId: 'c' } } } },
    ],
  ])('refuses plain http to a remote host at %s, naming the key, in Japanese', (key, json) => {
    const load = () => loadConfig(withConfig(json));
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(key);
    expect(load).toThrow(/https:\/\/.*で始まる/);
  });

  it.each([
    { backendUrl: 'https://backend.city.example.lg.jp/intake' },
    { backendUrl: 'http://127.0.0.1:8787' },
    { backendUrl: 'http://127.0.0.2:8787' },
    { backendUrl: 'http://localhost:8787' },
    { backendUrl: 'http://[::1]:8787' },
    { connectors: { default: http('http://localhost:9000'), byGyomu: { 国民健康保険: http('https://kokuho.example.lg.jp') } } },
  ])('accepts https anywhere and http to this machine (the simulator): %j', (json) => {
    expect(() => loadConfig(withConfig(json))).not.toThrow();
  });
});
