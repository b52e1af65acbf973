import { useEffect } from 'react';
import { useCard } from './card-store';
import { POLL_TUNING } from '../../../common/card/capture-tuning';

/** Scans waiting in the scanner drop folder, each read or discarded with one click. */
export function ScannerDrop({ busy }: { busy: boolean }) {
  const scanner = useCard((s) => s.scanner);
  const pollScanner = useCard((s) => s.pollScanner);
  const readScanner = useCard((s) => s.readScanner);
  const discardScanner = useCard((s) => s.discardScanner);
  const configured = useCard((s) => s.ocr?.scannerConfigured ?? false);
  useEffect(() => {
    if (!configured) return;
    void pollScanner();
    const t = setInterval(() => void pollScanner(), POLL_TUNING.scannerMs);
    return () => clearInterval(t);
  }, [configured, pollScanner]);
  return (
    <section className="capture-scanner" aria-label="スキャナ">
      <h3>スキャナ</h3>
      {!configured ? (
        <p className="note">取り込みフォルダが設定されていません（config.json の scannerDropDir）。</p>
      ) : scanner.length === 0 ? (
        <p className="note">スキャンを待っています…（読み取った画像はフォルダから削除されます）</p>
      ) : (
        <ul className="scanner-list">
          {scanner.map((s) => (
            <li key={s.id}>
              <span>{new Date(s.receivedAt).toLocaleTimeString('ja-JP')} のスキャン（{Math.round(s.size / 1024)} KB）</span>
              <button type="button" className="row-btn" disabled={busy} onClick={() => void readScanner(s.id)}>読み取る</button>
              <button type="button" className="row-btn subtle" disabled={busy} onClick={() => void discardScanner(s.id)}>破棄</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
