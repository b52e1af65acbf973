import { z } from 'zod';

/**
 * How the register's lookup API names its resources and items. The standards fix the form of a scope
 * (`業務システムID:リソース名:操作名`) and name data items by the 基本データリスト's データ項目名称, but the
 * resource names and JSON shapes sit in an API annex that is not public: so they are data, the default
 * below uses データ項目名称, and a city replaces it with a mapping file (`register.mappingFile`).
 * Shared by the client (main/services/register) and the simulator that plays the register owner.
 */

/** The lookups ichimado makes; each is one resource of the register owner's API. */
export const REGISTER_RESOURCES = ['residents', 'household', 'status'] as const;
export type RegisterResource = (typeof REGISTER_RESOURCES)[number];

/** The person items ichimado reads, by its own key. */
export const PERSON_ITEMS = ['residentCode', 'householdNumber', 'name', 'kana', 'birthDate', 'sex', 'relationship', 'address'] as const;
export type PersonItem = (typeof PERSON_ITEMS)[number];

/** The insurance and pension systems whose status a person may have (where the city configures them). */
export const STATUS_ITEMS = ['kokuho', 'kaigo', 'kouki', 'nenkin'] as const;
export type StatusItem = (typeof STATUS_ITEMS)[number];

/**
 * Person items the register holds for some residents only, read when present (an answer without them is
 * complete): 住民票 records the 戸籍の表示 (本籍 and 筆頭者) of Japanese nationals (住民基本台帳法 第7条
 * 第5号); a foreign resident has none. The forms ask for the 本籍 of the deceased, a newborn's parents …
 */
export const OPTIONAL_PERSON_ITEMS = ['honseki', 'hittousha'] as const;
export type OptionalPersonItem = (typeof OPTIONAL_PERSON_ITEMS)[number];

/**
 * The numbers each insurance and pension system keeps for its members, answered with the status where
 * the system holds one: 国保 (被保険者証の記号・番号, the city's 国保 system), 後期高齢 (被保険者番号, the
 * 広域連合's, which the city's 窓口 system mirrors), 介護 (被保険者番号, the city as 保険者), 年金
 * (基礎年金番号, which the city's 国民年金 system records for its 第1号 members and recipients).
 */
export const STATUS_NUMBERS = ['kokuhoNumber', 'koukiNumber', 'kaigoNumber', 'basicPensionNumber'] as const;
export type StatusNumber = (typeof STATUS_NUMBERS)[number];

const ItemName = z.string().min(1).max(64);
const Resource = z.strictObject({
  /** path under the register's baseUrl, e.g. "/api/v1/住民" */
  path: z.string().regex(/^\/\S{1,200}$/u),
  /** `業務システムID:リソース名:操作名` */
  scope: z.string().regex(/^[^:\s]{1,40}:[^:\s]{1,40}:[^:\s]{1,40}$/u),
});

export const RegisterMappingSchema = z.strictObject({
  resources: z.strictObject({ residents: Resource, household: Resource, status: Resource }),
  /** person item → データ項目名称 used as JSON key and as query parameter */
  items: z.strictObject(Object.fromEntries(PERSON_ITEMS.map((k) => [k, ItemName])) as Record<PersonItem, typeof ItemName>),
  status: z.strictObject(Object.fromEntries(STATUS_ITEMS.map((k) => [k, ItemName])) as Record<StatusItem, typeof ItemName>),
  /** optional person items → データ項目名称; a city whose register does not answer them leaves them out */
  optionalItems: z.strictObject(Object.fromEntries(OPTIONAL_PERSON_ITEMS.map((k) => [k, ItemName.optional()])) as Record<OptionalPersonItem, z.ZodOptional<typeof ItemName>>).optional(),
  /** the status answer's numbers → データ項目名称; left out where the systems do not answer them */
  statusNumbers: z.strictObject(Object.fromEntries(STATUS_NUMBERS.map((k) => [k, ItemName.optional()])) as Record<StatusNumber, z.ZodOptional<typeof ItemName>>).optional(),
  /** the key of the list of records in an answer */
  listKey: ItemName,
  /** 性別 code → meaning; any other code in an answer is refused as unknown */
  sexCodes: z.record(z.string().min(1).max(4), z.string().min(1).max(8)),
});
export type RegisterMapping = z.infer<typeof RegisterMappingSchema>;

/**
 * The default: item names are the 基本データリスト データ項目名称 (住民基本台帳); resources are named after
 * what they return; the scopes carry 業務ID 001 (住民基本台帳), the owner of the register, and the 操作名 参照.
 * The status resource is answered by the register owner for all four systems (ichimado's choice: the
 * 国保/介護/後期高齢/年金 systems would each publish their own; a city points `status` at one of them).
 */
export const DEFAULT_REGISTER_MAPPING: RegisterMapping = {
  resources: {
    residents: { path: '/api/v1/住民', scope: '001:住民:参照' },
    household: { path: '/api/v1/世帯', scope: '001:世帯:参照' },
    status: { path: '/api/v1/資格', scope: '001:資格:参照' },
  },
  items: {
    residentCode: '住民票コード',
    householdNumber: '世帯番号',
    name: '氏名',
    kana: '氏名_フリガナ',
    birthDate: '生年月日',
    sex: '性別',
    relationship: '続柄',
    address: '住所',
  },
  status: { kokuho: '国保', kaigo: '介護', kouki: '後期高齢', nenkin: '年金' },
  optionalItems: { honseki: '本籍', hittousha: '筆頭者' },
  // the systems' own item names; 国保's is the 記号・番号 printed on its 被保険者証
  statusNumbers: { kokuhoNumber: '国保_被保険者記号番号', koukiNumber: '後期高齢_被保険者番号', kaigoNumber: '介護_被保険者番号', basicPensionNumber: '基礎年金番号' },
  listKey: 'データ',
  sexCodes: { '1': '男', '2': '女' },
};

/** Every scope the mapping's resources need. */
export function mappingScopes(m: RegisterMapping): string[] {
  return REGISTER_RESOURCES.map((r) => m.resources[r].scope);
}
