import { useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useApp } from '../store';
import type { DemoChipCardsView } from '../../../common/contract/training-operations';

/**
 * 「見本ICカード」 (研修モード only): puts a demo resident's virtual IC card on the training card reader, so
 * the chip read above runs as with a real card — the resident types the 見本 PIN on their screen. Says why
 * when the training reader does not exist here; absent outside the demo.
 */
export function DemoChipCardPicker({ busy, onPut }: { busy: boolean; onPut(): void }) {
  const demo = useApp((s) => s.info?.backend.simulated ?? false);
  const [view, setView] = useState<DemoChipCardsView | null>(null);
  const [putting, setPutting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!demo) return;
    void bridge.getDemoChipCards({}).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  }, [demo]);
  if (!demo || (!view && !error)) return null;
  const put = async (id: string | null) => {
    setPutting(true);
    const r = await bridge.putDemoChipCard({ id });
    setPutting(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setView(r.value);
    onPut();
  };
  const on = view?.cards.find((c) => c.id === view.onReader) ?? null;
  return (
    <div className="sample-cards demo-chip-cards">
      {view?.available ? (
        <>
          <label htmlFor="demo-chip-card">見本ICカード（研修用・架空の住民）</label>
          <select id="demo-chip-card" disabled={busy || putting} value={view.onReader ?? ''} onChange={(e) => void put(e.target.value || null)}>
            <option value="">{on ? 'カードを取り出す' : 'カードリーダーに置く…'}</option>
            {view.cards.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
          <span className="chip-hint" data-testid="demo-chip-pin">
            {on ? `${on.label} のカードを置きました。` : ''}暗証番号は見本の {view.pin} です。
          </span>
        </>
      ) : (
        view && <span className="chip-hint">{view.message}</span>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
