import { useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import './training.css';

/**
 * 研修モード, said on every screen — sign-in, lock and first run included, so it sits above the session
 * gate and asks for the app info itself (a public operation). Never shown with a configured back end.
 */
export function TrainingBanner() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    void bridge.getAppInfo({}).then((r) => live && r.ok && setDemo(r.value.backend.simulated));
    return () => {
      live = false;
    };
  }, []);
  if (!demo) return null;
  return (
    <aside className="training-banner" aria-label="研修モード" data-testid="training-banner">
      <strong>研修モード</strong>
      <span>模擬バックエンドに接続しています。住民・カードはすべて架空で、実際の基幹システムには送信されません。印刷には「見本」が入ります。</span>
    </aside>
  );
}
