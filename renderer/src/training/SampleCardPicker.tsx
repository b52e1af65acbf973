import { useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useApp } from '../store';

/**
 * 「見本カード」 (研修モード only): cards of the synthetic residents, read exactly as a photo from the camera
 * or a scan would be — the image goes through the same reader. Absent outside the demo.
 */
export function SampleCardPicker({ busy, onCard }: { busy: boolean; onCard(image: Blob): void }) {
  const demo = useApp((s) => s.info?.backend.simulated ?? false);
  const [cards, setCards] = useState<{ id: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!demo) return;
    void bridge.listSampleCards({}).then((r) => r.ok && setCards(r.value.cards));
  }, [demo]);
  if (!demo || cards.length === 0) return null;
  const pick = async (id: string) => {
    const r = await bridge.getSampleCard({ id });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    onCard(new Blob([bytes], { type: r.value.mimeType }));
  };
  return (
    <div className="sample-cards">
      <label htmlFor="sample-card">見本カード（研修用・架空の住民）</label>
      <select id="sample-card" disabled={busy} defaultValue="" onChange={(e) => e.target.value && void pick(e.target.value)}>
        <option value="">選んで読み取る…</option>
        {cards.map((c) => (
          <option key={c.id} value={c.id}>{c.label}</option>
        ))}
      </select>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
