import { describe, expect, it } from 'vitest';
import { nativePrintOutcome, nativePrintPlan } from '../../main/electron/native-print-options';

/**
 * The desktop app's paper printing (issue 15 #2): the options handed to webContents.print. The
 * Electron binary cannot run here, so the choice is a pure function: silent only on a configured
 * printer this PC has; otherwise the system dialog; a configured printer that is missing is a
 * Japanese message for the clerk, never a silent print on some other printer.
 */
const installed = [
  { name: 'Canon-Madoguchi-1', displayName: '窓口1 Canon', isDefault: true },
  { name: 'EPSON_LP', displayName: 'EPSON LP-S180', isDefault: false },
];

describe('nativePrintPlan', () => {
  it('opens the system print dialog when no printer is configured', () => {
    expect(nativePrintPlan(undefined, installed)).toEqual({
      ok: true,
      deviceName: null,
      options: { silent: false, printBackground: true, pageSize: 'A4', landscape: false, margins: { marginType: 'default' } },
    });
  });

  it('prints silently on the configured printer when this PC has it (by name or display name, any case)', () => {
    for (const configured of ['EPSON_LP', 'epson_lp', 'EPSON LP-S180']) {
      expect(nativePrintPlan(configured, installed)).toEqual({
        ok: true,
        deviceName: 'EPSON_LP',
        options: { silent: true, deviceName: 'EPSON_LP', printBackground: true, pageSize: 'A4', landscape: false, margins: { marginType: 'default' } },
      });
    }
  });

  it('refuses a configured printer this PC does not have, in Japanese, naming the ones it has', () => {
    const r = nativePrintPlan('Ricoh-2F', installed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('「Ricoh-2F」');
    expect(r.message).toContain('printer.deviceName');
    expect(r.message).toContain('Canon-Madoguchi-1、EPSON_LP');
  });

  it('says so when the PC has no printer at all', () => {
    const r = nativePrintPlan('Ricoh-2F', []);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('プリンターが1台も登録されていません') });
  });
});

describe('nativePrintOutcome', () => {
  it('reads webContents.print callback values', () => {
    expect(nativePrintOutcome(true, '', 'EPSON_LP')).toEqual({ kind: 'printed', deviceName: 'EPSON_LP' });
    expect(nativePrintOutcome(true, '', null)).toEqual({ kind: 'printed', deviceName: null });
    expect(nativePrintOutcome(false, 'cancelled', null)).toEqual({ kind: 'cancelled' });
    expect(nativePrintOutcome(false, 'failed', 'EPSON_LP')).toMatchObject({ kind: 'failed', message: expect.stringContaining('印刷できませんでした') });
  });
});
