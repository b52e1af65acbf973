import { useApp } from '../store';

/** Always visible: is the back end reachable, and how much is waiting or needs the clerk. */
export function ConnectionIndicator() {
  const { sync, stats, sendNow, setScreen } = useApp();
  const waiting = (stats?.pending ?? 0) + (stats?.inFlight ?? 0);
  const needsAction = (stats?.failed ?? 0) + (stats?.returned ?? 0);
  const conn = sync?.connection ?? 'unknown';
  const label = sync?.sending ? '送信中' : conn === 'online' ? 'オンライン' : conn === 'offline' ? 'オフライン' : '確認中';
  return (
    <div className="indicator" role="status" aria-live="polite" data-testid="connection-indicator">
      <span className={`dot ${conn}`} aria-hidden="true" />
      <span className="conn-label" data-testid="connection-label">
        {label}
      </span>
      {waiting > 0 && (
        <button type="button" className="pill" onClick={() => setScreen('queue')}>
          送信待ち {waiting}件
        </button>
      )}
      {needsAction > 0 && (
        <button type="button" className="pill warn" onClick={() => setScreen('queue')}>
          要対応 {needsAction}件
        </button>
      )}
      {waiting > 0 && (
        <button type="button" className="send-now" onClick={() => void sendNow()}>
          今すぐ送信
        </button>
      )}
    </div>
  );
}
