import type { Page } from 'playwright-core';

/**
 * 「手続きを調べる」 as a clerk presses it, waiting for what the clerk then sees: the procedures step, or
 * the household step's refusal of what was typed (its fields in red). A refusal, or neither within `timeoutMs`,
 * fails with what the screen showed (its alerts and field errors), so a failed run says why instead of a
 * locator's timeout on a region that never came. Only the red fields count as a refusal as soon as they show:
 * the press clears them before it checks again, while an error banner of an earlier press stays until the
 * answer comes (a refusal by the services shows only a banner: it is reported after `timeoutMs`).
 */
export async function lookUpProcedures(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.getByRole('button', { name: '手続きを調べる →' }).click();
  const procedures = page.locator('[aria-label="手続き一覧"]');
  // the household step's own checks: fields marked in error, or the household's error under its persons
  const refused = page.locator('form[aria-label="来庁者・世帯"] .has-error, form[aria-label="来庁者・世帯"] > .field-error');
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
