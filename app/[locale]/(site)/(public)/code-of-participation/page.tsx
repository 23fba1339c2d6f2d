import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { FLAG_REASONS } from "@/lib/moderation/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("codeOfParticipation"))("title") };
}

const RULES = ["respect", "onTopic", "noPersonalData", "noSpam", "ownWords", "moderation", "publicRecord"] as const;

export default async function CodeOfParticipationPage() {
  const t = await getTranslations("codeOfParticipation");
  const m = await getTranslations("moderation");
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ol>
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ol>
      {/* The categories a comment is reported and hidden under: the same list as the report form's. */}
      <section aria-labelledby="not-allowed">
        <h2 id="not-allowed">{t("notAllowedTitle")}</h2>
        <p>{t("notAllowedIntro")}</p>
        <dl>
          {FLAG_REASONS.map((reason) => (
            <div key={reason}>
              <dt>{m(`reasons.${reason}`)}</dt>
              <dd>{m(`explanations.${reason}`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link href="/moderation">{t("reportLink")}</Link>
        </p>
      </section>
    </article>
  );
}
