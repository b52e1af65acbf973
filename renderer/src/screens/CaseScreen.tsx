import { memo, useCallback, useEffect, useMemo, useRef, type FormEvent } from 'react';
import { parseCaseDate, useCase, type PersonDraft } from '../case-store';
import { useApp } from '../store';
import { FormFields, DateEcho } from '../components/FormFields';
import { conditionHolds } from '../../../common/forms/form-keys';
import { findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import { formatJa, formatWareki, parseDateInput } from '../../../common/validation/wareki';
import { COVERAGE_PAIRS, HEALTH_INSURANCES, LIFE_EVENTS, PENSIONS, RELATIONS, SEXES, type LifeEvent, type Relation } from '../../../common/domain/household';
import type { CaseFormView, CaseProcedureView } from '../../../common/contract/case-operations';
import { CardCapture } from '../card/CardCapture';
import { useCard } from '../card/card-store';
import { KanaField } from '../names/KanaField';
import { useNameReadings } from '../names/use-name-readings';
import { continueAfterTab } from '../components/caret';
import { PostalAddressFields } from '../components/PostalAddressFields';
import { firstControl, useFocusOnError, useOpenAtTop } from '../components/focus';
import { useKeystrokeProbe } from '../components/keystroke-probe';
import { ResumeList } from './ResumeList';
import { usePrintShortcut } from '../print/use-print-shortcut';
import { ResidentConfirmButton } from '../resident/ResidentConfirmButton';
import { ResidentPhoneField } from '../resident/ResidentPhoneField';
import { ConfirmTogether } from './ConfirmTogether';
import { STATUS_LABEL } from '../../../common/domain/application-status';
import { RegisterSearch } from '../register/RegisterSearch';
import { lookupFromCard, offeredList } from '../register/card-lookup';
import { RegisterFacts } from '../register/RegisterFacts';

/** A queued form's state as the queue has it now: 送信待ち while offline, 受理, 差戻し … (not a blanket 送信済み). */
function queuedLabel(f: CaseFormView): string {
  return f.applicationStatus ? STATUS_LABEL[f.applicationStatus] : '送信キューに登録済み';
}

/**
 * 手続きナビ: new case → household (persons) → event, date and a few questions → the navigator's
 * list → the chosen forms, pre-filled from the case and confirmed one by one → print → submit.
 */
const STEPS = [
  { id: 'household', label: '1 来庁者・世帯' },
  { id: 'procedures', label: '2 手続き' },
  { id: 'forms', label: '3 様式の確認' },
  { id: 'finish', label: '4 印刷・送信' },
] as const;

function Radios<T extends string>({ name, label, options, value, onChange, error }: { name: string; label: string; options: readonly T[]; value: string; onChange(v: T): void; error?: string }) {
  return (
    <fieldset className={`field radios${error ? ' has-error' : ''}`} data-field={name}>
      <legend>{label}</legend>
      <div className="radio-row">
        {options.map((o) => (
          <label key={o} className={value === o ? 'radio on' : 'radio'}>
            <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
            {o}
          </label>
        ))}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}

/** `continues`: the value may start prefilled (the city's prefix): Tab into it leaves the caret after it. */
function Text({ id, label, value, onChange, error, placeholder, className, mj, type, continues }: { id: string; label: string; value: string; onChange(v: string): void; error?: string; placeholder?: string; className?: string; mj?: boolean; type?: string; continues?: boolean }) {
  return (
    <div className={`field ${className ?? ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type ?? 'text'} className={mj ? 'mj' : undefined} value={value} placeholder={placeholder} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} onKeyUp={continues ? continueAfterTab : undefined} aria-invalid={error ? true : undefined} />
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}

/** One person of the household: it reads its own person from the store, so typing in one card re-renders only that card. */
const PersonCard = memo(function PersonCard({ i }: { i: number }) {
  const p = useCase((s) => s.draft?.persons[i]);
  const patchPerson = useCase((s) => s.patchPerson);
  const removePerson = useCase((s) => s.removePerson);
  const birthError = useCase((s) => s.householdErrors[`p${i}.birth`]);
  const openCard = useCard((s) => s.open);
  const set = (x: Partial<PersonDraft>) => patchPerson(i, x);
  const readings = useNameReadings(p?.familyName ?? '', p?.givenName ?? '');
  if (!p) return null;
  const pre = `p${i}-`;
  return (
    <fieldset className="person-card" data-person={i}>
      <legend>
        {i + 1}人目：
        <select aria-label={`${i + 1}人目の続柄`} value={p.relation} onChange={(e) => set({ relation: e.target.value as Relation, relationGuessed: false })}>
          {RELATIONS.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        {p.relationGuessed && <span className="tag warn" title="生年月日から推定しました。違う場合は選び直してください。">推定</span>}
        {(p.familyName || p.givenName) && <span className="mj person-name">{p.familyName}　{p.givenName}</span>}
        {p.fromCard && <span className="tag ok">カード確認済み</span>}
        <button type="button" className="row-btn card-btn" onClick={() => openCard({ kind: 'person', index: i })} aria-label={`${i + 1}人目のカードを読み取る`}>
          {p.fromCard ? 'カードを読み直す' : 'カードを読み取る'}
        </button>
      </legend>
      <RegisterFacts i={i} />
      <div className="person-grid">
        <Text id={`${pre}familyName`} label="氏" value={p.familyName} onChange={(v) => set({ familyName: v })} mj />
        <Text id={`${pre}givenName`} label="名" value={p.givenName} onChange={(v) => set({ givenName: v })} mj />
        <KanaField id={`${pre}familyNameKana`} label="氏（ふりがな）" value={p.familyNameKana} onChange={(v) => set({ familyNameKana: v })} readings={readings.family} state={p.familyName.trim() ? readings.state : 'empty'} />
        <KanaField id={`${pre}givenNameKana`} label="名（ふりがな）" value={p.givenNameKana} onChange={(v) => set({ givenNameKana: v })} readings={readings.given} state={p.givenName.trim() ? readings.state : 'empty'} />
        <div className={`field${birthError ? ' has-error' : ''}`}>
          <label htmlFor={`${pre}birth`}>生年月日</label>
          <input id={`${pre}birth`} aria-invalid={birthError ? true : undefined} value={p.birthRaw} placeholder="S60.4.1 / R4.6.1 / 1985-04-01" autoComplete="off" onChange={(e) => set({ birthRaw: e.target.value })} />
          <DateEcho raw={p.birthRaw} />
          {birthError && <p className="field-error" role="alert">{birthError}</p>}
        </div>
        <Radios name={`${pre}sex`} label="性別" options={SEXES} value={p.sex} onChange={(v) => set({ sex: v })} />
        <Radios name={`${pre}health`} label="健康保険" options={HEALTH_INSURANCES} value={p.healthInsurance} onChange={(v) => set({ healthInsurance: v })} />
        <Radios name={`${pre}pension`} label="年金" options={PENSIONS} value={p.pension} onChange={(v) => set({ pension: v })} />
        <div className="field coverage-pairs" role="group" aria-label={`${i + 1}人目の健康保険と年金`}>
          <span className="note">よくある組み合わせ</span>
          {COVERAGE_PAIRS.map((c) => {
            const on = p.healthInsurance === c.healthInsurance && p.pension === c.pension;
            return (
              <button key={c.label} type="button" className={on ? 'pick on' : 'pick'} aria-pressed={on} onClick={() => set({ healthInsurance: c.healthInsurance, pension: c.pension })}>
                {c.label}（{c.healthInsurance}・{c.pension}）
              </button>
            );
          })}
        </div>
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={p.careCertified} onChange={(e) => set({ careCertified: e.target.checked })} />
            要介護・要支援の認定あり
          </label>
        </div>
        <ResidentPhoneField id={`${pre}phone`} who={`${i + 1}人目`} value={p.phone} onChange={(v) => set({ phone: v })} />
        <Text id={`${pre}myNumber`} label={p.myNumberSource ? '個人番号（カードから読み取り済み）' : '個人番号（カードで確認）'} type="password" value={p.myNumber} onChange={(v) => set({ myNumber: v })} />
        <Text id={`${pre}nationality`} label="国籍・地域（外国籍の方）" value={p.nationality} onChange={(v) => set({ nationality: v })} />
      </div>
      {p.relation !== '本人' && (
        <button type="button" className="row-btn subtle" onClick={() => removePerson(i)}>この人を削除</button>
      )}
    </fieldset>
  );
});

function HouseholdStep() {
  const ev = useCase((s) => s.draft?.event);
  const dateRaw = useCase((s) => s.draft?.dateRaw ?? '');
  const personCount = useCase((s) => s.draft?.persons.length ?? 0);
  const hasHonnin = useCase((s) => s.draft?.persons.some((p) => p.relation === '本人') ?? false);
  const postalCode = useCase((s) => s.draft?.postalCode ?? '');
  const address = useCase((s) => s.draft?.address ?? '');
  const previousPostalCode = useCase((s) => s.draft?.previousPostalCode ?? '');
  const previousAddress = useCase((s) => s.draft?.previousAddress ?? '');
  const nextAddress = useCase((s) => s.draft?.nextAddress ?? '');
  const patchDraft = useCase((s) => s.patchDraft);
  const addPerson = useCase((s) => s.addPerson);
  const saveHousehold = useCase((s) => s.saveHousehold);
  const setStep = useCase((s) => s.setStep);
  const busy = useCase((s) => s.busy);
  const dateError = useCase((s) => s.householdErrors.date);
  const personsError = useCase((s) => s.householdErrors.persons);
  const openCard = useCard((s) => s.open);
  const today = useApp((s) => s.info?.today);
  const city = useApp((s) => s.info?.city ?? null);
  const form = useRef<HTMLFormElement>(null);
  // a new visit starts at its first field, the event (arrow keys pick it, Tab goes on to the date)
  useOpenAtTop(() => firstControl(form.current, '[data-field="event"]'));
  const failed = useFocusOnError(form);
  // a person added with 「＋ 子」 etc. is typed next: the focus goes to their first empty name field, not
  // left on the button below the whole household (14 Shift+Tabs away)
  const added = useRef<number | null>(null);
  useEffect(() => {
    const i = added.current;
    if (i === null || i >= personCount) return;
    added.current = null;
    const family = document.getElementById(`p${i}-familyName`) as HTMLInputElement | null;
    (family && family.value === '' ? family : document.getElementById(`p${i}-givenName`))?.focus();
  }, [personCount]);
  if (!ev) return null;
  const add = (r: Relation) => {
    added.current = personCount;
    addPerson(r);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await saveHousehold()) setStep('procedures');
    else failed();
  };
  const addressLabel = ev === '転入' || ev === '転居' ? '新しい住所' : '住所';
  return (
    <form className="case-step" ref={form} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="来庁者・世帯">
      <fieldset className="field radios event" data-field="event">
        <legend>届出の種類（ライフイベント）</legend>
        <div className="radio-row">
          {LIFE_EVENTS.map((x: LifeEvent) => (
            <label key={x} className={ev === x ? 'radio on' : 'radio'}>
              <input type="radio" name="event" value={x} checked={ev === x} onChange={() => patchDraft({ event: x })} />
              {x === '死亡' ? '死亡（おくやみ）' : x}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="fields">
        <div className={`field${dateError ? ' has-error' : ''}`}>
          <label htmlFor="case-date">{ev === '転入' ? '転入した日' : ev === '転居' ? '転居した日' : ev === '転出' ? '転出（予定）日' : ev === '出生' ? '生まれた日' : ev === '死亡' ? '亡くなった日' : '届出日'}</label>
          <input id="case-date" aria-invalid={dateError ? true : undefined} value={dateRaw} autoComplete="off" placeholder="20 / 11.20 / R8.11.20 / 2026-11-20" onChange={(e) => patchDraft({ dateRaw: e.target.value })} />
          <CaseDateEcho parsed={dateRaw.trim() === '' ? null : parseCaseDate({ dateRaw, event: ev }, today)} />
          {dateError && <p className="field-error" role="alert">{dateError}</p>}
        </div>
      </div>
      {ev !== '転入' && <RegisterSearch />}
      <h2>{ev === '死亡' ? '亡くなった方（本人）とご家族' : '来庁者と世帯'}</h2>
      {Array.from({ length: personCount }, (_, i) => <PersonCard key={i} i={i} />)}
      {personsError && <p className="field-error" role="alert">{personsError}</p>}
      <div className="add-person" role="group" aria-label="世帯の人を追加">
        <button type="button" className="row-btn card-btn" onClick={() => openCard({ kind: 'new-person' })}>＋ 家族のカードを読む</button>
        {(['配偶者', '子', '父母', 'その他'] as const).map((r) => (
          <button key={r} type="button" className="row-btn" onClick={() => add(r)}>＋ {r}</button>
        ))}
        {!hasHonnin && <button type="button" className="row-btn" onClick={() => add('本人')}>＋ 本人</button>}
      </div>
      <h2>住所</h2>
      <div className="fields">
        <PostalAddressFields postalId="h-postalCode" addressId="h-address" postalLabel={`${addressLabel}の郵便番号`} addressLabel={addressLabel} postal={postalCode} address={address} onPostal={(v) => patchDraft({ postalCode: v })} onAddress={(v) => patchDraft({ address: v })} city={city} />
        {(ev === '転入' || ev === '転居') && (
          <PostalAddressFields postalId="h-previousPostalCode" addressId="h-previousAddress" postalLabel="前の住所の郵便番号" addressLabel="前の住所" postal={previousPostalCode} address={previousAddress} onPostal={(v) => patchDraft({ previousPostalCode: v })} onAddress={(v) => patchDraft({ previousAddress: v })} city={city} />
        )}
        {ev === '転出' && <Text id="h-nextAddress" label="転出先" className="kind-address" value={nextAddress} onChange={(v) => patchDraft({ nextAddress: v })} />}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>手続きを調べる →</button>
      </div>
    </form>
  );
}

/** How the event date was understood, a date typed without its year included. */
function CaseDateEcho({ parsed }: { parsed: ReturnType<typeof parseCaseDate> | null }) {
  if (!parsed?.ok) return null;
  return (
    <span className="echo">
      → {formatJa(parsed.iso)}（{formatWareki(parsed.iso)}）
    </span>
  );
}

function ProcedureRow({ p }: { p: CaseProcedureView }) {
  const toggleProcedure = useCase((s) => s.toggleProcedure);
  return (
    <li className={`proc${p.overdue ? ' overdue' : ''}`} data-proc={p.key}>
      <label className="proc-check">
        <input type="checkbox" checked={p.selected} onChange={(e) => void toggleProcedure(p.key, e.target.checked)} aria-label={`${p.title}を作成する`} />
        <span className="proc-title">{p.title}</span>
        <span className="proc-gyomu">{p.gyomu}</span>
      </label>
      <p className="proc-reason">{p.reason}</p>
      <p className="proc-deadline">
        {p.deadline ? <>期限：{formatWareki(p.deadline)}</> : '法定の期限なし'}
        {p.legalBasis && <span className="note">（{p.legalBasis}）</span>}
      </p>
      {p.warning && <p className="field-warning" role="note">{p.warning}</p>}
    </li>
  );
}

function ProceduresStep() {
  const current = useCase((s) => s.current);
  const setStep = useCase((s) => s.setStep);
  const openTogether = useCase((s) => s.openTogether);
  const step = useRef<HTMLDivElement>(null);
  useOpenAtTop(() => firstControl(step.current, '.proc'));
  if (!current) return null;
  const req = current.procedures.filter((p) => p.required && !p.needsConfirmation);
  const confirm = current.procedures.filter((p) => p.needsConfirmation);
  const optional = current.procedures.filter((p) => !p.required && !p.needsConfirmation);
  const list = (title: string, items: CaseProcedureView[], cls: string) =>
    items.length > 0 && (
      <section className={`proc-group ${cls}`} aria-label={title}>
        <h2>{title}（{items.length}）</h2>
        <ul>{items.map((p) => <ProcedureRow key={p.key} p={p} />)}</ul>
      </section>
    );
  return (
    <div className="case-step" ref={step} aria-label="手続き一覧">
      {current.problems.length > 0 && <div className="banner error" role="alert">{current.problems.map((x) => <p key={x}>{x}</p>)}</div>}
      {list('必要な手続き', req, 'required')}
      {list('確認が必要', confirm, 'confirm')}
      {list('希望があれば', optional, 'optional')}
      <div className="actions">
        <button type="button" className="row-btn subtle" onClick={() => setStep('household')}>← 世帯に戻る</button>
        <button type="button" className="primary" disabled={current.forms.length === 0} onClick={() => setStep('forms')}>
          様式を作成（{current.forms.length}件） →
        </button>
        {current.forms.length >= 2 && (
          <button type="button" className="row-btn" onClick={openTogether}>
            まとめて確認（{current.forms.length}件） →
          </button>
        )}
      </div>
    </div>
  );
}

function FormEditor({ f }: { f: CaseFormView }) {
  const mine = useCase((s) => s.edits[f.key]);
  const setFormValue = useCase((s) => s.setFormValue);
  const confirmForm = useCase((s) => s.confirmForm);
  const busy = useCase((s) => s.busy);
  const today = useApp((s) => s.info?.today ?? '9999-12-31');
  const city = useApp((s) => s.info?.city ?? null);
  const previousAddress = useCase((s) => s.current?.data.household.previousAddress);
  const def = findForm(f.formId);
  const values = useMemo(() => ({ ...f.values, ...(mine ?? {}) }), [f.values, mine]);
  const fromCase = useMemo(() => new Set(f.fromCase), [f.fromCase]);
  const verified = useMemo(() => new Set(f.verifiedMyNumbers), [f.verifiedMyNumbers]);
  const v = useMemo(() => (def ? validateForm(def, values, today) : null), [def, values, today]);
  useKeystrokeProbe(v);
  const form = useRef<HTMLFormElement>(null);
  // each form opens at its title: the clerk starts at the first field still to fill when it is in view, else at the title
  useOpenAtTop(() => {
    const todo = firstControl(form.current, '.has-error');
    return todo && todo.getBoundingClientRect().bottom <= window.innerHeight ? todo : form.current?.querySelector('h1');
  });
  const failed = useFocusOnError(form);
  // one function for the form's life, so that memoized fields re-render only when their own value changes
  const onChange = useCallback((k: string, val: string) => setFormValue(f.key, k, val), [setFormValue, f.key]);
  if (!def || !v) return <p>様式が見つかりません。</p>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void confirmForm(f.key).then((ok) => ok || failed());
  };
  return (
    <form className="form-card case-form" ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`t-${f.key}`} data-form-key={f.key}>
      <h1 id={`t-${f.key}`} tabIndex={-1}>{def.title}</h1>
      <p className="form-meta">業務: {def.gyomu} ・ 様式 v{def.version} ・ {f.confirmed ? '確認済み' : '未確認'}</p>
      <MyNumberNeeded f={f} values={values} />
      <FormFields form={def} values={values} errors={v.fieldErrors} warnings={v.warnings} fromCase={fromCase} verified={verified} onChange={onChange} city={city} previousAddress={previousAddress} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || f.applicationId !== null}>
          {f.applicationId ? `送信キューに登録済み（${queuedLabel(f)}）` : '内容を確認しました（Enter）'}
        </button>
      </div>
    </form>
  );
}

/**
 * The card's back is read only when a chosen form asks for the 個人番号: for each person whose number
 * this form asks for and whose number was not read from their card, a button reads the QR code of
 * their card's back. Whose number a field asks for is the case's answer (CaseFormView.owners): on 藤井恵's
 * 国民年金 届 it is hers, whoever the household's 本人 is.
 */
function MyNumberNeeded({ f, values }: { f: CaseFormView; values: Record<string, string> }) {
  const persons = useCase((s) => s.current?.data.persons);
  const openCard = useCard((s) => s.open);
  const def = findForm(f.formId);
  if (!def || !persons) return null;
  const who = new Set<number>();
  for (const x of def.fields) {
    // as the clerk sees the form: 番号の種類 just picked counts
    if (x.kind !== 'myNumber' || (x.when && !conditionHolds(x.when, (id) => values[id] ?? ''))) continue;
    const owner = f.owners[x.id];
    if (owner !== undefined) who.add(owner);
  }
  for (const g of def.groups ?? []) {
    for (const x of g.fields.filter((y) => y.kind === 'myNumber')) {
      for (const [k, owner] of Object.entries(f.owners)) if (k.startsWith(`${g.id}.`) && k.endsWith(`.${x.id}`)) who.add(owner);
    }
  }
  const missing = [...who].filter((i) => persons[i] && !persons[i]!.myNumberSource).sort((a, b) => a - b);
  if (missing.length === 0) return null;
  return (
    <div className="banner info mynumber-needed" role="note">
      <span>この様式には個人番号を記入します。カード裏面のQRコードから読み取れます：</span>
      {missing.map((i) => {
        const p = persons[i]!;
        return (
          <button key={i} type="button" className="row-btn" onClick={() => openCard({ kind: 'back', index: i })}>
            <span className="mj">{p.familyName ?? ''}{p.givenName ?? ''}</span>さんの裏面を読み取る
          </button>
        );
      })}
    </div>
  );
}

function FormsStep() {
  const current = useCase((s) => s.current);
  const activeForm = useCase((s) => s.activeForm);
  const openForm = useCase((s) => s.openForm);
  const setStep = useCase((s) => s.setStep);
  const together = useCase((s) => s.together);
  const openTogether = useCase((s) => s.openTogether);
  if (!current) return null;
  const active = current.forms.find((f) => f.key === activeForm) ?? current.forms[0];
  const unconfirmed = current.forms.filter((f) => !f.confirmed && !f.applicationId).length;
  return (
    <div className="case-forms">
      <nav className="form-list" aria-label="作成する様式">
        <ol>
          {current.forms.map((f) => {
            const errs = Object.keys(f.fieldErrors).length;
            return (
              <li key={f.key}>
                <button type="button" className={!together && f.key === active?.key ? 'form-tab active' : 'form-tab'} aria-current={!together && f.key === active?.key} onClick={() => openForm(f.key)}>
                  <span>{f.title}</span>
                  <span className={`badge ${f.applicationId ? 'sent' : f.confirmed ? 'ok' : errs ? 'todo' : 'check'}`}>
                    {f.applicationId ? '送信済' : f.confirmed ? '確認済' : errs ? `要入力 ${errs}` : '未確認'}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        {(unconfirmed >= 2 || together) && (
          <button type="button" className={together ? 'row-btn together active' : 'row-btn together'} aria-current={together} onClick={openTogether}>
            まとめて確認（{unconfirmed}件）
          </button>
        )}
        <button type="button" className="row-btn subtle" onClick={() => setStep('procedures')}>← 手続きに戻る</button>
        <button type="button" className="row-btn" onClick={() => setStep('finish')}>印刷・送信へ →</button>
      </nav>
      {together ? <ConfirmTogether onOpen={openForm} /> : active && <FormEditor key={active.key} f={active} />}
    </div>
  );
}

function FinishStep() {
  const current = useCase((s) => s.current);
  const makePdf = useCase((s) => s.makePdf);
  const printCase = useCase((s) => s.printCase);
  const submit = useCase((s) => s.submit);
  const pdf = useCase((s) => s.pdf);
  const busy = useCase((s) => s.busy);
  const closeCase = useCase((s) => s.closeCase);
  usePrintShortcut(() => void printCase(), current !== null);
  const setScreen = useApp((s) => s.setScreen);
  const step = useRef<HTMLDivElement>(null);
  useOpenAtTop(() => firstControl(step.current, '.finish-actions'));
  if (!current) return null;
  const confirmed = current.forms.filter((f) => f.confirmed);
  const sent = current.forms.filter((f) => f.applicationId);
  return (
    <div className="case-step" ref={step} aria-label="印刷・送信">
      <h2>確認済みの様式（{confirmed.length} / {current.forms.length}）</h2>
      <ul className="finish-list">
        {current.forms.map((f) => (
          <li key={f.key}>{f.confirmed ? '✔' : '・'} {f.title}{f.applicationId ? `（${queuedLabel(f)}）` : f.confirmed ? '' : '（未確認）'}</li>
        ))}
      </ul>
      <ResidentConfirmButton caseId={current.id} />
      <div className="actions finish-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void printCase()} aria-keyshortcuts="Control+P">印刷（Ctrl+P）</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void makePdf()}>印刷（PDFを作成）</button>
        {pdf && (
          <a className="row-btn" href={pdf.url} download={pdf.fileName}>
            PDFをもう一度保存（{pdf.pages ?? '?'}ページ）
          </a>
        )}
        <button type="button" className="primary" disabled={busy || confirmed.length === 0 || sent.length === current.forms.length} onClick={() => void submit()}>
          送信キューへ（{confirmed.filter((f) => !f.applicationId).length}件）
        </button>
      </div>
      {sent.length > 0 && (
        <div className="actions">
          <button type="button" className="row-btn" onClick={() => setScreen('queue')}>送信状況を見る</button>
          <button type="button" className="row-btn" onClick={closeCase}>この来庁を終える</button>
        </div>
      )}
    </div>
  );
}

function StartPanel() {
  const newCase = useCase((s) => s.newCase);
  const loadResumable = useCase((s) => s.loadResumable);
  const message = useCase((s) => s.message);
  useEffect(() => {
    void loadResumable();
  }, [loadResumable]);
  return (
    <section className="form-card case-start" aria-labelledby="nav-title">
      <h1 id="nav-title">手続きナビ</h1>
      <p className="form-meta">来庁された方の世帯とできごとから、必要な手続きと届書をまとめて作成します。</p>
      {message && <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</div>}
      <button type="button" className="primary" onClick={() => void newCase()} autoFocus>新しい来庁</button>
      <ResumeList />
    </section>
  );
}

function CardDialog() {
  const target = useCard((s) => s.target);
  // the household only while a card is being read: typing elsewhere does not re-render the dialog's host
  const draft = useCase((s) => (target ? s.draft : null));
  const applyCard = useCase((s) => s.applyCard);
  const applyMyNumber = useCase((s) => s.applyMyNumber);
  // a family card read adds a person: the clerk goes on in that person's card (the ふりがな the card does not
  // carry), not on the 「＋ 家族のカードを読む」 button below the whole household
  const applied = useRef<Promise<unknown> | null>(null);
  if (!target) return null;
  const focusAfter = async (): Promise<HTMLElement | null> => {
    // only after a confirmed read (a cancelled dialog gives the focus back to its button)
    if (!applied.current) return null;
    const offered = await applied.current;
    applied.current = null;
    // the 本人's card found one resident in the register: the focus on the offer, one Enter takes the 世帯
    if (offered === true) return offeredList();
    if (target.kind !== 'new-person') return null;
    await new Promise((r) => requestAnimationFrame(r)); // the new person's card rendered
    const count = useCase.getState().draft?.persons.length ?? 0;
    if (count === 0) return null;
    const card = document.querySelector(`fieldset.person-card[data-person="${count - 1}"]`);
    const fields = [...(card?.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])') ?? [])].filter((f) => !f.readOnly && !f.disabled);
    return fields.find((f) => f.value === '') ?? fields[0] ?? null;
  };
  const who = target.kind === 'new-person' ? '家族' : `${target.index + 1}人目${draft?.persons[target.index]?.familyName ? `（${draft.persons[target.index]!.familyName}${draft.persons[target.index]!.givenName}さん）` : ''}`;
  const title = target.kind === 'back' ? `カード裏面の読み取り：${who}` : `カードの読み取り：${who}`;
  // the 本人's family name as confirmed from their card: a family member's read is aligned to its kanji variants
  const honnin = draft?.persons.find((p) => p.relation === '本人');
  const isHonnin = target.kind === 'person' && draft?.persons[target.index]?.relation === '本人';
  const householdFamily = !isHonnin && honnin?.fromCard && honnin.familyName ? honnin.familyName : undefined;
  const known = (draft?.persons ?? []).map((p, i) => {
    const b = parseDateInput(p.birthRaw);
    return { no: i + 1, family: p.familyName, given: p.givenName, birthIso: b.ok ? b.iso : '', target: target.kind === 'person' && target.index === i };
  });
  return (
    <CardCapture
      title={title}
      known={known}
      householdFamily={householdFamily}
      focusAfter={focusAfter}
      onConfirm={(c) => {
        applied.current = applyCard(target, c).then(() => lookupFromCard(target, c));
      }}
      onMyNumber={(read) => {
        if (target.kind !== 'back') return;
        void applyMyNumber(target.index, read);
      }}
    />
  );
}

export function CaseScreen() {
  const current = useCase((s) => s.current);
  const step = useCase((s) => s.step);
  const setStep = useCase((s) => s.setStep);
  const message = useCase((s) => s.message);
  const closeCase = useCase((s) => s.closeCase);
  if (!current) return <StartPanel />;
  const canGo = (x: string) => x === 'household' || (x === 'procedures' ? current.data.persons.length > 0 : current.forms.length > 0);
  return (
    <section className="case" aria-label="来庁ケース">
      {/* the page's title for screen readers; a form (step 3) has its own title as h1 */}
      {step !== 'forms' && <h1 className="visually-hidden">手続きナビ：{STEPS.find((s) => s.id === step)?.label.slice(2)}</h1>}
      <div className="case-head">
        <ol className="stepper">
          {STEPS.map((s) => (
            <li key={s.id}>
              <button type="button" className={step === s.id ? 'step active' : 'step'} aria-current={step === s.id ? 'step' : undefined} disabled={!canGo(s.id)} onClick={() => setStep(s.id)}>
                {s.label}
              </button>
            </li>
          ))}
        </ol>
        <span className="note">来庁ケース {current.id.slice(-8)}{current.status === 'submitted' ? '（全様式を送信キューに登録済み）' : ''}</span>
        <button type="button" className="row-btn subtle" onClick={closeCase}>閉じる（保存済み）</button>
      </div>
      {message && (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} {...(message.kind === 'error' ? { 'data-error-banner': true, tabIndex: -1 } : {})}>
          {message.text}
        </div>
      )}
      {step === 'household' && <HouseholdStep />}
      {step === 'procedures' && <ProceduresStep />}
      {step === 'forms' && <FormsStep />}
      {step === 'finish' && <FinishStep />}
      <CardDialog />
    </section>
  );
}
