import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

/** The W3C Web Annotation test schemas copied here, laid out as in the W3C repository. */
export const W3C_TESTS_DIR = import.meta.dirname;

export type W3cTestName = "annotations/annotationMusts.test" | "collections/collectionMusts.test" | "collections/pages/pageMusts.test";

export type W3cAssertion = { file: string; title: string; errorMessage: string; validate: ValidateFunction };

export type W3cFailure = { file: string; errorMessage: string; errors: ErrorObject[] };

// Keywords the W3C test harness reads; they carry no validation meaning.
const HARNESS_KEYWORDS = ["assertionType", "expectedResult", "onUnexpectedResult", "errorMessage"];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(W3C_TESTS_DIR, file), "utf8")) as Record<string, unknown>;
}

/**
 * One validator holding every definitions/*.json schema: they and the
 * assertions use bare relative ids ("id.json"), so `$ref`s between them resolve
 * offline once all are registered.
 */
function createValidator() {
  // Strict about unknown keywords and formats; not about the W3C schemas' style
  // (`required`/`items` without a matching `type`, required names not in `properties`).
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(HARNESS_KEYWORDS);
  for (const name of readdirSync(path.join(W3C_TESTS_DIR, "definitions")).filter((f) => f.endsWith(".json")).sort()) {
    ajv.addSchema(readJson(path.join("definitions", name)));
  }
  return ajv;
}

let validator: Ajv | undefined;
const loaded = new Map<W3cTestName, W3cAssertion[]>();

/** Compiles every assertion schema a W3C `.test` file lists (its `assertions`, paths from the tests' root). */
export function loadW3cTest(name: W3cTestName): W3cAssertion[] {
  const cached = loaded.get(name);
  if (cached) return cached;
  validator ??= createValidator();
  const ajv = validator;
  const test = readJson(name);
  if (!Array.isArray(test.assertions) || test.assertions.length === 0) throw new Error(`${name} lists no assertions`);
  const assertions = test.assertions.map((file: unknown): W3cAssertion => {
    if (typeof file !== "string") throw new Error(`${name}: only plain assertion paths are supported, got ${JSON.stringify(file)}`);
    const schema = readJson(file);
    return { file, title: String(schema.title), errorMessage: String(schema.errorMessage), validate: ajv.compile(schema) };
  });
  loaded.set(name, assertions);
  return assertions;
}

/** Which assertion failed, its W3C message and ajv's errors, for a test's failure output. */
export function describeW3cFailures(failures: W3cFailure[]) {
  return failures
    .map(({ file, errorMessage, errors }) => `${file}: ${errorMessage}\n  ${errors.map((e) => `${e.instancePath || "/"} ${e.message ?? ""} (${e.schemaPath})`).join("\n  ")}`)
    .join("\n");
}

/** Runs every assertion of a `.test` file and returns the ones that failed, with ajv's errors. */
export function failedW3cAssertions(name: W3cTestName, data: unknown): W3cFailure[] {
  return loadW3cTest(name)
    .filter((assertion) => !assertion.validate(data))
    .map(({ file, errorMessage, validate }) => ({ file, errorMessage, errors: validate.errors ?? [] }));
}
