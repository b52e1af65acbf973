import { useState } from 'react';
import { useCase } from '../case-store';
import type { CaseSummary } from '../../../common/contract/case-operations';

/**
 * 続きから: the saved (open) cases, newest first. Each can be resumed or discarded; discarding
 * deletes the visitor's data (氏名, 個人番号 …) for good, so it asks once more in place.
 */
function ResumeRow({ c }: { c: CaseSummary }) {
  const resume = useCase((s) => s.resume);
  const discard = useCase((s) => s.discard);
  const [confirming, setConfirming] = useState(false);
  const label = `${c.event}・${c.date}・${c.name || '（氏名未入力）'}`;
  return (
    <li data-case-id={c.id}>
      <button type="button" className="row-btn" onClick={() => void resume(c.id)}>
        {c.event}・{c.date}・<span className="mj">{c.name || '（氏名未入力）'}</span>・{c.persons}人
      </button>
      <span className="note">更新 {new Date(c.updatedAt).toLocaleString('ja-JP')}</span>
      {!confirming && (
        <button type="button" className="row-btn subtle" aria-label={`${label} を破棄`} onClick={() => setConfirming(true)}>
          破棄
        </button>
      )}
      {confirming && (
        <span role="group" aria-label="破棄の確認" className="resume-confirm">
          <span className="note">入力した内容を削除します。元に戻せません。</span>
          <button type="button" className="row-btn danger" onClick={() => void discard(c.id)}>
            破棄する
          </button>
          <button type="button" className="row-btn subtle" onClick={() => setConfirming(false)}>
            戻る
          </button>
        </span>
      )}
    </li>
  );
}

export function ResumeList() {
  const resumable = useCase((s) => s.resumable);
  if (resumable.length === 0) return null;
  return (
    <>
      <h2>続きから</h2>
      <ul className="resume-list">
        {resumable.map((c) => (
          <ResumeRow key={c.id} c={c} />
        ))}
      </ul>
    </>
  );
}
