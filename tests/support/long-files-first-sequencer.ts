import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's own order (failed files first, then the slowest by the last run's durations, else the
 * largest), with every e2e file ahead of the unit files. Unit and e2e files share the two workers, and
 * the run ends when its longest file does: an e2e file (one Chromium and one app host, 10–75 s) started
 * last would leave the other worker idle, while the many short unit files (most under 5 s) fill the gaps
 * wherever they fall. On a fresh clone there are no durations yet, so without this the order would be
 * by file size alone.
 */
export default class LongFilesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = (f: TestSpecification) => f.project.name.startsWith('e2e');
    return [...sorted.filter(e2e), ...sorted.filter((f) => !e2e(f))];
  }
}
