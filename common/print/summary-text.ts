/**
 * Texts of the resident summary sheet in three registers: 日本語, やさしい日本語 (short words,
 * spaces between phrases, kana for hard kanji) and English. Keyed by form id; a form without an
 * entry falls back to its Japanese title and the generic list of things to bring.
 */
export interface FormText {
  easy: string;
  en: string;
  /** what to bring when this procedure is done on another day */
  bring: { ja: string; easy: string; en: string };
}

const ID_DOC = { ja: '本人確認書類（マイナンバーカード等）', easy: 'じぶんを しめす カード（マイナンバーカード など）', en: 'Photo ID (e.g. My Number Card)' };
const bring = (ja: string, easy: string, en: string) => ({ ja: `${ID_DOC.ja}、${ja}`, easy: `${ID_DOC.easy}、${easy}`, en: `${ID_DOC.en}; ${en}` });

export const FORM_TEXT: Record<string, FormText> = {
  'jumin-ido-tennyu': { easy: 'ひっこして きた ときの とどけ（転入届）', en: 'Moving-in notification', bring: bring('転出証明書', 'まえの まちの 「転出証明書」', 'Moving-out certificate from your previous city') },
  'jumin-ido-tenshutsu': { easy: 'ほかの まちへ ひっこす ときの とどけ（転出届）', en: 'Moving-out notification', bring: bring('国民健康保険の資格確認書', 'けんこうほけんの カード', 'Health insurance card') },
  'jumin-ido-tenkyo': { easy: 'まちの なかで ひっこした ときの とどけ（転居届）', en: 'Change of address within the city', bring: bring('なし', 'ありません', 'nothing else') },
  'jumin-ido-tenkyo-setai': { easy: 'まちの なかで ひっこした ときの とどけ（転居届）', en: 'Change of address within the city', bring: bring('なし', 'ありません', 'nothing else') },
  'jumin-ido-setai-henko': { easy: 'せたいぬし（いえの だいひょう）を かえる とどけ', en: 'Change of head of household', bring: bring('なし', 'ありません', 'nothing else') },
  'juminhyo-koufu': { easy: 'じゅうみんひょうを もらう もうしこみ', en: 'Request for a copy of the residence record', bring: bring('手数料', 'おかね（てすうりょう）', 'the fee') },
  'mynumber-card-tsuiki': { easy: 'マイナンバーカードの じゅうしょを かきかえる', en: 'New address on your My Number Card', bring: bring('世帯全員のマイナンバーカードと暗証番号', 'かぞく みんなの マイナンバーカードと あんしょうばんごう', "every household member's My Number Card and PIN") },
  'inkan-toroku': { easy: 'はんこを とうろくする もうしこみ', en: 'Seal (inkan) registration', bring: bring('登録する印鑑', 'とうろくする はんこ', 'the seal to register') },
  'inkan-haishi': { easy: 'はんこの とうろくを やめる とどけ', en: 'Cancellation of seal registration', bring: bring('印鑑登録証', 'はんこの カード（印鑑登録証）', 'seal registration card') },
  'kokuho-shikaku-shutoku': { easy: 'こくみん けんこう ほけんに はいる とどけ', en: 'Joining National Health Insurance', bring: bring('前の健康保険をやめた証明（資格喪失証明書）', 'まえの けんこうほけんを やめた しょうめい', 'proof that your previous health insurance ended') },
  'kokuho-shikaku-soshitsu': { easy: 'こくみん けんこう ほけんを やめる とどけ', en: 'Leaving National Health Insurance', bring: bring('国民健康保険の資格確認書・保険証', 'けんこうほけんの カード', 'National Health Insurance card') },
  'kokuho-henko': { easy: 'こくみん けんこう ほけんの じゅうしょ などを かえる', en: 'Change of details in National Health Insurance', bring: bring('国民健康保険の資格確認書', 'けんこうほけんの カード', 'National Health Insurance card') },
  'kokuho-sousaihi': { easy: 'おそうしきの おかね（葬祭費）の もうしこみ', en: 'Funeral expenses claim (National Health Insurance)', bring: bring('葬儀の領収書、振込先の通帳', 'おそうしきの りょうしゅうしょ、ぎんこうの つうちょう', 'funeral receipt and bank book') },
  'kokumin-nenkin-hihokensha': { easy: 'こくみん ねんきんの とどけ', en: 'National Pension notification', bring: bring('基礎年金番号のわかるもの', 'ねんきんの ばんごうが わかる もの', 'something showing your basic pension number') },
  'nenkin-mishikyu': { easy: 'なくなった かたの ねんきんの もうしこみ', en: 'Claim for unpaid pension of the deceased', bring: bring('年金証書、戸籍謄本、振込先の通帳', 'ねんきんしょうしょ、こせき、ぎんこうの つうちょう', 'pension certificate, family register and bank book') },
  'jidou-teate-nintei': { easy: 'じどう てあて（こどもの おかね）の もうしこみ', en: 'Child allowance application', bring: bring('請求者名義の通帳、健康保険の資格情報がわかるもの', 'もうしこむ ひとの ぎんこうの つうちょう、けんこうほけんの カード', "bank book in the applicant's name and health insurance card") },
  'jidou-teate-jusho-henko': { easy: 'じどう てあての じゅうしょを かえる とどけ', en: 'Child allowance: change of address', bring: bring('なし', 'ありません', 'nothing else') },
  'jidou-teate-shoumetsu': { easy: 'じどう てあてを やめる とどけ', en: 'Child allowance: end of eligibility', bring: bring('なし', 'ありません', 'nothing else') },
  'kaigo-shikaku-ido': { easy: 'かいご ほけんの とどけ', en: 'Long-term care insurance notification', bring: bring('受給資格証明書（認定を受けている方）', 'まえの まちの 「受給資格証明書」（にんていを うけた ひと）', 'certificate of eligibility (if you had a care-needs certification)') },
  'kaigo-shikaku-soshitsu': { easy: 'かいご ほけんを やめる とどけ', en: 'Leaving long-term care insurance', bring: bring('介護保険被保険者証', 'かいご ほけんの カード', 'long-term care insurance card') },
  'kouki-shikaku-shutoku': { easy: 'こうき こうれいしゃ いりょう（75さい いじょう）に はいる とどけ', en: 'Joining the medical care system for the elderly (75+)', bring: bring('負担区分等証明書', 'まえの まちの 「負担区分等証明書」', 'certificate of co-payment category from your previous city') },
  'kouki-shikaku-soshitsu': { easy: 'こうき こうれいしゃ いりょうを やめる とどけ', en: 'Leaving the medical care system for the elderly', bring: bring('後期高齢者医療の資格確認書・保険証', 'こうき こうれいしゃ いりょうの カード', 'medical care card for the elderly') },
  'kouki-sousaihi': { easy: 'おそうしきの おかね（葬祭費）の もうしこみ', en: 'Funeral expenses claim (medical care for the elderly)', bring: bring('葬儀の領収書、振込先の通帳', 'おそうしきの りょうしゅうしょ、ぎんこうの つうちょう', 'funeral receipt and bank book') },
  'shugaku-tennyugaku': { easy: 'がっこうに はいる（てんにゅうがく）とどけ', en: 'School transfer notification', bring: bring('在学証明書、教科書給与証明書', 'まえの がっこうの 「在学証明書」と 「教科書給与証明書」', 'certificate of enrolment and textbook certificate from the previous school') },
  'kodomo-iryo-jukyu': { easy: 'こどもの びょういんの おかねの もうしこみ', en: "Children's medical expenses subsidy", bring: bring('お子さまの健康保険の資格情報がわかるもの', 'こどもの けんこうほけんの カード', "the child's health insurance card") },
  'koseki-shussei': { easy: 'あかちゃんが うまれた とどけ（出生届）', en: 'Birth registration', bring: bring('出生証明書（医師の記入）、母子健康手帳', 'おいしゃさんが かいた しょうめいしょ、ぼしけんこうてちょう', "doctor's birth certificate and maternal and child health handbook") },
  'koseki-shibou': { easy: 'なくなった ことの とどけ（死亡届）', en: 'Death registration', bring: bring('死亡診断書（医師の記入）', 'おいしゃさんが かいた しょうめいしょ', "doctor's death certificate") },
  'koseki-konin': { easy: 'けっこんの とどけ（婚姻届）', en: 'Marriage registration', bring: bring('証人2人の署名のある届書', 'しょうにん 2にんの なまえが かいて ある とどけ', 'the form signed by two witnesses') },
};

export const GENERIC_BRING = { ja: ID_DOC.ja, easy: ID_DOC.easy, en: ID_DOC.en };
