import type { Page } from 'playwright-core';

/**
 * 「手続きを調べる」 as a clerk presses it, waiting for what the clerk then sees: the procedures step, or
 * the household step's own refusal (its banner and the fields in red). A refusal, or neither within
 * `timeoutMs`, fails with what the screen showed, so a failed run says why instead of a locator's
 * timeout on a region that never came.
 */
export async function lookUpProcedures(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.getByRole('button', { name: '手続きを調べる →' }).click();
  const procedures = page.locator('[aria-label="手続き一覧"]');
  const refused = page.locator('form[aria-label="来庁者・世帯"] .field-error, .banner.error');
  const shown = await Promise.race([
    procedures.waitFor({ timeout: timeoutMs }).then(() => 'procedures' as const),
    refused.first().waitFor({ timeout: timeoutMs }).then(() => 'refused' as const),
  ]).catch(() => 'nothing' as const);
  if (shown === 'procedures') return;
  const texts = (await page.locator('[role="alert"], .field-error').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const busy = await page.getByRole('button', { name: '手続きを調べる →' }).isDisabled().catch(() => null);
  throw new Error(
    `手続きを調べる: ${shown === 'refused' ? 'the household step refused' : `no procedures step within ${timeoutMs} ms`}` +
      `; button disabled: ${busy}; the screen said: ${texts.length ? texts.join(' / ') : '(nothing)'}`,
  );
}
