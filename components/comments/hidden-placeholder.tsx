import { getLocale, getTranslations } from "next-intl/server";
import type { CommentView } from "@/lib/comments/message-discussion";
import { formatInstant } from "@/lib/time/format";

type HiddenPlaceholderProps = { moderation: NonNullable<CommentView["moderation"]>; timeZone: string };

/** What stands in a hidden comment's place: when and why the moderators hid it, or that readers' reports put it aside for review. */
export async function HiddenPlaceholder({ moderation, timeZone }: HiddenPlaceholderProps) {
  const t = await getTranslations("comments");
  const m = await getTranslations("moderation");
  const locale = await getLocale();
  if (moderation.automatic || !moderation.reason) return <p className="placeholder">{t("hiddenPendingReview")}</p>;
  const date = moderation.at ? formatInstant(moderation.at, locale, timeZone) : "—";
  return (
    <div className="placeholder">
      <p>{t("hiddenByModerators", { date, reason: m(`reasons.${moderation.reason}`) })}</p>
      {moderation.note ? <p className="meta">{moderation.note}</p> : null}
    </div>
  );
}
