import { useCallback, useEffect, useRef, useState } from 'react';
import { AUDIT_EVENT_LABELS, AUDIT_EVENTS, type AuditEvent } from '../../../common/accounts/audit-events';
import type { AuditEntryView } from '../../../common/contract/account-operations';
import { bridge } from '../bridge/bridge';
import { DayInput } from '../components/DayInput';

const PAGE = 200;

interface Filter {
  actor: string;
  event: AuditEvent | '';
  day: string;
}

function when(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
}

function who(e: AuditEntryView): string {
  if (e.actorName) return e.actorName;
  if (e.actor.startsWith('os:')) return `${e.actor.slice(3)}（CLI）`;
  return e.actor === 'system' ? 'システム' : e.actor === 'unknown' ? '（不明な名前）' : e.actor;
}

/** Ids and codes only: the trail never holds a resident's data, so nothing here needs masking. */
function about(e: AuditEntryView): string {
  const parts = [e.caseId && `ケース …${e.caseId.slice(-8)}`, e.applicationId && `申請 …${e.applicationId.slice(-8)}`, e.personRef && `対象 ${e.personRef}`];
  const detail = Object.entries(e.detail).filter(([, v]) => v !== null && v !== '' && v !== false).map(([k, v]) => `${k}=${String(v)}`);
  return [...parts.filter(Boolean), ...detail].join(' / ');
}

/** The supervisor's view of the audit trail (監督者・管理者 only; the services refuse anyone else). */
export function AuditScreen() {
  const [filter, setFilter] = useState<Filter>({ actor: '', event: '', day: '' });
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [actors, setActors] = useState<{ id: string; name: string }[]>([]);
  const [verified, setVerified] = useState<{ ok: boolean; entries: number; firstBadSeq: number | null; problem: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (f: Filter, beforeSeq?: number, verify = false) => {
    const r = await bridge.listAuditLog({ ...(verify ? { verify } : {}), ...(f.actor ? { actor: f.actor } : {}), ...(f.event ? { event: f.event } : {}), ...(f.day ? { day: f.day } : {}), ...(beforeSeq ? { beforeSeq } : {}), limit: PAGE });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setActors(r.value.actors);
    if (r.value.verified) setVerified(r.value.verified);
    setItems((prev) => (beforeSeq ? [...prev, ...r.value.items] : r.value.items));
  }, []);
  // the chain is checked once per visit of the screen; a filter only reads
  const visited = useRef(false);
  useEffect(() => {
    void load(filter, undefined, !visited.current);
    visited.current = true;
  }, [filter, load]);

  return (
    <section className="queue audit" aria-label="監査ログ">
      <h1>監査ログ</h1>
      {verified && (verified.ok ? (
        <div className="banner success" role="status" data-testid="audit-verified">改ざんの検査: 正常（{verified.entries}件を検査）</div>
      ) : (
        <div className="banner error" role="alert">改ざんを検出しました: 項目 #{verified.firstBadSeq} — {verified.problem}</div>
      ))}
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="filters">
        <label>
          職員
          <select value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} aria-label="職員で絞り込む">
            <option value="">すべて</option>
            {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label>
          操作
          <select value={filter.event} onChange={(e) => setFilter({ ...filter, event: e.target.value as AuditEvent | '' })} aria-label="操作で絞り込む">
            <option value="">すべて</option>
            {AUDIT_EVENTS.map((ev) => <option key={ev} value={ev}>{AUDIT_EVENT_LABELS[ev]}</option>)}
          </select>
        </label>
        <label>
          日付
          <DayInput label="日付で絞り込む" iso={filter.day} onDay={(day) => day !== filter.day && setFilter({ ...filter, day })} />
        </label>
      </div>
      <table className="audit-table">
        <thead>
          <tr><th>番号</th><th>日時</th><th>職員</th><th>操作</th><th>対象・内容</th><th>端末</th></tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.seq} data-event={e.event}>
              <td>{e.seq}</td>
              <td>{when(e.at)}</td>
              <td>{who(e)}</td>
              <td>{AUDIT_EVENT_LABELS[e.event as AuditEvent] ?? e.event}</td>
              <td className="about">{about(e)}</td>
              <td>{e.terminal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p className="empty">該当する記録はありません。</p>}
      {items.length > 0 && items.length % PAGE === 0 && (
        <button type="button" className="row-btn" onClick={() => void load(filter, items[items.length - 1]!.seq)}>さらに表示</button>
      )}
    </section>
  );
}
