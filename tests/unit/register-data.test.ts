import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeededRegister, parseRegister, RegisterFileError } from '../../main/backend-sim/sim-register-file';
import { loadRegisterMapping, RegisterMappingError } from '../../main/services/register/register-mapping-file';
import { DEFAULT_REGISTER_MAPPING } from '../../common/register/register-mapping';
import { ConfigError, loadConfig } from '../../main/services/config';

const ok = { 住民票コード: '40000000001', 世帯番号: 'H1', 氏名: '見本 一', 氏名_フリガナ: 'ミホン ハジメ', 生年月日: '2000-01-01', 性別: '1', 続柄: '世帯主', 住所: '試験市' };

describe('the simulator\'s register file', () => {
  it.each([
    [[ok, { ...ok, 住民票コード: '40000000002', 性別: 'M' }], '2 件目: 性別'],
    [[{ ...ok, 生年月日: '2000-13-01' }], '1 件目: 生年月日'],
    [[ok, { ...ok }], '2 件目: 住民票コード 40000000001 が重複'],
    [[{ ...ok, 住民票コード: '123' }], '1 件目: 住民票コード'],
    [[(({ 続柄: _r, ...rest }) => rest)(ok)], '1 件目: 続柄 がありません'],
    [[{ ...ok, 国保: 1 }], '1 件目: 国保 が文字列ではありません'],
    [{ persons: [ok] }, '人の配列'],
  ])('refuses %j naming the entry and key', (json, message) => {
    expect(() => parseRegister(JSON.stringify(json), 'r.json')).toThrow(RegisterFileError);
    expect(() => parseRegister(JSON.stringify(json), 'r.json')).toThrow(message);
  });

  it('keeps extra keys and exact strings', () => {
    const p = parseRegister(JSON.stringify([{ ...ok, 氏名: '葛\u{E0100}城 一', 介護: '要介護1' }]), 'r.json');
    expect(p[0]!['氏名']).toBe('葛\u{E0100}城 一');
    expect(p[0]!['介護']).toBe('要介護1');
  });

  it('the seeded population is synthetic and covers the cases the counter meets', () => {
    const people = loadSeededRegister();
    const names = people.map((p) => p['氏名']);
    expect(names.some((n) => n.includes('葛\u{E0100}'))).toBe(true);
    expect(names.some((n) => n.includes('髙'))).toBe(true);
    expect(names.some((n) => n.includes('﨑'))).toBe(true);
    expect(names.some((n) => /^[A-Z ]+$/.test(n))).toBe(true); // 英字 (foreign resident)
    expect(names.some((n) => /^[ァ-ヶー ]+$/.test(n))).toBe(true); // カタカナ (foreign resident)
    expect(people.some((p) => p['介護'] && p['後期高齢'])).toBe(true);
    expect(people.some((p) => p['生年月日'] >= '2020-01-01')).toBe(true); // a young child
    expect(people.some((p) => p['生年月日'] >= '2009-04-02' && p['生年月日'] <= '2019-04-01')).toBe(true); // school age
    const households = new Set(people.map((p) => p['世帯番号']));
    expect(households.size).toBeGreaterThanOrEqual(6);
  });
});

describe('register configuration', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-regcfg-'));

  it('config.json `register` with a wrong key is refused naming it', () => {
    const d = dataDir();
    fs.writeFileSync(path.join(d, 'config.json'), JSON.stringify({ register: { baseUrl: 'https://jukihost.example', clientSecretFile: 's', auth: 'private_key_jwt' } }));
    expect(() => loadConfig(d)).toThrow(ConfigError);
    expect(() => loadConfig(d)).toThrow(/register\.clientId.*register\.auth|register\.auth.*register\.clientId/);
    fs.writeFileSync(path.join(d, 'config.json'), JSON.stringify({ register: { baseUrl: 'https://jukihost.example', clientId: 'ichimado-counter', clientSecretFile: 's' } }));
    expect(loadConfig(d).register).toEqual({ baseUrl: 'https://jukihost.example', clientId: 'ichimado-counter', clientSecretFile: 's' });
  });

  it('a mapping file is checked at load, naming the file and the keys; absent → the default', () => {
    const d = dataDir();
    expect(loadRegisterMapping(undefined)).toBe(DEFAULT_REGISTER_MAPPING);
    const file = path.join(d, 'mapping.json');
    fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_REGISTER_MAPPING, resources: { ...DEFAULT_REGISTER_MAPPING.resources, household: { path: '/api/v1/世帯', scope: '世帯参照' } } }));
    expect(() => loadRegisterMapping(file)).toThrow(RegisterMappingError);
    expect(() => loadRegisterMapping(file)).toThrow(`${file} の項目が正しくありません: resources.household.scope`);
    fs.writeFileSync(file, '{');
    expect(() => loadRegisterMapping(file)).toThrow('JSON として読めません');
    const own = { ...DEFAULT_REGISTER_MAPPING, items: { ...DEFAULT_REGISTER_MAPPING.items, kana: 'カナ氏名' } };
    fs.writeFileSync(file, JSON.stringify(own));
    expect(loadRegisterMapping(file).items.kana).toBe('カナ氏名');
  });
});
