import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { FormAction } from "@/lib/actions/form-state";

type FollowConsultationProps = {
  consultationId: string;
  slug: string;
  signedIn: boolean;
  following: boolean;
  action: FormAction;
};

/** "Follow" on a consultation's page: a plain form (works without JavaScript); signed-out readers get a sign-in link. */
export async function FollowConsultation({ consultationId, slug, signedIn, following, action }: FollowConsultationProps) {
  const t = await getTranslations("notifications");
  if (!signedIn) {
    return (
      <p className="follow">
        <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: `/consultations/${slug}` })}`}>{t("followSignIn")}</Link>
      </p>
    );
  }
  return (
    <ClientMessages namespaces={["notifications"]}>
      <ActionForm action={action} className="follow" label={following ? t("unfollow") : t("follow")}>
        <input type="hidden" name="consultationId" value={consultationId} />
        <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
        <p id="follow-hint" className="hint">
          {following ? t("following") : t("followHint")}
        </p>
        <button type="submit" className="secondary" aria-describedby="follow-hint">
          {following ? t("unfollow") : t("follow")}
        </button>
      </ActionForm>
    </ClientMessages>
  );
}
