// A Vitest reporter that lists every skipped test with the reason it was given (`context.skip(reason)`),
// so that `npm test` names them in its summary instead of only counting them.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import type { SkippedTest } from './test-stages';

export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const outputFile = process.env.FISCAL_DESK_SKIPPED_TESTS_FILE;
    if (outputFile === undefined) return;
    const skipped: SkippedTest[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        skipped.push({ file: relative(process.cwd(), testModule.moduleId), name: test.fullName, reason: result.note ?? null });
      }
    }
    writeFileSync(outputFile, JSON.stringify(skipped, undefined, 2));
  }
}
