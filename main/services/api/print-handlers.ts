import { fail, ok, type Result } from '../../../common/contract/result';
import { findForm } from '../../../common/forms/registry';
import { upgradeStoredValues } from '../../../common/forms/stored-values';
import { formSheetHtml, printDocumentHtml, type PrintOptions } from '../../../common/print/print-html';
import { receiptOrPending, resubmissionPrintLine, resubmittedLabel } from '../../../common/domain/resubmission';
import { countPdfPages } from '../print/pdf-renderer';
import type { Handlers, HandlerDeps } from './handlers';
import { NO_PDF_RENDERER, printOptions } from './print-options';
import { casePrintDocument, type PrintDocument } from './case-print';

const NOT_PRINTABLE = { code: 'NOT_FOUND', message: '印刷する申請が見つかりません（保存期間を過ぎて内容が削除された可能性があります）。' } as const;
const NO_NATIVE_PRINT = { code: 'NOT_READY', message: 'この画面からは直接印刷できません。PDFを開いて印刷してください。' } as const;

/**
 * One queued application as it was sent (not from its visit case, which a correction made on the
 * queue screen does not change). Its header carries its 受付番号 and, for a corrected 差戻し,
 * 「再提出　元の受付番号 …」 with every 受付番号 it replaces, so the paper and the back end's filings
 * can be matched; a replaced version says 「再提出済み → …」.
 */
function applicationPrintDocument(d: HandlerDeps, applicationId: string, o: PrintOptions): Result<PrintDocument> {
  const a = d.repo.payloadOf(applicationId);
  const lineage = d.repo.lineageOf(applicationId);
  const form = a ? findForm(a.formId) : undefined;
  if (!a || !lineage || !form) return fail(NOT_PRINTABLE);
  const stored = Object.fromEntries(Object.entries(a.payload).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const head = [
    `受付番号 ${receiptOrPending(lineage)}`,
    ...[resubmissionPrintLine(lineage.history)].filter((l): l is string => l !== null),
    ...(lineage.replacedBy ? [resubmittedLabel(lineage.replacedBy)] : []),
  ];
  const sheet = formSheetHtml(form, upgradeStoredValues(form, stored), o, `来庁ケース ${a.caseId.slice(-8)}`, new Set(), head);
  return ok({ html: printDocumentHtml([sheet], o, form.title), base: `ichimado-${form.id}-${lineage.receiptNumber ?? `v${lineage.version}`}` });
}

/** Printing one application (HTML/PDF), and printing anything on paper where the host can (printNative). */
export function createPrintHandlers(d: HandlerDeps): Pick<Handlers, 'renderApplicationPrint' | 'printNative'> {
  return {
    renderApplicationPrint: async ({ applicationId, format }) => {
      const renderer = format === 'pdf' ? (d.cases?.pdf() ?? null) : null;
      if (format === 'pdf' && !renderer) return fail(NO_PDF_RENDERER);
      const doc = applicationPrintDocument(d, applicationId, printOptions(d, renderer));
      if (!doc.ok) return doc;
      const { html, base } = doc.value;
      if (format === 'html') return ok({ mimeType: 'text/html' as const, fileName: `${base}.html`, content: html, pages: null });
      const pdf = await renderer!.htmlToPdf(html);
      return ok({ mimeType: 'application/pdf' as const, fileName: `${base}.pdf`, content: Buffer.from(pdf).toString('base64'), pages: countPdfPages(pdf) });
    },

    printNative: async ({ source }) => {
      if (!d.printer) return fail(NO_NATIVE_PRINT);
      const o = printOptions(d, d.printer);
      const doc = source.kind === 'case' ? casePrintDocument(d, source, o) : applicationPrintDocument(d, source.applicationId, o);
      if (!doc.ok) return doc;
      const r = await d.printer.print(doc.value.html, d.printerName);
      if (r.kind === 'failed') return fail({ code: 'INTERNAL', message: r.message });
      return ok({ printed: r.kind === 'printed', deviceName: r.kind === 'printed' ? r.deviceName : null });
    },
  };
}
