import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../main/services/config';

const dirs: string[] = [];
function withConfig(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ichimado-config-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(json));
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('config.json city', () => {
  it('takes the city as 都道府県 and 市区町村', () => {
    expect(loadConfig(withConfig({ city: { prefecture: '東京都', municipality: '千代田区' } })).city).toEqual({ prefecture: '東京都', municipality: '千代田区' });
    expect(loadConfig(withConfig({ city: { prefecture: '北海道', municipality: '札幌市中央区' } })).city?.municipality).toBe('札幌市中央区');
    expect(loadConfig(withConfig({})).city).toBeUndefined();
  });

  it('refuses a city that is not written as addresses begin, naming the key', () => {
    expect(() => loadConfig(withConfig({ city: { prefecture: '東京', municipality: '千代田区' } }))).toThrow(ConfigError);
    expect(() => loadConfig(withConfig({ city: { prefecture: '東京都', municipality: '千代田' } }))).toThrow('city.municipality');
    expect(() => loadConfig(withConfig({ city: { prefecture: '東京都', municipality: '千代田区', ward: 'x' } }))).toThrow('city');
  });
});
