import { useEffect } from 'react';
import { useCard } from './card-store';
import { POLL_TUNING } from '../../../common/card/capture-tuning';

/** The OCR engine's state in the dialog's head: starting (seconds counting), ready, or failed. */
export function OcrReadiness() {
  const ocr = useCard((s) => s.ocr);
  const poll = useCard((s) => s.pollStatus);
  useEffect(() => {
    if (ocr?.state !== 'starting') return;
    const t = setInterval(() => void poll(), POLL_TUNING.ocrStartingMs);
    return () => clearInterval(t);
  }, [ocr?.state, poll]);
  if (!ocr) return null;
  if (ocr.state === 'ready') return <span className="ocr-state ready">OCR 準備完了（起動 {(ocr.startupMs / 1000).toFixed(1)} 秒）</span>;
  if (ocr.state === 'failed') return <span className="ocr-state failed" role="alert">{ocr.message}</span>;
  return <span className="ocr-state starting">OCR 準備中… {(ocr.startupMs / 1000).toFixed(1)} 秒</span>;
}
