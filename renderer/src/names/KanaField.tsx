import { useRef, type KeyboardEvent } from 'react';
import './reading-chips.css';

/**
 * A ふりがな input with the likely readings of its name under it as one-click chips. A chip fills the
 * field only when clicked or chosen (the clerk confirms the reading with the resident); typing works as ever.
 * The chips are outside the Tab order: Tab goes from 氏（ふりがな） straight to 名（ふりがな）, as a clerk
 * typing both expects. From the input, ↓ enters the chips; ←/→ move between them, Enter or Space takes
 * one, Esc or ↑ goes back; either way focus returns to the input, so Tab still leads on.
 * The chip group carries data-state (loading / ready) so tests can wait for the answer.
 */
export function KanaField({ id, label, value, onChange, readings, state, error }: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  readings: readonly string[];
  state: 'empty' | 'loading' | 'ready';
  error?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const chips = useRef<HTMLDivElement>(null);
  const chipAt = (i: number) => chips.current?.querySelectorAll<HTMLButtonElement>('button').item(i) ?? null;
  const showChips = state !== 'empty';
  const hasChoices = showChips && readings.length > 0;

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowDown' || !hasChoices || e.nativeEvent.isComposing) return;
    e.preventDefault();
    chipAt(0)?.focus();
  };
  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const go = (j: number) => {
      e.preventDefault();
      chipAt((j + readings.length) % readings.length)?.focus();
    };
    if (e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Escape' || e.key === 'ArrowUp') {
      e.preventDefault();
      input.current?.focus();
    }
  };
  const take = (r: string) => {
    onChange(r);
    input.current?.focus();
  };

  return (
    <div className={`field kana-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onInputKey}
        aria-invalid={error ? true : undefined}
        aria-describedby={hasChoices ? `${id}-readings` : undefined}
        aria-keyshortcuts={hasChoices ? 'ArrowDown' : undefined}
      />
      {showChips && (
        <div ref={chips} className="reading-chips" id={`${id}-readings`} role="group" aria-label={`${label}の候補（↓で選択）`} data-state={state}>
          {readings.map((r, i) => (
            <button key={r} type="button" tabIndex={-1} className={value === r ? 'reading-chip on' : 'reading-chip'} aria-pressed={value === r} aria-label={`「${r}」を入れる`} onClick={() => take(r)} onKeyDown={(e) => onChipKey(e, i)}>
              {r}
            </button>
          ))}
          {hasChoices && <span className="reading-hint" aria-hidden="true">↓で候補</span>}
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
