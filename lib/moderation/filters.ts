import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";

/** The consultations the queue can be narrowed to, by title. */
export async function queueConsultations(actor: Actor | null) {
  requireSecretariat(actor);
  return db.consultation.findMany({ orderBy: [{ title: "asc" }, { slug: "asc" }], select: { slug: true, title: true, language: true } });
}

/** The published consultations the public report can be narrowed to. */
export async function reportConsultations() {
  return db.consultation.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ title: "asc" }, { slug: "asc" }], select: { slug: true, title: true, language: true } });
}
