import { getTranslations } from "next-intl/server";
import type { ConsultationState } from "@/lib/consultations/state";

export async function StateBadge({ state }: { state: ConsultationState }) {
  const t = await getTranslations("state");
  return <span className={`badge state-${state.toLowerCase()}`}>{t(state)}</span>;
}
