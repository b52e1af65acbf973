import { z } from 'zod';

/**
 * Reading suggestions for the household step's ふりがな fields. The names cross exactly as typed
 * (variant kanji included); the answer is ひらがな, most likely first, and empty when nothing is
 * known. Suggestions only: the clerk picks one after asking the resident, or types the reading.
 */
const NamePart = z.string().max(40);

export const SuggestNameReadingsInput = z.strictObject({ family: NamePart, given: NamePart });
export const SuggestNameReadingsOutput = z.strictObject({
  family: z.array(z.string()),
  given: z.array(z.string()),
});

export type NameReadingSuggestions = z.output<typeof SuggestNameReadingsOutput>;
