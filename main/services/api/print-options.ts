import type { PrintOptions } from '../../../common/print/print-html';
import type { PdfRenderer } from '../print/pdf-renderer';
import type { HandlerDeps } from './handlers';

/** what the HTML asks for as its font when no PDF renderer serves one (HTML format) */
const PRINT_FONT_FALLBACK = 'data:,';

/** The print options of every printed sheet: the font as the PDF renderer or printer serves it, 見本 in demo mode, today, the city. */
export function printOptions(d: Pick<HandlerDeps, 'info' | 'today'>, renderer: Pick<PdfRenderer, 'fontUrl'> | null): PrintOptions {
  const info = d.info();
  return { fontUrl: renderer?.fontUrl ?? PRINT_FONT_FALLBACK, sample: info.backend.simulated, today: d.today(), ...(info.city ? { city: info.city } : {}) };
}

export const NO_PDF_RENDERER = { code: 'INTERNAL', message: 'この端末ではPDFを作成できません（印刷用のブラウザがありません）。' } as const;
