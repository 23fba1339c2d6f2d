"use client";

import { useTranslations } from "next-intl";

/** Unexpected failures: a short apology and a reference the person can quote. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="narrow">
      <h1>{t("pageFailedTitle")}</h1>
      <p>{t("unexpected", { reference: error.digest ?? "" })}</p>
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
