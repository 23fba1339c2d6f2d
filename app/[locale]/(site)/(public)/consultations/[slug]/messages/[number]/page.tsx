import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { Personal } from "@/components/personal/personal";
import { getActor } from "@/lib/auth/session";
import { getMessage } from "@/lib/consultations/get-consultation";
import { versionNamed } from "@/lib/consultations/public-history";
import { personalMessageReading } from "@/app/actions/personal-parts";
import { MessageReading, type MessageQuery } from "./message-reading";
import { localeDirection } from "@/lib/i18n/locales";

/** Metadata and page share one read per request. */
const load = cache(getMessage);

type MessagePageProps = { params: Promise<{ slug: string; number: string }>; searchParams: Promise<MessageQuery & { version?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: MessagePageProps): Promise<Metadata> {
  const { slug, number } = await params;
  const found = await load(await getActor(), slug, number);
  if (!found) return {};
  const t = await getTranslations("consultation");
  const a = await getTranslations("annotationSource");
  const shown = versionNamed(found.message.versions, (await searchParams).version);
  const message = t("messageNumber", { number: found.message.number });
  const earlier = shown && shown !== found.message.versions.at(-1);
  return { title: `${earlier ? a("versionTitle", { message, number: shown.number }) : message} · ${found.consultation.title}` };
}

export default async function MessagePage({ params, searchParams }: MessagePageProps) {
  // Next.js has already decoded the segment.
  const { slug, number } = await params;
  const actor = await getActor();
  const found = await load(actor, slug, number);
  if (!found) notFound();
  const { consultation, message, place } = found;
  const current = message.versions.at(-1);
  if (!current) notFound();
  const query = await searchParams;
  // ?version=N shows that version's text with its own highlights (the annotations' targets name it); the current one carries the comments.
  const shown = versionNamed(message.versions, query.version);
  if (!shown) notFound();
  const t = await getTranslations("consultation");
  const o = await getTranslations("outcome");

  return (
    <article>
      <ConsultationHeader consultation={consultation}>
        <h1>{t("messageNumber", { number: message.number })}</h1>
      </ConsultationHeader>
      <p className="eyebrow">
        <Link href={`/consultations/${slug}#section-${message.section.number}`}>
          {message.section.number} <span lang={consultation.language} dir={localeDirection(consultation.language)}>{message.section.heading}</span>
        </Link>
      </p>
      {consultation.state === "FINAL" ? (
        <p className="notice outcome-notice">
          <Link href={`/consultations/${encodeURIComponent(slug)}/outcome#message-${message.number}`}>{o("messageInOutcome", { number: message.number })}</Link>
        </p>
      ) : null}
      <nav aria-label={t("sequence")} className="message-sequence">
        <p>{t("position", { position: place.position, total: place.total })}</p>
        <ul>
          {place.previous !== null ? (
            <li>
              <Link rel="prev" href={`/consultations/${slug}/messages/${place.previous}`}>
                <span aria-hidden="true" className="direction-arrow">←</span>{" "}
                {t("previousMessage", { number: place.previous })}
              </Link>
            </li>
          ) : null}
          {place.next !== null ? (
            <li>
              <Link rel="next" href={`/consultations/${slug}/messages/${place.next}`}>
                {t("nextMessage", { number: place.next })}
                {" "}<span aria-hidden="true" className="direction-arrow">→</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <Personal load={personalMessageReading.bind(null, slug, number)}>
        <MessageReading actor={actor} found={found} shown={shown} query={query} />
      </Personal>
      <p>
        <Link href={`/consultations/${slug}#message-${message.number}`}>{t("backToDocument")}</Link>
      </p>
    </article>
  );
}
