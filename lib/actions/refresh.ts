import { revalidatePath } from "next/cache";

/**
 * What a change makes stale, by route rather than by an address a form sends
 * back: a comment changes its consultation's pages (the message page, the
 * counts on the consultation page); the secretariat's edits can change any
 * page, the lists included.
 */
export function refreshConsultationPages() {
  revalidatePath("/consultations/[slug]", "layout");
}

export function refreshAllPages() {
  revalidatePath("/", "layout");
}

/** The person's own account page (tokens, sessions). */
export function refreshAccountPage() {
  revalidatePath("/account");
}
