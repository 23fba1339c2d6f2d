import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { getActor } from "@/lib/auth/session";
import { getMessage } from "@/lib/consultations/get-consultation";
import { formatInstant } from "@/lib/time/format";

type MessagePageProps = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: MessagePageProps): Promise<Metadata> {
  const { slug, number } = await params;
  const found = await getMessage(await getActor(), slug, decodeURIComponent(number));
  const t = await getTranslations("consultation");
  return { title: found ? `${t("messageNumber", { number: found.message.number })} · ${found.consultation.title}` : undefined };
}

export default async function MessagePage({ params }: MessagePageProps) {
  const { slug, number } = await params;
  const found = await getMessage(await getActor(), slug, decodeURIComponent(number));
  if (!found) notFound();
  const { consultation, message } = found;
  const t = await getTranslations("consultation");
  const locale = await getLocale();
  const current = message.versions.at(-1);
  const earlier = message.versions.slice(0, -1).reverse();
  return (
    <article>
      <ConsultationHeader consultation={consultation}>
        <h1>{t("messageNumber", { number: message.number })}</h1>
      </ConsultationHeader>
      <p className="eyebrow">
        <Link href={`/consultations/${slug}#section-${message.section.number}`}>
          {message.section.number} <span lang={consultation.language}>{message.section.heading}</span>
        </Link>
      </p>
      {current ? (
        <>
          <p className="message-text large" lang={consultation.language}>
            {current.text}
          </p>
          <p className="meta">
            {t("versionOf", { number: current.number, date: formatInstant(current.createdAt, locale, consultation.referenceTimeZone) })}
          </p>
        </>
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t("earlierVersions")}</h2>
          {earlier.map((version) => (
            <details key={version.id}>
              <summary>
                {t("versionOf", { number: version.number, date: formatInstant(version.createdAt, locale, consultation.referenceTimeZone) })}
              </summary>
              <p className="message-text" lang={consultation.language}>
                {version.text}
              </p>
            </details>
          ))}
        </section>
      ) : null}
      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("commentCount", { count: message._count.comments })}</h2>
      </section>
      <p>
        <Link href={`/consultations/${slug}#message-${message.number}`}>{t("backToDocument")}</Link>
      </p>
    </article>
  );
}
