import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import type { OverviewSection } from "@/lib/finalisation/overview";

type MessageTableProps = { sections: OverviewSection[]; slug: string };

/** Each message's finalisation state: final text written, fate, comments answered; the number leads to its workspace. */
export async function MessageTable({ sections, slug }: MessageTableProps) {
  const t = await getTranslations("finalise");
  const messages = sections.flatMap((section) => section.messages);
  return (
    <div className="table-scroll" role="region" aria-labelledby="messages-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="messages-caption">{t("messages.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("messages.message")}</th>
            <th scope="col">{t("messages.finalText")}</th>
            <th scope="col">{t("messages.fate")}</th>
            <th scope="col">{t("messages.answered")}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <th scope="row">
                <Link href={`/admin/consultations/${slug}/finalise/${message.number}`}>{t("messages.open", { number: message.number })}</Link>
              </th>
              <td>{message.fate !== "KEPT" ? "—" : message.hasFinalText ? t("messages.written") : t("messages.notWritten")}</td>
              <td>{message.fate === "MERGED" ? t("fates.mergedInto", { number: message.mergedIntoNumber ?? "?" }) : t(`fates.${message.fate}`)}</td>
              <td>{t("progress.value", { answered: message.progress.answered, total: message.progress.total })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
