/**
 * Groups of kanji variants (異体字) common in Japanese family and given names.
 *
 * Written by hand for this project from general knowledge of the characters (each entry is a plain fact
 * about Unicode code points, no third-party data set was copied), so it carries the project's own licence.
 * It is deliberately small: the MJ縮退マップ is the complete source but is CC BY-SA 2.1 JP, and data
 * derived from it would have to carry that licence; no permissively licensed offline table is on npm.
 * The first character of each group is the common form the OCR model outputs.
 * Only true 異体字 belong here (the clerk's picker offers them as the same character): a different
 * character that merely looks alike (藤/籐, 晴/睛, 斎/斉) is a look-alike (lookalike-table.ts).
 * Each string is one group; characters are separate code points (no IVS here). CJK compatibility
 * ideographs are written as \u{…} escapes so that no editor or tool can silently normalize them away.
 */
export const VARIANT_GROUPS: readonly string[] = [
  '高髙',
  '崎﨑嵜',
  '辺邊邉',
  '斎齋',
  '斉齊',
  '浜濱濵',
  '沢澤',
  '島嶋嶌',
  '吉𠮷',
  '徳德',
  '広廣',
  '国國',
  '桜櫻',
  '竜龍',
  '富冨',
  '曽曾',
  '関關',
  '恵惠',
  '栄榮',
  '真眞',
  '学學',
  '槙槇',
  '塚\u{FA10}',
  '稲稻',
  '野埜',
  '隆\u{F9DC}',
  '黒黑',
  '渕淵渊',
  '峰峯',
  '実實',
  '滝瀧',
  '会會',
  '条條',
  '剣劍劔',
  '亜亞',
  '桧檜',
  '蔵藏',
  '礼禮',
  '祐\u{FA4F}',
  '祥\u{FA1A}',
  '福\u{FA1B}',
  '神\u{FA19}',
  '穂穗',
  '来來',
  '寿壽',
  '鉄鐵',
  '県縣',
  '弥彌',
];
