/**
 * What webContents.print is asked to do, chosen without Electron so it is unit-tested under plain
 * Node (the shell itself cannot run in the test environment). Silent printing only on a printer
 * the city configured (config `printer.deviceName`) and this PC has: a name that is missing is
 * told to the clerk, never replaced by whatever printer happens to be the OS default — the sheets
 * hold a resident's data and must come out at this counter.
 */
import type { NativePrintOutcome } from '../services/print/native-printer';

/** The fields of Electron's PrinterInfo that the choice reads (webContents.getPrintersAsync()). */
export interface InstalledPrinter {
  name: string;
  displayName?: string;
  isDefault?: boolean;
}

/** The subset of Electron's WebContentsPrintOptions we set. */
export interface NativePrintOptions {
  silent: boolean;
  deviceName?: string;
  printBackground: true;
  /** the sheets are laid out for A4 portrait (common/print/print-html.ts @page) */
  pageSize: 'A4';
  landscape: false;
  /** the page's own @page margins */
  margins: { marginType: 'default' };
}

export type NativePrintPlan = { ok: true; deviceName: string | null; options: NativePrintOptions } | { ok: false; message: string };

const BASE = { printBackground: true, pageSize: 'A4', landscape: false, margins: { marginType: 'default' } } as const;

export function nativePrintPlan(configured: string | undefined, installed: readonly InstalledPrinter[]): NativePrintPlan {
  if (configured === undefined) return { ok: true, deviceName: null, options: { silent: false, ...BASE } };
  // Windows printer names are case-insensitive; the display name is what the clerk sees in the OS
  const wanted = configured.toLocaleLowerCase();
  const found = installed.find((p) => p.name.toLocaleLowerCase() === wanted) ?? installed.find((p) => p.displayName?.toLocaleLowerCase() === wanted);
  if (found) return { ok: true, deviceName: found.name, options: { silent: true, deviceName: found.name, ...BASE } };
  const have = installed.length === 0 ? 'この端末にはプリンターが1台も登録されていません。' : `この端末のプリンター: ${installed.map((p) => p.name).join('、')}。`;
  return {
    ok: false,
    message: `設定された印刷先のプリンター「${configured}」がこの端末に見つかりません。${have}設定ファイル config.json の printer.deviceName を確認するよう、情報システム担当へ連絡してください。`,
  };
}

/** The outcome of webContents.print's callback (success, failureReason). */
export function nativePrintOutcome(success: boolean, failureReason: string, deviceName: string | null): NativePrintOutcome {
  if (success) return { kind: 'printed', deviceName };
  if (failureReason === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'failed', message: `印刷できませんでした${deviceName ? `（プリンター「${deviceName}」）` : ''}。プリンターの電源と用紙を確認して、もう一度印刷してください。` };
}
