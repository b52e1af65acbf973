import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../main/services/config';
import { withConfig } from '../support/config-dir';


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
