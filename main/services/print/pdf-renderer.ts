/**
 * Turns print-ready HTML into PDF bytes. The services accept any implementation: browser mode and
 * the CLI use the system Chromium through playwright-core (chromium-pdf.ts); the Electron shell
 * uses webContents.printToPDF (main/electron/electron-pdf.ts). The HTML refers to its fonts by
 * `fontUrl`; an implementation serves exactly those files and lets nothing else load.
 */
export interface PdfRenderer {
  /** the URL under which the HTML should reference the bundled IPAmj明朝 */
  readonly fontUrl: string;
  htmlToPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Counts the pages of a PDF Chromium wrote (its page objects are `/Type /Page`). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
