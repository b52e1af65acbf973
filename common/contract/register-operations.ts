import { z } from 'zod';

/**
 * Lookups in the 住民基本台帳 (the register owner's PULL API, main/services/register). Names and addresses
 * cross exactly as the register holds them (variant kanji, IVS selectors): never normalised.
 * Nothing looked up is stored; the clerk copies what the case needs into it.
 */
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = z.string().min(1).max(100);
const ResidentCode = z.string().regex(/^\d{11}$/);

export const SearchResidentsInput = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('name'), name: Text, birthDate: IsoDay }),
  z.strictObject({ by: z.literal('kana'), kana: Text, birthDate: IsoDay }),
  z.strictObject({ by: z.literal('address'), address: Text }),
  z.strictObject({ by: z.literal('residentCode'), residentCode: ResidentCode }),
]);
export type SearchResidentsQuery = z.output<typeof SearchResidentsInput>;

export const RegisterPersonView = z.strictObject({
  residentCode: z.string(),
  householdNumber: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  /** the register's code ("1"/"2" by default) and its meaning */
  sexCode: z.string(),
  sex: z.string(),
  relationship: z.string(),
  address: z.string(),
  /** 戸籍の表示, where the register holds it (nationals): common/register/register-mapping.ts OPTIONAL_PERSON_ITEMS */
  honseki: z.string().optional(),
  hittousha: z.string().optional(),
});
export type RegisterPersonView = z.output<typeof RegisterPersonView>;

/** 国保 / 介護 / 後期高齢 / 年金 as the register owner words them; an item is absent when not held. */
export const RegisterStatusView = z.strictObject({
  residentCode: z.string(),
  kokuho: z.string().optional(),
  kaigo: z.string().optional(),
  kouki: z.string().optional(),
  nenkin: z.string().optional(),
  /** the systems' numbers for the person, where held (register-mapping.ts STATUS_NUMBERS) */
  kokuhoNumber: z.string().optional(),
  koukiNumber: z.string().optional(),
  kaigoNumber: z.string().optional(),
  basicPensionNumber: z.string().optional(),
});
export type RegisterStatusView = z.output<typeof RegisterStatusView>;

export const SearchResidentsOutput = z.strictObject({ persons: z.array(RegisterPersonView) });

export const GetRegisterHouseholdInput = z.strictObject({ residentCode: ResidentCode });
export const GetRegisterHouseholdOutput = z.strictObject({
  persons: z.array(RegisterPersonView),
  /** one per person whose status the register answered */
  statuses: z.array(RegisterStatusView),
  /** why statuses are missing (not configured, refused), for the clerk; absent when all were answered */
  statusNote: z.string().optional(),
});
export type RegisterHousehold = z.output<typeof GetRegisterHouseholdOutput>;
