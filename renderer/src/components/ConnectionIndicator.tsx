import { useApp } from '../store';

/** Always visible: is the back end reachable, what is being sent, what needs the clerk. */
export function ConnectionIndicator() {
  const sync = useApp((s) => s.sync);
  const stats = useApp((s) => s.stats);
  const sendNow = useApp((s) => s.sendNow);
  const setScreen = useApp((s) => s.setScreen);
  const setFilter = useApp((s) => s.setFilter);
  const sending = stats?.inFlight ?? 0;
  const waiting = stats?.pending ?? 0;
  // each pill names the status it opens, with that status's count: 差戻し (the back office returned it)
  // and 要対応 (the back end refused its content) are both the clerk's, but listed apart in the queue
  const returned = stats?.returned ?? 0;
  const failed = stats?.failed ?? 0;
  const conn = sync?.connection ?? 'unknown';
  const label = conn === 'online' ? 'オンライン' : conn === 'offline' ? 'オフライン' : '確認中';
  const show = (status: 'pending' | 'failed' | 'returned') => {
    setFilter({ status, caseId: null });
    setScreen('queue');
  };
  return (
    <div className="indicator" role="status" aria-live="polite" data-testid="connection-indicator">
      <span className={`dot ${conn}`} aria-hidden="true" />
      <span className="conn-label" data-testid="connection-label">{label}</span>
      {sending > 0 && <span className="pill" data-testid="sending-count">送信中 {sending}件</span>}
      {waiting > 0 && (
        <button type="button" className="pill" data-testid="waiting-count" onClick={() => show('pending')}>
          送信待ち {waiting}件
        </button>
      )}
      {returned > 0 && (
        <button type="button" className="pill warn" data-testid="returned-count" onClick={() => show('returned')}>
          差戻し {returned}件
        </button>
      )}
      {failed > 0 && (
        <button type="button" className="pill warn" data-testid="action-count" onClick={() => show('failed')}>
          要対応 {failed}件
        </button>
      )}
      <button type="button" className="send-now" onClick={() => void sendNow()} title="待たずに送信と状況の確認をします">
        今すぐ送信
      </button>
    </div>
  );
}
