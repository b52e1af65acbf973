import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../common/accounts/roles';
import type { OpOutput } from '../../../common/contract/operations';
import { bridge } from '../bridge/bridge';

type AccountRow = OpOutput<'listAccounts'>['items'][number];

/** The 管理者's screen: the counter's accounts, and a new one (each creation is in the audit trail). */
export function AccountsScreen() {
  const [items, setItems] = useState<AccountRow[]>([]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const load = useCallback(async () => {
    const r = await bridge.listAccounts({});
    if (r.ok) setItems(r.value.items);
    else setBanner({ kind: 'error', text: r.error.message });
  }, []);
  useEffect(() => void load(), [load]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await bridge.createAccount({ name, password, role });
    if (!r.ok) return setBanner({ kind: 'error', text: r.error.message });
    setBanner({ kind: 'success', text: `${r.value.name}さん（${ROLE_LABELS[r.value.role]}）のアカウントを作成しました。` });
    setName('');
    setPassword('');
    void load();
  };
  return (
    <section className="queue accounts" aria-label="アカウント">
      <h1>アカウント</h1>
      {banner && <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>{banner.text}</div>}
      <form className="filters" aria-label="アカウントの作成" onSubmit={(e) => void submit(e)}>
        <label>名前<input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" /></label>
        <label>初期パスワード<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" /></label>
        <label>
          役割
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </label>
        <button type="submit" className="row-btn">作成</button>
      </form>
      <table className="audit-table">
        <thead><tr><th>名前</th><th>役割</th><th>作成日時</th></tr></thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}><td>{a.name}</td><td>{ROLE_LABELS[a.role]}{a.demo ? '（研修）' : ''}</td><td>{new Date(a.createdAt).toLocaleString('ja-JP')}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
