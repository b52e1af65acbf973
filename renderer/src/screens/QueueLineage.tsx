import { useCallback, useEffect, useState } from 'react';
import type { QueueItem } from '../../../common/contract/operations';
import { STATUS_LABEL } from '../../../common/domain/application-status';
import { receiptOrPending, resubmissionLabel, resubmittedLabel } from '../../../common/domain/resubmission';
import { useApp } from '../store';
import { printOnPaper, savePdf, type PrintedPdf } from '../print/print-pdf';
import { usePrintShortcut } from '../print/use-print-shortcut';

/** The queue row's mark of a corrected 差戻し: 「再提出（元の受付番号 …）」, nothing for a first submission. */
export function LineageMark({ it }: { it: QueueItem }) {
  const label = resubmissionLabel(it.history);
  return label ? <span className="lineage" data-testid="lineage">{label}</span> : null;
}

/**
 * The whole chain in the detail view, first submission first: each replaced version with its
 * 受付番号, status and 「再提出済み → …」, then this one.
 */
export function LineageDetail({ it }: { it: QueueItem }) {
  const label = resubmissionLabel(it.history);
  if (!label) return null;
  const chain = [...it.history, { id: it.id, version: it.version, receiptNumber: it.receiptNumber, status: it.status }];
  return (
    <>
      <dt>再提出</dt>
      <dd data-testid="lineage">{label}</dd>
      <dt>経緯</dt>
      <dd>
        <ol className="lineage-chain" aria-label="再提出の経緯">
          {chain.map((v, i) => (
            <li key={v.id}>
              第{v.version}版　{receiptOrPending(v)}　{STATUS_LABEL[v.status]}
              {i < chain.length - 1 ? `　${resubmittedLabel(chain[i + 1]!)}` : '（現在の版）'}
            </li>
          ))}
        </ol>
      </dd>
    </>
  );
}

/** 印刷（Ctrl+P）of one application as it was sent, with its 受付番号 and the ones it replaces. */
export function ApplicationPrint({ it }: { it: QueueItem }) {
  const nativePrint = useApp((s) => s.info?.nativePrint ?? false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [pdf, setPdf] = useState<PrintedPdf | null>(null);
  useEffect(() => () => (pdf ? URL.revokeObjectURL(pdf.url) : undefined), [pdf]);
  useEffect(() => setMessage(null), [it.id]);
  const print = useCallback(() => {
    if (busy) return;
    setBusy(true);
    void printOnPaper({ kind: 'application', applicationId: it.id }, nativePrint).then((r) => {
      setBusy(false);
      setMessage({ kind: r.ok ? 'success' : 'error', text: r.text });
      if (r.ok && r.pdf) setPdf(r.pdf);
    });
  }, [busy, it.id, nativePrint]);
  usePrintShortcut(print);
  return (
    <div className="actions">
      {/* not disabled while busy: a disabled button drops the focus, and Esc (close) with it */}
      <button type="button" className="row-btn" aria-disabled={busy} onClick={print} aria-keyshortcuts="Control+P">印刷（Ctrl+P）</button>
      {pdf && <button type="button" className="row-btn link" onClick={() => savePdf(pdf)}>PDFを保存（{pdf.pages ?? '?'}ページ）</button>}
      {message && <span className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
    </div>
  );
}
