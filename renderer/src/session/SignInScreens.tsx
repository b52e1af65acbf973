import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../common/accounts/roles';
import type { SessionView } from '../../../common/contract/account-operations';
import { useSession } from './session-store';

function Message() {
  const message = useSession((s) => s.message);
  return message ? <div className="banner info" role="status">{message}</div> : null;
}

/** First run: no account exists yet; the person installing the counter becomes its 管理者. */
export function FirstRunScreen() {
  const createFirstAdmin = useSession((s) => s.createFirstAdmin);
  const busy = useSession((s) => s.busy);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== again);
    if (password === again) void createFirstAdmin(name, password);
  };
  return (
    <form className="session-card" aria-label="管理者の登録" onSubmit={submit}>
      <h1>いちまどの初期設定</h1>
      <p>この端末にはまだアカウントがありません。最初に管理者を登録してください。管理者は窓口職員などのアカウントを作成できます。</p>
      <Message />
      <label>名前<input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required autoFocus /></label>
      <label>パスワード<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required /></label>
      <label>パスワード（確認）<input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" required /></label>
      {mismatch && <p className="field-error" role="alert">パスワードが一致しません。</p>}
      <button type="submit" className="primary" disabled={busy}>管理者を登録</button>
    </form>
  );
}

function DemoAccounts({ s }: { s: SessionView }) {
  if (s.demoAccounts.length === 0) return null;
  return (
    <div className="banner warn demo-accounts" data-testid="demo-accounts" role="note">
      <div>
        研修用アカウント（模擬バックエンド使用時のみ）: {s.demoAccounts.map((a) => `${a.name}（${ROLE_LABELS[a.role]}）`).join('、')}
        <br />
        パスワード: <code>{s.demoPassword}</code>
      </div>
    </div>
  );
}

export function SignInScreen({ s }: { s: SessionView }) {
  const signIn = useSession((s) => s.signIn);
  const busy = useSession((s) => s.busy);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(name, password).then(() => setPassword(''));
  };
  return (
    <form className="session-card" aria-label="サインイン" onSubmit={submit}>
      <h1>いちまど サインイン</h1>
      <DemoAccounts s={s} />
      <Message />
      <label>名前<input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required autoFocus /></label>
      <label>パスワード<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required /></label>
      <button type="submit" className="primary" disabled={busy}>サインイン</button>
    </form>
  );
}

/** Shown over the app while locked: the case below stays as it was, hidden, until the same clerk unlocks. */
export function LockScreen({ s }: { s: SessionView }) {
  const unlock = useSession((s) => s.unlock);
  const signOut = useSession((s) => s.signOut);
  const busy = useSession((s) => s.busy);
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void unlock(password).then(() => setPassword(''));
  };
  return (
    <div className="lock-backdrop">
      <form className="session-card" aria-label="画面ロック" onSubmit={submit}>
        <h1>画面をロックしています</h1>
        <p>{s.user?.name}さん（{s.user ? ROLE_LABELS[s.user.role] : ''}）のパスワードを入力すると、ロックした時の画面に戻ります。</p>
        <Message />
        <label>パスワード<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required autoFocus /></label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>ロック解除</button>
          <button type="button" className="row-btn subtle" onClick={() => void signOut()}>サインアウト（別の職員に替わる）</button>
        </div>
      </form>
    </div>
  );
}
