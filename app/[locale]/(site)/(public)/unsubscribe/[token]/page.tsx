import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { describeUnsubscribe } from "@/lib/notifications/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), robots: { index: false }, referrer: "no-referrer" };
}

type UnsubscribePageProps = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** Where an unsubscribe link leads: a button, never an unsubscribe on opening (mail scanners open links). No sign-in needed. */
export default async function UnsubscribePage({ params, searchParams }: UnsubscribePageProps) {
  const { token } = await params;
  const { done } = await searchParams;
  const t = await getTranslations("unsubscribe");
  const subscription = await describeUnsubscribe(token);
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {!subscription ? (
        <p>{t("invalid")}</p>
      ) : done ? (
        <p role="status" className="form-alert ok">
          {t("done")}
        </p>
      ) : (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
          <p>
            {subscription.kind === "follow"
              ? subscription.title
                ? t("follow", { title: subscription.title })
                : t("followUnknown")
              : t(subscription.kind)}
          </p>
          <button type="submit">{t("confirm")}</button>
        </form>
      )}
      <p>
        <Link href="/account#notifications">{t("account")}</Link>
      </p>
    </div>
  );
}
