import { useCase } from '../case-store';
import { compareCardWithRegister } from '../../../common/register/card-register-diff';
import { formatWareki } from '../../../common/validation/wareki';
import './register.css';

const STATUS_LABELS = [['kokuho', '国保'], ['kouki', '後期高齢'], ['kaigo', '介護'], ['nenkin', '年金']] as const;

/**
 * What the 住民基本台帳 said about person `i` (when they were picked from it): 住民票's 続柄 and the
 * insurance and pension status that set the person's answers, and, once their card was read, every
 * difference between the card and the register (common/register/card-register-diff.ts).
 */
export function RegisterFacts({ i }: { i: number }) {
  const reg = useCase((s) => s.draft?.persons[i]?.register);
  const card = useCase((s) => s.draft?.persons[i]?.card);
  if (!reg) return null;
  const diffs = card ? compareCardWithRegister(card, reg) : null;
  const status = STATUS_LABELS.filter(([k]) => reg.status?.[k] !== undefined);
  const show = (item: string, v: string) => (item === '生年月日' && /^\d{4}-/.test(v) ? formatWareki(v) : v);
  return (
    <>
      <p className="register-facts" data-register-facts={i}>
        <span className="tag register">住民票</span>
        <span>続柄（世帯主から）：{reg.relationship}</span>
        <span>世帯番号 {reg.householdNumber}</span>
        {reg.status === undefined ? <span className="note">保険・年金の資格：照会なし</span> : status.length === 0 ? <span>保険・年金の資格：登録なし</span> : status.map(([k, label]) => <span key={k}>{label}：{reg.status![k]}</span>)}
        {diffs?.length === 0 && <span className="tag ok">カードと住民票は一致</span>}
      </p>
      {diffs && diffs.length > 0 && (
        <div className="banner warn card-diff" role="note" data-card-diff={i}>
          <table>
            <caption>カードと住民票の違い（{diffs.length}件）</caption>
            <thead>
              <tr><th scope="col">項目</th><th scope="col">カード</th><th scope="col">住民票</th><th scope="col">対応</th></tr>
            </thead>
            <tbody>
              {diffs.map((d) => (
                <tr key={d.item} data-diff={d.item}>
                  <th scope="row">{d.item}</th>
                  <td className={d.item === '氏名' || d.item === '住所' ? 'mj' : undefined}>{show(d.item, d.card)}</td>
                  <td className={d.item === '氏名' || d.item === '住所' ? 'mj' : undefined}>{show(d.item, d.register)}</td>
                  <td>{d.advice}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
