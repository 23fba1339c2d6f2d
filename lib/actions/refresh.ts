import { revalidatePath } from "next/cache";
import { commentsChanged, everyPageChanged } from "@/lib/cache/public-pages";

/**
 * What a change makes stale, by route rather than by an address a form sends
 * back: a comment changes its consultation's pages (the message page, the
 * counts on the consultation page) and the cached public pages; the
 * secretariat's edits can change any page, the lists included.
 */
export function refreshConsultationPages() {
  revalidatePath("/[locale]/(site)/(public)/consultations/[slug]", "layout");
  commentsChanged();
}

export function refreshAllPages() {
  everyPageChanged();
}

/** The person's own account page (tokens, sessions). */
export function refreshAccountPage() {
  revalidatePath("/[locale]/(site)/(auth)/account", "page");
}
