import { useState, type FormEvent } from 'react';
import { create } from 'zustand';
import { bridge } from '../bridge/bridge';
import { useCase } from '../case-store';

/**
 * Showing a masked 個人番号 needs the clerk's password again (someone may have sat down at an
 * unlocked counter); each reveal is recorded in the audit trail by the services, with the case and
 * the field, never the number.
 */
interface Pending {
  personRef: string;
  resolve(shown: boolean): void;
}
const usePending = create<{ pending: Pending | null }>(() => ({ pending: null }));

/** The checkbox's new state, after the password was asked for when it is being turned on. */
export function confirmReveal(on: boolean, personRef: string): Promise<boolean> {
  if (!on) return Promise.resolve(false);
  usePending.getState().pending?.resolve(false);
  return new Promise((resolve) => usePending.setState({ pending: { personRef, resolve } }));
}

export function RevealPrompt() {
  const pending = usePending((s) => s.pending);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!pending) return null;
  const done = (shown: boolean) => {
    pending.resolve(shown);
    usePending.setState({ pending: null });
    setPassword('');
    setMessage(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const caseId = useCase.getState().current?.id;
    const r = await bridge.revealMyNumber({ password, personRef: pending.personRef, ...(caseId ? { caseId } : {}) });
    if (r.ok) done(true);
    else {
      setPassword('');
      setMessage(r.error.message);
      if (r.error.code === 'UNAUTHENTICATED') done(false);
    }
  };
  return (
    <div className="lock-backdrop reveal-backdrop">
      <form className="session-card" aria-label="個人番号の表示の確認" onSubmit={(e) => void submit(e)}>
        <h2>個人番号を表示します</h2>
        <p>表示は記録されます。パスワードを入力してください。</p>
        {message && <p className="field-error" role="alert">{message}</p>}
        <label>パスワード<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required autoFocus /></label>
        <div className="actions">
          <button type="submit" className="primary">表示する</button>
          <button type="button" className="row-btn subtle" onClick={() => done(false)}>やめる</button>
        </div>
      </form>
    </div>
  );
}
