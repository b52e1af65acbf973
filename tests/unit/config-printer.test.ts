import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../main/services/config';
import { withConfig } from '../support/config-dir';


describe('config.json printer.deviceName', () => {
  it('takes the printer the desktop app prints on without a dialog', () => {
    expect(loadConfig(withConfig({ printer: { deviceName: '窓口1 Canon' } })).printer).toEqual({ deviceName: '窓口1 Canon' });
    expect(loadConfig(withConfig({})).printer).toBeUndefined();
  });

  it('refuses an empty name, stray spaces, control characters or unknown keys, naming the key in Japanese', () => {
    expect(() => loadConfig(withConfig({ printer: { deviceName: '' } }))).toThrow('printer.deviceName');
    expect(() => loadConfig(withConfig({ printer: { deviceName: ' EPSON ' } }))).toThrow('プリンター名の前後の空白や制御文字は使えません');
    expect(() => loadConfig(withConfig({ printer: { deviceName: 'EPSON\n' } }))).toThrow(ConfigError);
    expect(() => loadConfig(withConfig({ printer: { name: 'EPSON' } }))).toThrow('printer');
  });
});
