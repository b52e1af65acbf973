import { findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import { buildPayload } from '../../../common/forms/payload';
import { upgradeStoredValues } from '../../../common/forms/stored-values';

/**
 * What the sync engine does with a stored application before it leaves the PC: check it is still a
 * valid instance of its form, and turn it into the form's standard data items. Here in sync/, not
 * in the API layer, because the sync engine (lower) must not reach up into the handlers.
 */

/** The pre-send check: the stored payload must still be a valid instance of its form. */
export function checkStoredPayload(formId: string, payload: Record<string, unknown>): string | null {
  const form = findForm(formId);
  if (!form) return `様式「${formId}」はこのバージョンのいちまどにありません。情報システム担当へ連絡してください。`;
  if (Object.values(payload).some((v) => typeof v !== 'string')) return 'この申請の端末内データが破損しているため送信できません。';
  // Date rules about "today" were checked at capture; a queued application must not expire here.
  const v = validateForm(form, upgradeStoredValues(form, payload as Record<string, string>), '9999-12-31');
  if (!v.ok) return `送信前の確認で不備が見つかりました（${Object.keys(v.fieldErrors).join('、')}）。内容を確認して再提出してください。`;
  return null;
}

/** What the back end receives for stored form values: the form's standard data items. */
export function intakePayload(formId: string, values: Record<string, unknown>): Record<string, unknown> {
  const form = findForm(formId);
  if (!form) return values;
  return buildPayload(form, upgradeStoredValues(form, values as Record<string, string>)) as unknown as Record<string, unknown>;
}
