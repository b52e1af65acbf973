import { z } from 'zod';

/**
 * 郵便番号 ⇄ 住所 for the address fields (household step and forms), from the address master (KEN_ALL).
 * Lookups only: nothing about a resident is stored, and an unknown code or address is an empty answer,
 * never an error. Names cross exactly as the master spells them.
 */
export const LookupPostalCodeInput = z.strictObject({ postalCode: z.string().max(40) });
export const LookupPostalCodeOutput = z.strictObject({
  /** the 7 digits looked up; '' when the input is not a 郵便番号 */
  postalCode: z.string(),
  /** 都道府県+市区町村, with the 町域 when the code has only one; '' when the code is unknown */
  address: z.string(),
  /** several 町域 under the code: each follows `address`, the clerk picks one */
  towns: z.array(z.string()),
});

export const SuggestPostalCodeInput = z.strictObject({ address: z.string().max(200) });
export const SuggestPostalCodeOutput = z.strictObject({
  /** 7 digits each, ascending; empty when the address names no place the master knows */
  postalCodes: z.array(z.string()),
  /** 都道府県+市区町村+町域 the codes belong to */
  place: z.string(),
});

export type PostalCodeAnswer = z.output<typeof LookupPostalCodeOutput>;
export type PostalCodeSuggestion = z.output<typeof SuggestPostalCodeOutput>;
