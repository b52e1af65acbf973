import type { Page } from 'playwright-core';
import type { ActionCounter } from './counter-flow';

/**
 * The clerk enters a ふりがな on the household step: nothing when the field already holds it (carried
 * over from the household), one click on the suggested reading when a chip shows it (the clerk has
 * asked the resident), typing otherwise. Waits for the suggestions of the name as it is now.
 */
export async function enterReading(page: Page, c: ActionCounter, inputId: string, want: string): Promise<'kept' | 'chip' | 'typed'> {
  const input = page.locator(`#${inputId}`);
  if ((await input.inputValue()) === want) return 'kept';
  const group = page.locator(`#${inputId}-readings`);
  const ready = await group
    .and(page.locator('[data-state="ready"]'))
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  const chip = group.getByRole('button', { name: `「${want}」を入れる`, exact: true });
  if (ready && (await chip.count()) === 1) {
    await c.click(chip);
    if ((await input.inputValue()) !== want) throw new Error(`${inputId}: the chip 「${want}」 did not fill the field`);
    return 'chip';
  }
  await c.fill(input, want);
  return 'typed';
}
