import { useEffect, useRef } from 'react';
import type { ChipCardFields, } from '../../../common/contract/chip-operations';
import type { CardFrontView } from '../../../common/contract/card-operations';
import { chipFaceDisagreements, type DiffField } from '../../../common/card/chip-face-diff';
import { splitAtSpace } from '../../../common/card/card-checks';
import { formatWareki } from '../../../common/validation/wareki';
import type { ConfirmedCard } from './confirmed-card';

const LABELS: Record<DiffField, string> = { name: '氏名', address: '住所', birthDate: '生年月日', sex: '性別' };
const sexJa = (s: string) => (s === 'M' ? '男' : s === 'F' ? '女' : '（なし）');
const shown = (field: DiffField, v: string) => (field === 'birthDate' ? (v ? formatWareki(v) : '（なし）') : field === 'sex' ? sexJa(v) : v);

/** The chip's fields as the person will get them: exactly as the chip holds them (code points, IVS). */
export function chipConfirmedCard(f: ChipCardFields): ConfirmedCard {
  return {
    familyName: f.nameParts.family,
    givenName: f.nameParts.given,
    familyNameKana: '',
    givenNameKana: '',
    birthDate: f.birthDate ?? '',
    sex: f.sex === 'M' ? '男' : f.sex === 'F' ? '女' : '',
    address: f.address,
  };
}

/**
 * A complete chip read (digests checked): the fields exactly as the chip holds them, names in IPAmj明朝, and — when
 * the face was also read in this dialog — every field the face read disagrees on, flagged. Enter fills the person.
 */
export function ChipResult({ fields, front, onConfirm, onDiscard }: { fields: ChipCardFields; front: CardFrontView | null; onConfirm(c: ConfirmedCard): void; onDiscard(): void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const diffs = front
    ? chipFaceDisagreements(fields, (() => {
        const [family, given] = front.nameParts ? [front.nameParts.family, front.nameParts.given] : splitAtSpace(front.fields.name.value);
        const sex = front.fields.sex.value;
        return { familyName: family, givenName: given, address: front.fields.address.value ?? '', birthDate: front.fields.birthDate.value, sex: sex === 'M' || sex === 'F' ? sex : null };
      })())
    : [];
  const flagged = new Set(diffs.map((d) => d.field));
  const row = (field: DiffField, value: string, mj = false) => (
    <div className={flagged.has(field) ? 'chip-row differs' : 'chip-row'}>
      <dt>{LABELS[field]}</dt>
      <dd className={mj ? 'mj' : undefined} data-field={field}>{value}</dd>
      {flagged.has(field) && <dd className="chip-differs">券面の読み取り: <span className={mj ? 'mj' : undefined}>{shown(field, diffs.find((d) => d.field === field)!.face)}</span>（ICチップと異なります）</dd>}
    </div>
  );
  return (
    <section className="chip-result" aria-label="ICチップの読み取り結果">
      <p className="chip-ok" role="status">ICチップから読み取りました（署名のダイジェスト一致・{fields.method === 'pin' ? '暗証番号' : '照合番号B'}）。</p>
      {diffs.length > 0 && (
        <div className="banner warn" role="alert">券面の読み取りとICチップで {diffs.length} 項目が異なります（{diffs.map((d) => LABELS[d.field]).join('・')}）。ICチップの内容で入力します。</div>
      )}
      <dl className="chip-fields">
        {row('name', fields.name, true)}
        {row('address', fields.address, true)}
        {row('birthDate', fields.birthDate ? formatWareki(fields.birthDate) : '（読み取れませんでした）')}
        {row('sex', sexJa(fields.sex ?? ''))}
      </dl>
      <div className="actions">
        <button type="button" className="row-btn subtle" onClick={onDiscard}>使わない</button>
        <button type="button" className="primary" ref={confirm} onClick={() => onConfirm(chipConfirmedCard(fields))}>この内容で入力（Enter）</button>
      </div>
    </section>
  );
}
