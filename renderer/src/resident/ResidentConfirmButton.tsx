import { useState } from 'react';
import { bridge } from '../bridge/bridge';

/**
 * 「住民に確認してもらう」 on the case's print step: the resident-facing screen shows what was entered (names
 * in IPAmj明朝, address, 生年月日, today's procedures) for the resident to check before anything is printed.
 */
export function ResidentConfirmButton({ caseId }: { caseId: string }) {
  const [state, setState] = useState<{ showing: boolean; error: string | null }>({ showing: false, error: null });
  const show = async () => {
    const r = await bridge.showResidentConfirm({ caseId });
    setState(r.ok ? { showing: true, error: null } : { showing: false, error: r.error.message });
  };
  const clear = async () => {
    const r = await bridge.clearResidentDisplay({});
    setState(r.ok ? { showing: false, error: null } : { showing: state.showing, error: r.error.message });
  };
  return (
    <div className="actions resident-actions">
      <button type="button" className="row-btn" onClick={() => void show()}>
        {state.showing ? '住民向け画面の表示を更新' : '住民に確認してもらう'}
      </button>
      {state.showing && (
        <>
          <span className="resident-showing" role="status">住民向け画面に入力内容を表示しています</span>
          <button type="button" className="row-btn subtle" onClick={() => void clear()}>表示を消す</button>
        </>
      )}
      {state.error && <span className="field-error" role="alert">{state.error}</span>}
    </div>
  );
}
