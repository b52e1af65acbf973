import type { PrintSource } from '../../../common/contract/operations';
import { bridge } from '../bridge/bridge';

/**
 * Printing from the UI, one way per host. Electron prints itself (printNative: the system print
 * dialog, or silently on the configured printer). In browser mode the PDF the services made opens
 * in the browser's print view: a hidden frame shows it and its window's print() opens the dialog,
 * so the clerk prints the A4 sheets, not the screen.
 */
export interface PrintedPdf {
  url: string;
  fileName: string;
  pages: number | null;
}

export type PrintResult = { ok: true; text: string; pdf: PrintedPdf | null } | { ok: false; text: string };

/** A blob URL of base64 PDF bytes (the caller revokes it when it is replaced). */
export function pdfBlobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Hands a PDF to the browser's download (one click for the clerk). */
export function savePdf(pdf: PrintedPdf): void {
  const a = document.createElement('a');
  a.href = pdf.url;
  a.download = pdf.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

const FRAME_ID = 'ichimado-print-frame';

/** Opens the browser's print view for the PDF at `url` (the previous print frame is dropped). */
export function openPrintView(url: string): Promise<void> {
  document.getElementById(FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = '印刷用PDF';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // laid out (a display:none frame never loads its PDF viewer) but out of sight
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  return new Promise<void>((resolve) => {
    frame.addEventListener(
      'load',
      () => {
        frame.contentWindow?.print();
        resolve();
      },
      { once: true },
    );
    frame.src = url;
    document.body.appendChild(frame);
  });
}

/** What to print as a PDF in browser mode: the same documents printNative prints. */
async function renderPdf(source: PrintSource) {
  return source.kind === 'case'
    ? bridge.renderPrint({ caseId: source.caseId, target: source.target, ...(source.formKey ? { formKey: source.formKey } : {}), format: 'pdf' })
    : bridge.renderApplicationPrint({ applicationId: source.applicationId, format: 'pdf' });
}

/** Prints `source` on paper the way this host can; the text is the clerk's banner. */
export async function printOnPaper(source: PrintSource, nativePrint: boolean): Promise<PrintResult> {
  if (nativePrint) {
    const r = await bridge.printNative({ source });
    if (!r.ok) return { ok: false, text: r.error.message };
    if (!r.value.printed) return { ok: true, text: '印刷を取り消しました。', pdf: null };
    return { ok: true, text: r.value.deviceName ? `プリンター「${r.value.deviceName}」で印刷しました。` : '印刷しました。', pdf: null };
  }
  const r = await renderPdf(source);
  if (!r.ok) return { ok: false, text: r.error.message };
  const pdf = { url: pdfBlobUrl(r.value.content), fileName: r.value.fileName, pages: r.value.pages };
  await openPrintView(pdf.url);
  return { ok: true, text: `印刷画面を開きました（${pdf.pages ?? '?'}ページ）。`, pdf };
}
