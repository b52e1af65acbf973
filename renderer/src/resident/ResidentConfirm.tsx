import type { ResidentConfirmSummary } from '../../../common/contract/resident-operations';
import { Says } from './Says';

/**
 * 「ご確認ください」: what the clerk entered, for the resident to check before the forms are printed. Names in
 * IPAmj明朝 exactly as entered (variants, IVS), 生年月日 in 和暦 with the English date, the address, and the
 * procedures of today in the three registers the printed summary sheet uses.
 */
export function ResidentConfirm({ summary }: { summary: ResidentConfirmSummary }) {
  return (
    <section className="resident-confirm" aria-labelledby="confirm-title">
      <header className="confirm-head">
        <h1 id="confirm-title">ご確認ください</h1>
        <Says ja="内容に誤りがないかご確認ください。誤りがあれば係員にお知らせください。" easy="まちがいが ないか みて ください。まちがいが あったら かかりの ひとに いって ください。" en="Please check the details below and tell the staff if anything is wrong." />
      </header>
      <dl className="confirm-list">
        <div className="confirm-row">
          <dt><span className="says-ja">届出</span><span className="says-en" lang="en">Notification</span></dt>
          <dd><Says as="div" {...summary.event} /></dd>
        </div>
        {summary.persons.map((p, i) => (
          <div className="confirm-row person" key={i}>
            <dt><span className="says-ja">氏名・生年月日</span><span className="says-easy">なまえ・うまれた ひ</span><span className="says-en" lang="en">Name, date of birth</span></dt>
            <dd>
              <span className="confirm-name mj">{p.name || '（未入力）'}</span>
              <span className="confirm-birth">{p.birthDate ? `${p.birthDate}生` : '（未入力）'}{p.birthDateEn && <span className="says-en" lang="en">{p.birthDateEn}</span>}</span>
            </dd>
          </div>
        ))}
        <div className="confirm-row">
          <dt><span className="says-ja">住所</span><span className="says-easy">じゅうしょ</span><span className="says-en" lang="en">Address</span></dt>
          <dd className="confirm-address mj">{summary.address || '（未入力）'}</dd>
        </div>
        <div className="confirm-row">
          <dt><span className="says-ja">本日の手続き</span><span className="says-easy">きょうの てつづき</span><span className="says-en" lang="en">Procedures today</span></dt>
          <dd>
            <ul className="confirm-procedures">
              {summary.procedures.map((p, i) => (
                <li key={i}><Says as="div" {...p} /></li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}
