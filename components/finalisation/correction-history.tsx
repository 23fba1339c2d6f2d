import { getLocale, getTranslations } from "next-intl/server";
import type { correctionHistory } from "@/lib/finalisation/overview";
import { formatInstant } from "@/lib/time/format";

type CorrectionHistoryProps = { corrections: Awaited<ReturnType<typeof correctionHistory>>; timeZone: string };

/** The corrections made since publication, the newest first, with what each changed. */
export async function CorrectionHistory({ corrections, timeZone }: CorrectionHistoryProps) {
  const t = await getTranslations("finalise.corrections");
  const locale = await getLocale();
  if (corrections.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="corrections">
      {corrections.map((correction) => (
        <li key={correction.id}>
          <p className="meta">
            {formatInstant(correction.createdAt, locale, timeZone)} · {correction.by.name ?? correction.by.email}
            {correction.message ? <> · {t("message", { number: correction.message.number })}</> : null} ·{" "}
            {t("changed", { versions: correction._count.versions, dispositions: correction._count.dispositions })}
          </p>
          <p className="queue-text">{correction.note}</p>
        </li>
      ))}
    </ol>
  );
}
