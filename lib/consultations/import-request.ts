import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { PASTED_FILE_NAME, type ImportSource } from "./import-consultation";

/** The import form's request: one document plus room for the settings, the merge choices and multipart framing. */
export const IMPORT_REQUEST_MAX_BYTES = MAX_IMPORT_BYTES + 512 * 1024;

/** What an import form sends: the document (a chosen file, else the pasted text), the settings and the intent. */
export async function importFormInput(form: FormData) {
  const text = (key: string) => (typeof form.get(key) === "string" ? String(form.get(key)) : "");
  // Continuations shown in the preview and not ticked for merging stay separate.
  const merged = new Set(form.getAll("merge").map(String));
  const keepSeparate = text("continuations").split(",").filter((id) => id && !merged.has(id)).join(",");
  const settings = {
    slug: text("slug"),
    title: text("title"),
    language: text("language"),
    paragraphsAreMessages: form.get("paragraphsAreMessages") === "on",
    keepSeparate,
  };
  const file = form.get("file");
  const pasted = text("pasted");
  const source: ImportSource | null =
    file instanceof File && file.size > 0
      ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : pasted.trim()
        ? { fileName: PASTED_FILE_NAME, bytes: new TextEncoder().encode(pasted) }
        : null;
  // `fields`: every text field as sent, for forms with settings of their own (a translation's).
  const fields = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { source, settings, fields, confirm: form.get("intent") === "confirm" };
}
