import { getTranslations } from "next-intl/server";
import type { ConsultationPhase } from "@/lib/consultations/phase";

export async function PhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const t = await getTranslations("phase");
  return <span className={`badge phase-${phase.toLowerCase()}`}>{t(phase)}</span>;
}
