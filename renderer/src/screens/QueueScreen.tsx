import { useApp } from '../store';
import { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from '../../../common/domain/application-status';

function time(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}/${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function QueueScreen() {
  const { queue, stats, setFilter } = useApp();
  const count = (s: ApplicationStatus) =>
    stats ? { pending: stats.pending, in_flight: stats.inFlight, accepted: stats.accepted, returned: stats.returned, completed: stats.completed, failed: stats.failed }[s] : 0;
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h1 id="queue-title">送信状況</h1>
      <div className="filters" role="group" aria-label="状態で絞り込み">
        <button type="button" className={queue.filter === 'all' ? 'chip active' : 'chip'} onClick={() => setFilter('all')}>
          すべて {stats?.total ?? 0}
        </button>
        {APPLICATION_STATUSES.map((s) => (
          <button key={s} type="button" className={queue.filter === s ? `chip active s-${s}` : `chip s-${s}`} onClick={() => setFilter(s)}>
            {STATUS_LABEL[s]} {count(s)}
          </button>
        ))}
      </div>
      {queue.items.length === 0 ? (
        <p className="empty">該当する申請はありません。</p>
      ) : (
        <table className="queue-table">
          <thead>
            <tr>
              <th>受付</th>
              <th>様式</th>
              <th>氏名</th>
              <th>状態</th>
              <th>受付番号</th>
              <th>備考</th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((it) => (
              <tr key={it.id} data-application-id={it.id}>
                <td>{time(it.createdAt)}</td>
                <td>{it.formTitle}</td>
                <td className="name">{it.personName}</td>
                <td>
                  <span className={`status s-${it.status}`} data-testid="status">
                    {STATUS_LABEL[it.status]}
                  </span>
                </td>
                <td className="receipt" data-testid="receipt">
                  {it.receiptNumber ?? '—'}
                </td>
                <td className="note">
                  {it.statusReason ?? (it.status === 'pending' && it.attempts > 0 ? `再送待ち（${it.attempts}回試行）: ${it.lastError ?? ''}` : '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
