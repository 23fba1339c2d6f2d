/** Where a consultation is in its life; the server's clock decides. */
export type ConsultationState = "DRAFT" | "UPCOMING" | "OPEN" | "CLOSED" | "FINAL";

export type StateInput = {
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  finalisedAt: Date | null;
};

/** Comments are accepted from opensAt (included) until closesAt (excluded). */
export function consultationState(consultation: StateInput, now: Date = new Date()): ConsultationState {
  if (!consultation.publishedAt) return "DRAFT";
  if (consultation.finalisedAt) return "FINAL";
  if (consultation.opensAt && now < consultation.opensAt) return "UPCOMING";
  if (consultation.closesAt && now >= consultation.closesAt) return "CLOSED";
  return "OPEN";
}

/** Numbers are frozen from the first publication on, even if it is unpublished again. */
export function numbersFrozen(consultation: { firstPublishedAt: Date | null }) {
  return consultation.firstPublishedAt !== null;
}

/** How long after the deadline message pages still hold the (hidden) comment forms. */
export const LATE_SUBMISSION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a page should carry comment forms: while open, and for a day after
 * the deadline, when they stay hidden unless they give back a submission the
 * deadline refused (a browser without JavaScript gets the page re-rendered,
 * and only a form still in it can return the text).
 */
export function carriesCommentForms(consultation: StateInput, now: Date = new Date()) {
  const state = consultationState(consultation, now);
  if (state === "OPEN") return true;
  return state === "CLOSED" && consultation.closesAt !== null && now.getTime() - consultation.closesAt.getTime() < LATE_SUBMISSION_WINDOW_MS;
}
