import { useEffect, useRef, useState } from 'react';
import { bridge } from '../bridge/bridge';

/**
 * The header's 「住民向け画面」: how the clerk puts the resident-facing screen on the counter's second display.
 * Electron opens its own window there; browser mode shows the page's own link (it opens nothing of the
 * clerk's app) to open in a browser window on that display.
 */
export function ResidentScreenButton() {
  const [open, setOpen] = useState(false);
  const [info, setInfo] = useState<{ link: string | null; window: boolean } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    void bridge.getResidentScreen({}).then((r) => (r.ok ? setInfo(r.value) : setNote(r.error.message)));
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const openWindow = async () => {
    const r = await bridge.openResidentWindow({});
    setNote(r.ok ? '住民向け画面を開きました。' : r.error.message);
  };
  return (
    <div className="resident-menu">
      <button type="button" className="row-btn" aria-expanded={open} onClick={() => setOpen(!open)}>住民向け画面</button>
      {open && (
        <div className="resident-menu-panel" role="dialog" aria-label="住民向け画面" ref={panel} tabIndex={-1}>
          <p>住民の方に向けたディスプレイに、暗証番号の入力と入力内容の確認を表示します。</p>
          {info?.window && <button type="button" className="primary" onClick={() => void openWindow()}>住民向け画面を開く</button>}
          {info?.link && (
            <>
              <p>住民向けディスプレイのブラウザーでこのリンクを開いてください（職員の画面・操作には入れません）。</p>
              <a className="resident-link" href={info.link} target="_blank" rel="noopener noreferrer">住民向け画面を開く</a>
              <input className="resident-link-text" readOnly value={info.link} aria-label="住民向け画面のリンク" onFocus={(e) => e.currentTarget.select()} />
            </>
          )}
          {info && !info.link && !info.window && <p>この構成では住民向け画面を開けません。</p>}
          {note && <p role="status">{note}</p>}
          <button type="button" className="row-btn subtle" onClick={() => setOpen(false)}>閉じる</button>
        </div>
      )}
    </div>
  );
}
