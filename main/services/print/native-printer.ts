/**
 * Printing on paper where the host can (the Electron shell: webContents.print). The services give
 * it the same print HTML as a PDF gets; the implementation chooses between the system print dialog
 * and the configured printer (main/electron/native-print-options.ts). Browser mode has none: the UI
 * opens the PDF in the browser's print view instead.
 */
export type NativePrintOutcome =
  | { kind: 'printed'; deviceName: string | null }
  /** the clerk closed the system print dialog */
  | { kind: 'cancelled' }
  /** Japanese, for the clerk (e.g. the configured printer is not installed) */
  | { kind: 'failed'; message: string };

export interface NativePrinter {
  /** the URL under which the HTML should reference the bundled IPAmj明朝 */
  readonly fontUrl: string;
  /** @param deviceName config `printer.deviceName`: print there without a dialog; absent → the system dialog */
  print(html: string, deviceName: string | undefined): Promise<NativePrintOutcome>;
}
