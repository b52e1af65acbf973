import type { NavigatorRule, PersonCondition } from './rule-types';

/**
 * The default 手続きナビ rule set (common practice and the laws named in each rule). Order is the
 * order procedures are listed: the 届 itself first, then insurance and pension, then children,
 * then what is done on request. A city adapts it with city-config.ts rather than editing this file.
 *
 * Left out on purpose: 印鑑登録 on 転出 (廃止 happens automatically with the 転出届); 介護保険 住所変更
 * on 転居 (updated from the 住民基本台帳 in most cities) — a city adds them if its practice differs.
 */
const CHILD_ALLOWANCE_AGE: PersonCondition = { all: [{ relation: ['子'] }, { untilFiscalYearEndAfterAge: 18 }] };
const DAYS_14 = { days: 14, countFirstDay: false } as const;
const DAYS_15 = { days: 15, countFirstDay: false } as const;
const NOT_UNDER_KOUKI: PersonCondition = { lawAgeBelow: 75 };
const KAIGO_INSURED: PersonCondition = { any: [{ lawAgeAtLeast: 65 }, { careCertified: true }] };
const NENKIN_DAI1: PersonCondition = { all: [{ lawAgeAtLeast: 20 }, { lawAgeBelow: 60 }, { pension: ['国民年金', 'なし'] }] };

export const DEFAULT_RULES: readonly NavigatorRule[] = [
  // ── 転入 ──
  {
    id: 'tennyu-todoke', events: ['転入'], formId: 'jumin-ido-tennyu', required: true, scope: 'case', deadline: DAYS_14,
    reason: '新しい住所に住み始めたため、転入の届出が必要です', legalBasis: '住民基本台帳法第22条（転入した日から14日以内）',
  },
  {
    id: 'tennyu-kokuho', events: ['転入'], formId: 'kokuho-shikaku-shutoku', required: true, scope: 'household', deadline: DAYS_14,
    who: { all: [{ healthInsurance: ['国保', 'なし'] }, NOT_UNDER_KOUKI] },
    reason: '{who}が職場の健康保険に加入していないため、国民健康保険への加入が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、国民健康保険への加入が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第2条（14日以内）',
  },
  {
    id: 'tennyu-nenkin', events: ['転入'], formId: 'kokumin-nenkin-hihokensha', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: NENKIN_DAI1,
    reason: '{who}は20歳以上60歳未満で厚生年金に加入していないため、国民年金の届出が必要です',
    confirmReason: '{who}の年金が「不明」のため、国民年金の届出が必要か確認が必要です',
    legalBasis: '国民年金法第12条（14日以内）',
  },
  {
    id: 'tennyu-kaigo', events: ['転入'], formId: 'kaigo-shikaku-ido', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: { lawAgeAtLeast: 65 },
    reason: '{who}は65歳以上のため、介護保険の資格取得の届出が必要です', legalBasis: '介護保険法施行規則第22条（14日以内）',
  },
  {
    id: 'tennyu-kaigo-nintei', events: ['転入'], formId: 'kaigo-shikaku-ido', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: { all: [{ lawAgeBelow: 65 }, { careCertified: true }] },
    reason: '{who}は要介護・要支援の認定を受けているため、受給資格証明書の提出が必要です（14日以内なら認定を引き継げます）',
    legalBasis: '介護保険法第36条',
  },
  {
    id: 'tennyu-kouki', events: ['転入'], formId: 'kouki-shikaku-shutoku', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: { lawAgeAtLeast: 75 },
    reason: '{who}は75歳以上のため、後期高齢者医療の資格取得の届出が必要です', legalBasis: '高齢者の医療の確保に関する法律施行規則（14日以内）',
  },
  {
    id: 'tennyu-jidou-teate', events: ['転入'], formId: 'jidou-teate-nintei', required: true, scope: 'household', deadline: DAYS_15,
    who: CHILD_ALLOWANCE_AGE,
    reason: '{who}がいるため、児童手当の認定請求が必要です', legalBasis: '児童手当法第8条（転入日の翌日から15日以内に請求しないと、その間の手当が受けられません）',
  },
  {
    id: 'tennyu-kodomo-iryo', events: ['転入'], formId: 'kodomo-iryo-jukyu', required: true, scope: 'household', deadline: null,
    who: CHILD_ALLOWANCE_AGE,
    reason: '{who}がいるため、子ども医療費の受給資格の申請が必要です', legalBasis: '市の子ども医療費助成条例',
  },
  {
    id: 'tennyu-shugaku', events: ['転入'], formId: 'shugaku-tennyugaku', required: true, scope: 'perPerson', deadline: null,
    who: { school: 'compulsory' },
    reason: '{who}（{school}）の転入学の手続きが必要です', legalBasis: '学校教育法施行令第5条・第7条',
  },
  {
    id: 'tennyu-card', events: ['転入'], formId: 'mynumber-card-tsuiki', required: false, scope: 'case', deadline: null,
    reason: 'マイナンバーカードをお持ちの方は、カードの継続利用と住所の追記が必要です（転入届から90日以内）', legalBasis: '番号法第17条',
  },
  {
    id: 'tennyu-inkan', events: ['転入'], formId: 'inkan-toroku', required: false, scope: 'case', deadline: null,
    reason: '前の市区町村の印鑑登録は転出で廃止されているため、必要な方は新たに登録します', legalBasis: '市の印鑑条例',
  },

  // ── 転出 ──
  {
    id: 'tenshutsu-todoke', events: ['転出'], formId: 'jumin-ido-tenshutsu', required: true, scope: 'case', deadline: DAYS_14,
    reason: '市外へ引っ越すため、転出の届出が必要です（引っ越しの14日前から届け出られます）', legalBasis: '住民基本台帳法第24条',
  },
  {
    id: 'tenshutsu-kokuho', events: ['転出'], formId: 'kokuho-shikaku-soshitsu', required: true, scope: 'household', deadline: DAYS_14,
    who: { healthInsurance: ['国保'] },
    reason: '{who}が国民健康保険に加入しているため、資格喪失の届出と保険証の返却が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、国民健康保険の資格喪失の届出が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第3条（14日以内）',
  },
  {
    id: 'tenshutsu-kaigo', events: ['転出'], formId: 'kaigo-shikaku-soshitsu', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: KAIGO_INSURED,
    reason: '{who}は介護保険の被保険者（65歳以上）または要介護認定を受けているため、資格喪失の届出が必要です',
    legalBasis: '介護保険法施行規則第32条（14日以内）',
  },
  {
    id: 'tenshutsu-kouki', events: ['転出'], formId: 'kouki-shikaku-soshitsu', required: true, scope: 'perPerson', deadline: DAYS_14,
    who: { all: [{ lawAgeAtLeast: 65 }, { healthInsurance: ['後期高齢'] }] },
    reason: '{who}が後期高齢者医療に加入しているため、資格喪失の届出が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、後期高齢者医療の資格喪失の届出が必要か確認が必要です',
    legalBasis: '高齢者の医療の確保に関する法律施行規則（14日以内）',
  },
  {
    id: 'tenshutsu-jidou-teate', events: ['転出'], formId: 'jidou-teate-shoumetsu', required: true, scope: 'household', deadline: null,
    who: CHILD_ALLOWANCE_AGE,
    reason: '{who}の児童手当を受けている場合、受給事由消滅の届出が必要です（転出先で15日以内に認定請求をしてください）',
    legalBasis: '児童手当法施行規則',
  },

  // ── 転居 ──
  {
    id: 'tenkyo-todoke', events: ['転居'], formId: 'jumin-ido-tenkyo-setai', required: true, scope: 'case', deadline: DAYS_14,
    reason: '市内で住所が変わったため、転居の届出が必要です', legalBasis: '住民基本台帳法第23条（転居した日から14日以内）',
  },
  {
    id: 'tenkyo-kokuho', events: ['転居'], formId: 'kokuho-henko', required: true, scope: 'household', deadline: DAYS_14,
    who: { healthInsurance: ['国保'] },
    reason: '{who}が国民健康保険に加入しているため、住所変更の届出が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、国民健康保険の住所変更が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第10条の2（14日以内）',
  },
  {
    id: 'tenkyo-jidou-teate', events: ['転居'], formId: 'jidou-teate-jusho-henko', required: true, scope: 'household', deadline: DAYS_14,
    who: CHILD_ALLOWANCE_AGE,
    reason: '{who}の児童手当を受けている場合、住所変更の届出が必要です', legalBasis: '児童手当法施行規則',
  },
  {
    id: 'tenkyo-shugaku', events: ['転居'], formId: 'shugaku-tennyugaku', required: false, scope: 'perPerson', deadline: null,
    who: { school: 'compulsory' },
    reason: '{who}（{school}）の通学区域が変わる場合、転校の手続きが必要です', legalBasis: '学校教育法施行令第6条',
  },
  {
    id: 'tenkyo-card', events: ['転居'], formId: 'mynumber-card-tsuiki', required: false, scope: 'case', deadline: null,
    reason: 'マイナンバーカードをお持ちの方は、券面に新しい住所の追記が必要です', legalBasis: '番号法第17条',
  },

  // ── 出生 ──
  {
    id: 'shussei-todoke', events: ['出生'], formId: 'koseki-shussei', required: true, scope: 'household', fill: 'subjects',
    deadline: { days: 14, countFirstDay: true }, who: { subject: true },
    reason: '{who}の出生の届出が必要です', legalBasis: '戸籍法第49条（生まれた日を含めて14日以内）',
  },
  {
    id: 'shussei-jidou-teate', events: ['出生'], formId: 'jidou-teate-nintei', required: true, scope: 'household', deadline: DAYS_15,
    who: { subject: true },
    reason: '{who}の児童手当の請求が必要です（すでに受給中の場合は額改定の請求）', legalBasis: '児童手当法第8条（出生日の翌日から15日以内）',
  },
  {
    id: 'shussei-kodomo-iryo', events: ['出生'], formId: 'kodomo-iryo-jukyu', required: true, scope: 'household', deadline: null,
    who: { subject: true },
    reason: '{who}の子ども医療費の受給資格の申請が必要です', legalBasis: '市の子ども医療費助成条例',
  },
  {
    id: 'shussei-kokuho', events: ['出生'], formId: 'kokuho-shikaku-shutoku', required: true, scope: 'household', fill: 'subjects', deadline: DAYS_14,
    who: { all: [{ relation: ['本人', '配偶者'] }, { healthInsurance: ['国保'] }] },
    reason: '{who}が国民健康保険に加入しているため、生まれたお子さまの加入の届出が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、生まれたお子さまの国民健康保険への加入が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第2条（14日以内）',
  },

  // ── 死亡（おくやみ） ──
  {
    id: 'shibou-todoke', events: ['死亡'], formId: 'koseki-shibou', required: true, scope: 'household', deadline: { days: 7, countFirstDay: true },
    who: { subject: true },
    reason: '{who}の死亡の届出が必要です', legalBasis: '戸籍法第86条（死亡を知った日を含めて7日以内）',
  },
  {
    id: 'shibou-kokuho', events: ['死亡'], formId: 'kokuho-shikaku-soshitsu', required: true, scope: 'household', deadline: DAYS_14,
    who: { all: [{ subject: true }, { healthInsurance: ['国保'] }] },
    reason: '{who}が国民健康保険に加入していたため、資格喪失の届出と保険証の返却が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、国民健康保険の資格喪失の届出が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第3条（14日以内）',
  },
  {
    id: 'shibou-kouki', events: ['死亡'], formId: 'kouki-shikaku-soshitsu', required: true, scope: 'household', deadline: DAYS_14,
    who: { all: [{ subject: true }, { healthInsurance: ['後期高齢'] }] },
    reason: '{who}が後期高齢者医療に加入していたため、資格喪失の届出と保険証の返却が必要です',
    confirmReason: '{who}の健康保険が「不明」のため、後期高齢者医療の資格喪失の届出が必要か確認が必要です',
    legalBasis: '高齢者の医療の確保に関する法律施行規則（14日以内）',
  },
  {
    id: 'shibou-kaigo', events: ['死亡'], formId: 'kaigo-shikaku-soshitsu', required: true, scope: 'household', deadline: DAYS_14,
    who: { all: [{ subject: true }, KAIGO_INSURED] },
    reason: '{who}が介護保険の被保険者（65歳以上）または要介護認定を受けていたため、資格喪失の届出が必要です',
    legalBasis: '介護保険法施行規則第32条（14日以内）',
  },
  {
    id: 'shibou-kokuho-sousaihi', events: ['死亡'], formId: 'kokuho-sousaihi', required: false, scope: 'household', deadline: null,
    who: { all: [{ subject: true }, { healthInsurance: ['国保'] }] },
    reason: '{who}が国民健康保険に加入していたため、葬儀を行った方に葬祭費が支給されます（葬儀の翌日から2年以内に申請）',
    legalBasis: '国民健康保険法第58条',
  },
  {
    id: 'shibou-kouki-sousaihi', events: ['死亡'], formId: 'kouki-sousaihi', required: false, scope: 'household', deadline: null,
    who: { all: [{ subject: true }, { healthInsurance: ['後期高齢'] }] },
    reason: '{who}が後期高齢者医療に加入していたため、葬儀を行った方に葬祭費が支給されます（葬儀の翌日から2年以内に申請）',
    legalBasis: '高齢者の医療の確保に関する法律第86条',
  },
  {
    id: 'shibou-nenkin', events: ['死亡'], formId: 'nenkin-mishikyu', required: false, scope: 'household', deadline: null,
    who: { all: [{ subject: true }, { pension: ['国民年金', '厚生年金'] }] },
    reason: '{who}が年金を受けていた場合、受給停止と未支給年金の請求が必要です（厚生年金は年金事務所）',
    confirmReason: '{who}の年金が「不明」のため、年金の手続きが必要か確認が必要です',
    legalBasis: '国民年金法第19条',
  },
  {
    id: 'shibou-inkan', events: ['死亡'], formId: 'inkan-haishi', required: false, scope: 'household', deadline: null,
    who: { subject: true },
    reason: '{who}が印鑑登録をしていた場合、登録は死亡で廃止されるため印鑑登録証をお返しください', legalBasis: '市の印鑑条例',
  },
  {
    id: 'shibou-setai', events: ['死亡'], formId: 'jumin-ido-setai-henko', required: false, scope: 'case', deadline: DAYS_14,
    householdMin: { who: { all: [{ subject: false }, { lawAgeAtLeast: 15 }] }, count: 2 },
    reason: '亡くなった方が世帯主で、15歳以上の世帯員が2人以上残る場合、新しい世帯主の届出が必要です',
    legalBasis: '住民基本台帳法第25条（14日以内）',
  },

  // ── 婚姻 ──
  {
    id: 'konin-todoke', events: ['婚姻'], formId: 'koseki-konin', required: true, scope: 'household', deadline: null,
    who: { relation: ['本人', '配偶者'] },
    reason: '{who}の婚姻の届出です（届け出た日に婚姻が成立します）', legalBasis: '民法第739条・戸籍法第74条',
  },
  {
    id: 'konin-setai', events: ['婚姻'], formId: 'jumin-ido-setai-henko', required: false, scope: 'case', deadline: DAYS_14,
    reason: '婚姻で同じ住所の世帯を一つにする場合、世帯の変更の届出が必要です（住所も変わる場合は転入・転居の届出）',
    legalBasis: '住民基本台帳法第25条（14日以内）',
  },
  {
    id: 'konin-kokuho', events: ['婚姻'], formId: 'kokuho-henko', required: false, scope: 'household', deadline: DAYS_14,
    who: { healthInsurance: ['国保'] },
    reason: '{who}が国民健康保険に加入しているため、氏名や世帯主が変わる場合は届出が必要です（配偶者の職場の保険に入る場合は資格喪失）',
    confirmReason: '{who}の健康保険が「不明」のため、国民健康保険の届出が必要か確認が必要です',
    legalBasis: '国民健康保険法施行規則第10条の2',
  },
  {
    id: 'konin-nenkin', events: ['婚姻'], formId: 'kokumin-nenkin-hihokensha', required: false, scope: 'perPerson', deadline: DAYS_14,
    who: { all: [{ lawAgeAtLeast: 20 }, { lawAgeBelow: 60 }, { pension: ['国民年金'] }] },
    reason: '{who}が国民年金（第1号）のため、配偶者の扶養に入る（第3号）場合や氏名が変わる場合は届出が必要です',
    confirmReason: '{who}の年金が「不明」のため、国民年金の届出が必要か確認が必要です',
    legalBasis: '国民年金法第12条',
  },
  {
    id: 'konin-jidou-teate', events: ['婚姻'], formId: 'jidou-teate-nintei', required: false, scope: 'household', deadline: DAYS_15,
    who: CHILD_ALLOWANCE_AGE,
    reason: '{who}がいるため、婚姻で児童手当の受給者（生計の中心の方）が変わる場合は請求が必要です', legalBasis: '児童手当法第8条',
  },
  {
    id: 'konin-inkan', events: ['婚姻'], formId: 'inkan-toroku', required: false, scope: 'case', deadline: null,
    reason: '氏が変わると登録した印鑑の文字と合わなくなる場合があるため、必要な方は登録し直します', legalBasis: '市の印鑑条例',
  },

  // ── any event: a card that no longer matches the register ──
  {
    id: 'card-kenmen-henko', events: ['出生', '死亡', '婚姻'], formId: 'mynumber-card-tsuiki', required: true, scope: 'household', deadline: DAYS_14,
    who: { all: [{ cardOutdated: true }, { subject: false }] },
    reason: '{who}のマイナンバーカードの券面（氏名・住所）が住民票と違うため、券面記載事項変更が必要です', legalBasis: '番号法第17条第4項（変更があった日から14日以内）',
  },
];
