import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that must run after every other file of their project: they look at what the others left. */
export const RUN_LAST = [/[\\/]data-dir-scan\.e2e\.test\.ts$/];

/** Vitest's own order (failed and slow files first), with the RUN_LAST files moved to the end. */
export default class LastFileSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => RUN_LAST.some((r) => r.test(f.moduleId));
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}
