import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that must run after every other file of their project: they look at what the others left. */
export const RUN_LAST = [/[\\/]data-dir-scan\.e2e\.test\.ts$/];

/** the project whose files run one at a time (vitest.config.ts): its chain is the suite's longest */
const SERIAL_PROJECT = 'e2e';

/**
 * Vitest's own order (failed and slow files first), with the serial project's files handed out first and the
 * RUN_LAST files moved to the end. The pool takes files in this order: e2e files first means the one-at-a-time
 * e2e chain starts at once beside the unit files on the other worker, instead of after all of them with a
 * worker idle (on 2 cores that idle worker was ~8 of the suite's ~15 minutes).
 */
export default class LastFileSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => RUN_LAST.some((r) => r.test(f.moduleId));
    const serial = (f: TestSpecification) => f.project.name === SERIAL_PROJECT;
    const rest = sorted.filter((f) => !last(f));
    return [...rest.filter(serial), ...rest.filter((f) => !serial(f)), ...sorted.filter(last)];
  }
}
