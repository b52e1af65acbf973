import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useCase } from '../case-store';
import { DayInput } from '../components/DayInput';
import { formatWareki } from '../../../common/validation/wareki';
import { useRegisterSearch, type SearchMode } from './register-search-store';
import './register.css';

const MODES: { id: SearchMode; label: string }[] = [
  { id: 'name', label: '氏名・フリガナ＋生年月日' },
  { id: 'address', label: '住所' },
  { id: 'residentCode', label: '住民票コード' },
];

/**
 * 「住民を検索」 in the household step: a registered resident is found in the 住民基本台帳 and their 世帯 is
 * taken into the case with one pick. Keyboard first: Enter in any search field searches, the focus goes
 * to the results, ↑↓ pick and Enter takes. Not a <form> of its own (it sits inside the household's).
 */
export function RegisterSearch() {
  const caseId = useCase((s) => s.current?.id ?? null);
  const mode = useRegisterSearch((s) => s.mode);
  const name = useRegisterSearch((s) => s.name);
  const birthDate = useRegisterSearch((s) => s.birthDate);
  const address = useRegisterSearch((s) => s.address);
  const residentCode = useRegisterSearch((s) => s.residentCode);
  const results = useRegisterSearch((s) => s.results);
  const active = useRegisterSearch((s) => s.active);
  const busy = useRegisterSearch((s) => s.busy);
  const message = useRegisterSearch((s) => s.message);
  const patch = useRegisterSearch((s) => s.patch);
  const resetFor = useRegisterSearch((s) => s.resetFor);
  const search = useRegisterSearch((s) => s.search);
  const take = useRegisterSearch((s) => s.take);
  const list = useRef<HTMLUListElement>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (caseId) resetFor(caseId);
  }, [caseId, resetFor]);
  // the active row stays in view as the arrows move it
  useEffect(() => {
    list.current?.querySelector(`[data-row="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, results]);

  // the result list takes the focus in the commit that shows it (a layout effect, before the frame is painted):
  // an Enter typed as the list appears picks from it instead of searching again
  const focusList = useRef(false);
  useLayoutEffect(() => {
    if (!focusList.current || !list.current) return;
    focusList.current = false;
    list.current.focus();
  }, [results]);
  const run = async () => {
    focusList.current = true;
    if (!(await search())) focusList.current = false;
    // the list was already on screen (the same results again): no new commit, so focus it now
    else if (focusList.current) {
      focusList.current = false;
      list.current?.focus();
    }
  };
  const takeRow = async (i: number) => {
    if (!(await take(i))) return;
    // the household is filled: Enter goes on to the procedures, Shift+Tab back into the persons
    requestAnimationFrame(() => box.current?.closest('form')?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus());
  };
  const onFieldKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault(); // not the household form's submit
    if (busy) return; // the search under way answers this Enter too
    void run();
  };
  const onListKey = (e: KeyboardEvent) => {
    const n = results?.length ?? 0;
    if (n === 0 || busy) return; // one take at a time
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      patch({ active: (active + move + n) % n });
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      patch({ active: e.key === 'Home' ? 0 : n - 1 });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void takeRow(active);
    }
  };

  return (
    <section className="register-search" ref={box} aria-labelledby="rs-title">
      <h2 id="rs-title">住民を検索<span className="note">住民基本台帳に登録されている方は、世帯をそのまま反映できます</span></h2>
      <div className="radio-row rs-modes" role="radiogroup" aria-label="検索の方法">
        {MODES.map((m) => (
          <label key={m.id} className={mode === m.id ? 'radio on' : 'radio'}>
            <input type="radio" name="register-search-by" value={m.id} checked={mode === m.id} onChange={() => patch({ mode: m.id })} />
            {m.label}
          </label>
        ))}
      </div>
      <div className="rs-fields" role="search" aria-label="住民基本台帳の検索条件" onKeyDown={onFieldKey}>
        {mode === 'name' && (
          <>
            <div className="field">
              <label htmlFor="rs-name">氏名またはフリガナ</label>
              <input id="rs-name" className="mj" value={name} autoComplete="off" spellCheck={false} placeholder="髙橋 正雄 / タカハシ マサオ" onChange={(e) => patch({ name: e.target.value })} />
            </div>
            <div className="field">
              <span className="label" id="rs-birth-label">生年月日</span>
              <DayInput label="生年月日（住民の検索）" iso={birthDate} onDay={(iso) => patch({ birthDate: iso })} />
            </div>
          </>
        )}
        {mode === 'address' && (
          <div className="field rs-wide">
            <label htmlFor="rs-address">住所（一部でも可）</label>
            <input id="rs-address" value={address} autoComplete="off" spellCheck={false} placeholder="相生三丁目5番" onChange={(e) => patch({ address: e.target.value })} />
          </div>
        )}
        {mode === 'residentCode' && (
          <div className="field">
            <label htmlFor="rs-code">住民票コード（11桁）</label>
            <input id="rs-code" value={residentCode} inputMode="numeric" autoComplete="off" onChange={(e) => patch({ residentCode: e.target.value })} />
          </div>
        )}
        <button type="button" className="row-btn rs-go" disabled={busy} onClick={() => void run()}>{busy ? '照会中…' : '検索（Enter）'}</button>
      </div>
      {message && (
        <p className={`banner ${message.kind} rs-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {results && results.length > 0 && (
        <>
          <p className="note" id="rs-hint">{results.length}件見つかりました。↑↓で選び、Enter で世帯を反映します。</p>
          <ul className="rs-results" role="listbox" ref={list} tabIndex={0} aria-label="検索結果" aria-describedby="rs-hint" aria-activedescendant={`rs-row-${active}`} onKeyDown={onListKey}>
            {results.map((p, i) => (
              <li key={p.residentCode} id={`rs-row-${i}`} data-row={i} role="option" aria-selected={i === active} className={i === active ? 'rs-row active' : 'rs-row'} onClick={() => busy || void takeRow(i)}>
                <span className="rs-name mj">{p.name}</span>
                <span className="rs-kana">{p.kana}</span>
                <span className="rs-birth">{formatWareki(p.birthDate)}生（{p.sex}）</span>
                <span className="rs-address mj">{p.address}</span>
                <span className="rs-household">世帯 {p.householdNumber}・{p.relationship}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
