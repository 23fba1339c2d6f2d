/** Where a consultation is in its life; the server's clock decides. */
export type ConsultationPhase = "DRAFT" | "UPCOMING" | "OPEN" | "CLOSED" | "FINAL";

export type PhaseInput = {
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  finalisedAt: Date | null;
};

/** Comments are accepted from opensAt (included) until closesAt (excluded). */
export function consultationPhase(consultation: PhaseInput, now: Date = new Date()): ConsultationPhase {
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
