import './reading-chips.css';

/**
 * A ふりがな input with the likely readings of its name under it as one-click chips. A chip fills the
 * field only when clicked (the clerk confirms the reading with the resident); typing works as ever.
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
  return (
    <div className={`field kana-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      {state !== 'empty' && (
        <div className="reading-chips" id={`${id}-readings`} role="group" aria-label={`${label}の候補`} data-state={state}>
          {readings.map((r) => (
            <button key={r} type="button" className={value === r ? 'reading-chip on' : 'reading-chip'} aria-pressed={value === r} aria-label={`「${r}」を入れる`} onClick={() => onChange(r)}>
              {r}
            </button>
          ))}
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
