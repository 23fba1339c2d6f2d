"use server";

import { redirect } from "next/navigation";
import { formError, type FormState } from "@/lib/actions/form-state";
import { getActor } from "@/lib/auth/session";
import { importConsultation, type ImportSource } from "@/lib/consultations/import-consultation";
import type { ParseResult } from "@/lib/import/types";

export type ImportValues = {
  slug: string;
  title: string;
  language: string;
  paragraphsAreMessages: boolean;
  pasted: string;
};

export type ImportFormState =
  | FormState<ImportValues>
  | {
      status: "preview";
      preview: ParseResult;
      fieldErrors: Record<string, string>;
      values: ImportValues;
      /** The document, carried to the next submission so it need not be chosen again. */
      carried: { name: string; base64: string } | null;
    };

export async function importAction(_state: ImportFormState, form: FormData): Promise<ImportFormState> {
  const text = (key: string) => (typeof form.get(key) === "string" ? String(form.get(key)) : "");
  const values: ImportValues = {
    slug: text("slug"),
    title: text("title"),
    language: text("language"),
    paragraphsAreMessages: form.get("paragraphsAreMessages") === "on",
    pasted: text("pasted"),
  };
  const shown = text("continuations").split(",").filter(Boolean);
  const merged = new Set(form.getAll("merge").map(String));
  const keepSeparate = shown.filter((id) => !merged.has(id)).join(",");

  let outcome: Awaited<ReturnType<typeof importConsultation>>;
  let source: ImportSource | null = null;
  try {
    source = await readSource(form, values.pasted);
    outcome = await importConsultation(await getActor(), source, { ...values, keepSeparate }, form.get("intent") === "confirm");
  } catch (error) {
    return formError(error, values);
  }
  if (outcome.saved) redirect(`/admin/consultations/${outcome.slug}?imported=1`);
  const carried = source ? { name: source.fileName, base64: Buffer.from(source.bytes).toString("base64") } : null;
  return { status: "preview", preview: outcome.preview, fieldErrors: outcome.fieldErrors, values, carried };
}

/** A newly chosen file wins; else the document carried from the preview; else the pasted text. */
async function readSource(form: FormData, pasted: string): Promise<ImportSource | null> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const carriedName = form.get("carriedName");
  const carried = form.get("carried");
  if (typeof carried === "string" && carried && typeof carriedName === "string") {
    return { fileName: carriedName, bytes: new Uint8Array(Buffer.from(carried, "base64")) };
  }
  if (pasted.trim()) return { fileName: "pasted.md", bytes: new TextEncoder().encode(pasted) };
  return null;
}
