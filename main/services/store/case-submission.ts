import type { Db } from './open-database';
import type { ApplicationRepository, NewApplication } from './application-repository';
import type { VisitCaseRepository } from './visit-case-repository';

/** One confirmed form of a visit case, ready to be queued. */
export interface CaseFormApplication {
  /** the form's key in the case (what `submitted` records) */
  formKey: string;
  application: Omit<NewApplication, 'caseId' | 'caseOrder'>;
}

export type CaseSubmissionResult =
  | { ok: true; applicationIds: string[]; caseStatus: 'open' | 'submitted' }
  | { ok: false; reason: 'not_found' | 'already_submitted' };

/**
 * Submitting a visit case is one unit of work: the applications with their outbox rows, and the
 * case's record of which forms were sent, commit together or not at all. As two commits, a crash or
 * a full disk between them left the applications queued while the case still showed its forms
 * unsent, and the clerk's second press queued them again under new idempotency keys (filed twice).
 * Which forms are already sent is read inside the same transaction, so two quick presses cannot
 * both queue the same form either.
 */
export class CaseSubmission {
  constructor(
    private readonly db: Db,
    private readonly applications: ApplicationRepository,
    private readonly cases: VisitCaseRepository,
  ) {}

  /** @param allFormKeys every form the case has now: when all are sent, the case is closed */
  submit(caseId: string, forms: readonly CaseFormApplication[], allFormKeys: readonly string[]): CaseSubmissionResult {
    return this.db
      .transaction((): CaseSubmissionResult => {
        const current = this.cases.get(caseId);
        if (!current) return { ok: false, reason: 'not_found' };
        if (current.status === 'submitted' || forms.some((f) => current.content.submitted[f.formKey])) return { ok: false, reason: 'already_submitted' };
        // after what earlier submissions of this case queued, so the case's forms reach the back end in order
        const base = this.applications.list({ caseId, limit: 1 }).total;
        const created = this.applications.enqueueMany(forms.map((f, i) => ({ ...f.application, caseId, caseOrder: base + i })));
        const submitted = { ...current.content.submitted };
        forms.forEach((f, i) => (submitted[f.formKey] = created[i]!.id));
        const caseStatus = allFormKeys.every((k) => submitted[k]) ? 'submitted' : 'open';
        this.cases.update(caseId, (c) => ({ content: { ...c.content, submitted }, status: caseStatus }));
        return { ok: true, applicationIds: created.map((c) => c.id), caseStatus };
      })
      .immediate();
  }
}
