import type { HouseholdPerson, LifeEvent } from '../domain/household';

/**
 * The guided walkthroughs of 研修モード, as data: the resident's story the trainer reads out, the
 * household the navigator should see (so tests can check that the expected procedures really follow
 * from it), the procedures the case must end up with, the hints shown step by step, and the fault
 * drill the trainer is asked to trigger. Every person is synthetic (assets/register/synthetic-residents.json
 * or a 見本カード); none is a real resident.
 */
export type ScenarioDrill = 'linkCut' | 'slow' | 'errors' | 'diskFull' | 'returnNow';

export interface ScenarioPerson extends HouseholdPerson {
  name: string;
  /** 住民票コード in the synthetic register; absent for people not registered here yet (転入) */
  residentCode?: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** what the resident says at the counter, read out by the trainer */
  story: string;
  event: LifeEvent;
  /** the event happened this many days before the training day */
  daysAgo: number;
  household: readonly ScenarioPerson[];
  /** navigator rule ids the finished case must have chosen; a missing one is reported as missed */
  expectedProcedures: readonly string[];
  /** the case must be sent (送信キューへ) by the end */
  expectSubmitted: boolean;
  /** the trainer's fault drill in the middle of the walkthrough, and when to trigger it */
  drill?: { kind: ScenarioDrill; when: string };
  /** one hint per step, in order; the trainee may hide them */
  steps: readonly string[];
}

const START = '「新しい来庁」を押し、届出の種類と日付を選びます。';
const SEND = '「送信キューへ」で送信します。送信状況タブで状態を確かめます。';

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'family-tennyu',
    title: '家族の転入（子ども2人）',
    story: '東京都から家族4人で引っ越してきました。夫婦と小学生の息子、2歳の娘です。夫婦とも自営業です。',
    event: '転入',
    daysAgo: 3,
    household: [
      { name: '𠮷田 大輔', birthDate: '1988-07-21', relation: '本人', healthInsurance: '国保', pension: '国民年金', careCertified: false },
      { name: '𠮷田 彩', birthDate: '1990-03-03', relation: '配偶者', healthInsurance: '国保', pension: '国民年金', careCertified: false },
      { name: '𠮷田 蓮', birthDate: '2017-05-05', relation: '子', healthInsurance: '国保', pension: 'なし', careCertified: false },
      { name: '𠮷田 凛', birthDate: '2023-01-15', relation: '子', healthInsurance: '国保', pension: 'なし', careCertified: false },
    ],
    expectedProcedures: ['tennyu-todoke', 'tennyu-kokuho', 'tennyu-nenkin', 'tennyu-jidou-teate', 'tennyu-kodomo-iryo', 'tennyu-shugaku'],
    expectSubmitted: true,
    steps: [
      START + '（転入）',
      '世帯の4人を入力します。カードがあれば「見本カード」から読み取れます。「𠮷」（つちよし）は読み取った字のまま残します。',
      '健康保険と年金を一人ずつ確認します（自営業: 国保・国民年金）。',
      '提案された手続きを確認します。児童手当は15日以内、転入学も忘れずに。',
      '様式を一枚ずつ確認し、本人に確かめたら確認済みにします。',
      SEND,
    ],
  },
  {
    id: 'tenkyo-jidou-teate',
    title: '市内の転居（児童手当あり）',
    story: '市内で引っ越しました。夫婦と子ども2人（小学生と3歳）。夫は会社員で、家族は夫の会社の健康保険です。',
    event: '転居',
    daysAgo: 5,
    household: [
      { name: '辻󠄀本 誠', residentCode: '10000000021', birthDate: '1983-02-11', relation: '本人', healthInsurance: '社保', pension: '厚生年金', careCertified: false },
      { name: '辻󠄀本 真由美', residentCode: '10000000022', birthDate: '1985-08-19', relation: '配偶者', healthInsurance: '社保', pension: '国民年金', careCertified: false },
      { name: '辻󠄀本 湊', residentCode: '10000000023', birthDate: '2015-10-10', relation: '子', healthInsurance: '社保', pension: 'なし', careCertified: false },
      { name: '辻󠄀本 芽依', residentCode: '10000000024', birthDate: '2022-06-06', relation: '子', healthInsurance: '社保', pension: 'なし', careCertified: false },
    ],
    expectedProcedures: ['tenkyo-todoke', 'tenkyo-jidou-teate'],
    expectSubmitted: true,
    steps: [
      START + '（転居）',
      '「住民を検索」で辻󠄀本さんの世帯を呼び出すと、4人が入ります。「辻󠄀」の点の数（異体字）は住基のままです。',
      '新しい住所を入力します。',
      '児童手当の住所変更が提案されているか確認します。国保ではないので国保の届出は出ません。',
      SEND,
    ],
  },
  {
    id: 'okuyami',
    title: 'おくやみ（後期高齢・要介護の方の死亡）',
    story: '夫（髙橋 正雄、後期高齢・要介護2）が亡くなりました。妻のトメが来庁。葬儀は自分で行いました。',
    event: '死亡',
    daysAgo: 2,
    household: [
      { name: '髙橋 正雄', residentCode: '10000000008', birthDate: '1944-03-15', relation: '本人', healthInsurance: '後期高齢', pension: '国民年金', careCertified: true },
      { name: '髙橋 トメ', residentCode: '10000000009', birthDate: '1947-07-07', relation: '配偶者', healthInsurance: '後期高齢', pension: '国民年金', careCertified: true },
    ],
    expectedProcedures: ['shibou-kouki', 'shibou-kaigo', 'shibou-kouki-sousaihi'],
    expectSubmitted: true,
    steps: [
      START + '（死亡）',
      '「住民を検索」で髙橋さんの世帯を呼び出します。「髙」（はしごだか）は住基のままです。亡くなった方を本人にします。',
      '後期高齢・介護の資格喪失が提案されているか確認します。',
      '葬儀を行った方への葬祭費は任意の手続きです。ご遺族に伺って選びます。',
      SEND,
    ],
  },
  {
    id: 'expired-card',
    title: '有効期限切れのカード',
    story: '市内で転居しました。マイナンバーカードを持ってきましたが、有効期限が切れています。国保に加入しています。',
    event: '転居',
    daysAgo: 4,
    household: [
      { name: '山﨑 和子', residentCode: '10000000010', birthDate: '1950-12-24', relation: '本人', healthInsurance: '国保', pension: '国民年金', careCertified: false },
    ],
    expectedProcedures: ['tenkyo-todoke', 'tenkyo-kokuho'],
    expectSubmitted: true,
    steps: [
      START + '（転居）',
      '「見本カード」の山﨑 和子さんのカードを読み取ります。有効期限切れの警告が出ます。',
      '期限切れのカードは本人確認書類になりません。別の書類で確認し、カードの更新を案内します（券面追記は選びません）。',
      '国保の住所変更も提案されます。',
      SEND,
    ],
  },
  {
    id: 'returned',
    title: '基幹システムからの差戻し',
    story: '市内で転居しました（外国籍の方、国保）。送信したあと、審査担当から差戻しが来ます。',
    event: '転居',
    daysAgo: 6,
    household: [
      { name: 'グエン ヴァン アン', residentCode: '10000000014', birthDate: '1998-02-02', relation: '本人', healthInsurance: '国保', pension: '国民年金', careCertified: false },
    ],
    expectedProcedures: ['tenkyo-todoke', 'tenkyo-kokuho'],
    expectSubmitted: true,
    drill: { kind: 'returnNow', when: '研修生が「送信キューへ」を押した直後に「差戻しを今送る」' },
    steps: [
      START + '（転居）',
      '「住民を検索」でグエンさんを呼び出します。アルファベット・カタカナの氏名は住基の表記のままです。',
      SEND,
      '送信状況タブで「差戻し」になった申請を開き、理由を読んで修正し、再提出します。',
    ],
  },
  {
    id: 'lost-link',
    title: '途中で回線が切れる',
    story: '市内で転居しました（国保）。受付の途中で基幹システムとの回線が切れます。',
    event: '転居',
    daysAgo: 1,
    household: [
      { name: '見本 次郎', residentCode: '10000000020', birthDate: '1985-04-12', relation: '本人', healthInsurance: '国保', pension: '国民年金', careCertified: false },
    ],
    expectedProcedures: ['tenkyo-todoke', 'tenkyo-kokuho'],
    expectSubmitted: true,
    drill: { kind: 'linkCut', when: '研修生が世帯を入力している間に「回線を切る」、送信を確かめてから「すべて復旧」' },
    steps: [
      START + '（転居）',
      '本人（見本 次郎）を入力します。同じ生年月日の「見本 太郎」さんと取り違えないよう、住民票コードで確かめます。',
      '回線が切れても入力は続けられます。画面右上の接続表示を確かめます。',
      SEND + ' 回線が切れている間は「送信待ち」のまま残ります。',
      '回線が戻ると送信待ちが自動で送られます。送信状況で「受理」になるのを確かめます。',
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** What the trainee's case lacks against the scenario: procedures not chosen, and not sending it. Japanese, for the result. */
export function missedInCase(s: Scenario, c: { chosenRuleIds: readonly string[]; submitted: boolean } | null, titleOf: (ruleId: string) => string): string[] {
  if (!c) return ['来庁ケースが作られていません'];
  const missed = s.expectedProcedures.filter((r) => !c.chosenRuleIds.includes(r)).map((r) => `手続き「${titleOf(r)}」が選ばれていません`);
  if (s.expectSubmitted && !c.submitted) missed.push('送信（送信キューへ）まで進んでいません');
  return missed;
}
