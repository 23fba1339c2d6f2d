import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("codeOfParticipation"))("title") };
}

const RULES = ["respect", "onTopic", "noPersonalData", "noSpam", "ownWords", "moderation", "publicRecord"] as const;

export default async function CodeOfParticipationPage() {
  const t = await getTranslations("codeOfParticipation");
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ol>
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ol>
    </article>
  );
}
