import { useState, type DragEvent } from 'react';

/** A card image from a file: dropped on the panel or picked with our own button. */
export function ImageFileImport({ onFile, busy }: { onFile(f: File): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f && !busy) onFile(f);
  };
  return (
    <section className={`capture-file${over ? ' over' : ''}`} aria-label="画像ファイル" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <h3>画像ファイル</h3>
      <p className="note">JPEG・PNG をここへドロップ、または選んでください。</p>
      {/* our own button over the platform's input: Chromium without its Japanese pack says "Choose File / No file chosen" */}
      <label className={`file-pick${busy ? ' disabled' : ''}`}>
        <input type="file" className="visually-hidden" accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif" aria-label="カード画像ファイルを選ぶ" disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); }} />
        <span aria-hidden="true">画像ファイルを選ぶ…</span>
      </label>
    </section>
  );
}
