import { useEffect, useRef, useState } from 'react';
import { formatWareki } from '../../../common/validation/wareki';
import { QUEUE_PAGE, useApp } from '../store';
import { DayInput } from '../components/DayInput';
import { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from '../../../common/domain/application-status';
import type { QueueItem } from '../../../common/contract/operations';
import { ApplicationPrint, LineageDetail, LineageMark } from './QueueLineage';

const ROW_HEIGHT = 52;
const VIEW_ROWS = 12;

function time(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}/${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function note(it: QueueItem): string {
  if (it.cancelRequested) return '取消待ち: この送信が終わりしだい取り消します';
  if (it.statusReason) return it.statusReason;
  if (it.status === 'pending' && it.attempts > 0) return `再送待ち（${it.attempts}回試行）: ${it.lastError ?? ''}`;
  return '';
}

function Row({ it, top, onDetail }: { it: QueueItem; top: number; onDetail(): void }) {
  const cancel = useApp((s) => s.cancel);
  const startCorrection = useApp((s) => s.startCorrection);
  const setFilter = useApp((s) => s.setFilter);
  const [confirming, setConfirming] = useState(false);
  const cancellable = it.status === 'pending' || it.status === 'failed';
  const correctable = it.status === 'returned' || it.status === 'failed';
  return (
    <div className="qrow" role="row" aria-rowindex={top / ROW_HEIGHT + 2} style={{ top }} data-application-id={it.id}>
      <span role="cell" className="c-time">{time(it.createdAt)}</span>
      <span role="cell" className="c-form" title={it.version > 1 ? `${it.formTitle}（第${it.version}版）` : it.formTitle}>
        {it.formTitle}
        {it.version > 1 && <span className="ver">第{it.version}版</span>}
      </span>
      <span role="cell" className="c-name name" title={it.personName}>{it.personName}</span>
      <span role="cell" className="c-status">
        <span className={`status s-${it.status}`} data-testid="status">{STATUS_LABEL[it.status]}</span>
      </span>
      <span role="cell" className="c-receipt receipt" data-testid="receipt">{it.receiptNumber ?? '—'}</span>
      <span role="cell" className="c-note note" title={note(it)}><LineageMark it={it} />{note(it)}</span>
      <span role="cell" className="c-actions">
        {correctable && (
          <button type="button" className="row-btn" onClick={() => void startCorrection(it)}>修正して再提出</button>
        )}
        {cancellable && !confirming && (
          <button type="button" className="row-btn subtle" onClick={() => setConfirming(true)}>取消</button>
        )}
        {confirming && (
          <>
            <button type="button" className="row-btn danger" onClick={() => void cancel(it.id).then(() => setConfirming(false))}>取り消す</button>
            <button type="button" className="row-btn subtle" onClick={() => setConfirming(false)}>戻る</button>
          </>
        )}
        <button type="button" className="row-btn link" onClick={onDetail} aria-label={`${it.formTitle} ${it.personName} の詳細`}>詳細</button>
        <button type="button" className="row-btn link" onClick={() => setFilter({ caseId: it.caseId })} title="同じ来庁（ケース）の申請だけを表示">同じ来庁</button>
      </span>
    </div>
  );
}

function fullTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${formatWareki(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** One application in full: what the narrow row cuts off, and where it stands in its sending. */
function Detail({ it, onClose }: { it: QueueItem; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [it.id]);
  return (
    <section className="qdetail" aria-label="申請の詳細" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>{it.formTitle}{it.version > 1 && <span className="ver">第{it.version}版</span>}</h2>
      <dl>
        <dt>氏名</dt><dd className="name">{it.personName}</dd>
        <dt>状態</dt><dd><span className={`status s-${it.status}`}>{STATUS_LABEL[it.status]}</span></dd>
        <dt>受付番号</dt><dd>{it.receiptNumber ?? '—（未受付）'}</dd>
        <LineageDetail it={it} />
        {it.statusReason && (<><dt>基幹システムからの理由</dt><dd>{it.statusReason}</dd></>)}
        {it.attempts > 0 && (<><dt>送信の試行</dt><dd>{it.attempts}回{it.lastError ? `（最後のエラー: ${it.lastError}）` : ''}</dd></>)}
        {it.nextAttemptAt && it.status === 'pending' && (<><dt>次の送信</dt><dd>{fullTime(it.nextAttemptAt)}</dd></>)}
        <dt>受付</dt><dd>{fullTime(it.createdAt)}</dd>
        <dt>最終更新</dt><dd>{fullTime(it.updatedAt)}</dd>
        <dt>来庁ケース</dt><dd>{it.caseId.slice(-8)}</dd>
      </dl>
      <ApplicationPrint it={it} />
      <button ref={closeRef} type="button" className="row-btn" onClick={onClose}>閉じる（Esc）</button>
    </section>
  );
}

/**
 * The queue stays usable at 100,000 rows: only one page around the scroll position is fetched
 * and only the visible rows are in the DOM; the scroll area is sized from the filtered total.
 */
export function QueueScreen() {
  const queue = useApp((s) => s.queue);
  const stats = useApp((s) => s.stats);
  const setFilter = useApp((s) => s.setFilter);
  const setQueueOffset = useApp((s) => s.setQueueOffset);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [detailId, setDetailId] = useState<string | null>(null);
  const { filter } = queue;
  const detail = detailId ? queue.items.find((it) => it.id === detailId) ?? null : null;

  const firstVisible = Math.floor(scrollTop / ROW_HEIGHT);
  useEffect(() => {
    // keep the fetched page centred on what is visible
    const wanted = Math.max(0, Math.floor((firstVisible - QUEUE_PAGE / 4) / (QUEUE_PAGE / 2)) * (QUEUE_PAGE / 2));
    if (firstVisible < queue.offset || firstVisible + VIEW_ROWS > queue.offset + queue.items.length) setQueueOffset(wanted);
  }, [firstVisible, queue.offset, queue.items.length, setQueueOffset]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [filter]);

  const count = (s: ApplicationStatus) =>
    stats ? ({ pending: stats.pending, in_flight: stats.inFlight, delivered: stats.delivered, accepted: stats.accepted, returned: stats.returned, completed: stats.completed, failed: stats.failed, cancelled: null } as const)[s] : 0;
  const visible = queue.items
    .map((it, i) => ({ it, index: queue.offset + i }))
    .filter(({ index }) => index >= firstVisible - 5 && index < firstVisible + VIEW_ROWS + 5);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <h1 id="queue-title">送信状況</h1>
      <div className="filters" role="group" aria-label="状態で絞り込み">
        <button type="button" className={filter.status === 'all' ? 'chip active' : 'chip'} onClick={() => setFilter({ status: 'all' })}>
          すべて {stats?.total ?? 0}
        </button>
        {APPLICATION_STATUSES.map((s) => (
          <button key={s} type="button" className={filter.status === s ? `chip active s-${s}` : `chip s-${s}`} onClick={() => setFilter({ status: s })}>
            {STATUS_LABEL[s]} {count(s) ?? ''}
          </button>
        ))}
      </div>
      <div className="filters" role="group" aria-label="受付日と来庁で絞り込み">
        <span className="day">
          受付日
          <DayInput label="受付日（から）" iso={filter.fromDay} onDay={(d) => d !== filter.fromDay && setFilter({ fromDay: d })} />
          〜
          <DayInput label="受付日（まで）" iso={filter.toDay} onDay={(d) => d !== filter.toDay && setFilter({ toDay: d })} />
        </span>
        {filter.caseId && (
          <button type="button" className="chip active" onClick={() => setFilter({ caseId: null })} title="来庁の絞り込みを解除">
            同じ来庁の申請のみ ✕
          </button>
        )}
        <span className="count" data-testid="queue-total">{queue.total.toLocaleString('ja-JP')}件</span>
      </div>
      {queue.notice && <div className="banner error" role="alert">{queue.notice}</div>}
      {/* one table: the header row and the (virtual) rows below it; aria-rowcount counts the header too */}
      <div role="table" aria-labelledby="queue-title" aria-rowcount={queue.total + 1}>
        <div role="rowgroup">
          <div className="qhead" role="row" aria-rowindex={1}>
            <span role="columnheader" className="c-time">受付</span>
            <span role="columnheader" className="c-form">様式</span>
            <span role="columnheader" className="c-name">氏名</span>
            <span role="columnheader" className="c-status">状態</span>
            <span role="columnheader" className="c-receipt">受付番号</span>
            <span role="columnheader" className="c-note">備考</span>
            <span role="columnheader" className="c-actions"><span className="visually-hidden">操作</span></span>
          </div>
        </div>
        {queue.total > 0 && (
          <div
            className="qscroll"
            role="rowgroup"
            ref={scroller}
            style={{ height: Math.min(queue.total, VIEW_ROWS) * ROW_HEIGHT }}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          >
            <div className="qspace" role="presentation" style={{ height: queue.total * ROW_HEIGHT }}>
              {visible.map(({ it, index }) => (
                <Row key={it.id} it={it} top={index * ROW_HEIGHT} onDetail={() => setDetailId(it.id)} />
              ))}
            </div>
          </div>
        )}
      </div>
      {queue.total === 0 && <p className="empty">該当する申請はありません。</p>}
      {detail && <Detail it={detail} onClose={() => setDetailId(null)} />}
    </section>
  );
}
