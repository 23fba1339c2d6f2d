// npm run import -- --file PATH --slug SLUG [--title T] [--language zh] [--paragraphs-are-messages]
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { guessLanguage, suggestTitle } from "@/lib/consultations/import-suggestions";
import { importSettingsSchema } from "@/lib/consultations/schemas";
import { translatorFor } from "@/lib/i18n/messages";
import { importErrorMessage } from "@/lib/import/error-message";
import { parseImportFile } from "@/lib/import/parse-document";
import { withAppDatabase } from "./with-app-database";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    slug: { type: "string" },
    title: { type: "string" },
    language: { type: "string" },
    "paragraphs-are-messages": { type: "boolean", default: false },
  },
});
if (!values.file || !values.slug) {
  console.error("Usage: npm run import -- --file PATH --slug SLUG [--title T] [--language zh] [--paragraphs-are-messages]");
  process.exit(2);
}

const bytes = new Uint8Array(await readFile(values.file));
const parsed = await parseImportFile(
  { fileName: path.basename(values.file), bytes },
  { paragraphsAreMessages: values["paragraphs-are-messages"] },
);
if (!parsed.ok) {
  const message = importErrorMessage(parsed.error);
  const code = `${parsed.error.code}${"reason" in parsed.error ? ` ${parsed.error.reason}` : ""}`;
  console.error(`Not imported: ${translatorFor("en")(`import.${message.key}` as never, message.values as never)} (${code})`);
  process.exit(1);
}
const settings = importSettingsSchema.safeParse({
  slug: values.slug,
  title: values.title ?? suggestTitle(parsed.document, path.basename(values.file)) ?? values.slug,
  language: values.language,
});
if (!settings.success) {
  console.error(`Not imported: ${settings.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(", ")}`);
  process.exit(1);
}

await withAppDatabase(async () => {
  const { sections, messages } = await insertConsultation(
    { ...settings.data, language: settings.data.language ?? guessLanguage(parsed.document), document: parsed.document },
    null,
  );
  console.log(`Imported ${settings.data.slug}: ${sections} sections, ${messages} messages, ${parsed.document.warnings.length} warnings.`);
  for (const warning of parsed.document.warnings) console.log(`  warning ${JSON.stringify(warning)}`);
});
