import type { FormDefinition } from './form-definition';
import { PAYEE_WRITTEN } from './fragments';

/**
 * Values stored by an earlier version of a form, read as they were meant by the current one, so an
 * application queued before an upgrade is still sent (and checked) as it was captured:
 * - before 受取口座 existed (the bank forms' version 1), an account was always written on the form.
 */
export function upgradeStoredValues(form: FormDefinition, values: Record<string, string>): Record<string, string> {
  if (values.payeeAccount === undefined && values.bankName !== undefined && form.fields.some((f) => f.id === 'payeeAccount')) {
    return { ...values, payeeAccount: PAYEE_WRITTEN };
  }
  return values;
}
