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
import { personalMessageReading } from "@/app/actions/personal/message-reading";
import { MessageReading, type MessageQuery } from "./message-reading";
import { localeDirection } from "@/lib/i18n/locales";
import { DocumentLanguages, TranslationNotice } from "@/components/consultations/document-languages";
import { isUnknownLanguage, languageQuery, messageLanguages } from "@/lib/translations/read-translations";

/** Metadata and page share one read per request. */
const load = cache(getMessage);

type MessagePageProps = {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<MessageQuery & { version?: string | string[]; language?: string | string[] }>;
};

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
  // ?language=fr reads the message in the document's French translation (the original when it lacks the message).
  const { translations, chosen, document: translated, languages } = await messageLanguages(consultation.id, message.id, query.language);
  if (isUnknownLanguage(query.language, chosen, consultation.language)) notFound();
  const heading = translated?.sections.get(message.section.id);
  const headingLanguage = heading ? chosen!.language : consultation.language;
  const stay = languageQuery(chosen?.language);

  return (
    <article>
      <ConsultationHeader consultation={translated ? { ...consultation, title: translated.translation.title, language: chosen!.language } : consultation}>
        <h1>{t("messageNumber", { number: message.number })}</h1>
      </ConsultationHeader>
      <p className="eyebrow">
        <Link href={`/consultations/${slug}${stay}#section-${message.section.number}`}>
          {message.section.number} <span lang={headingLanguage} dir={localeDirection(headingLanguage)}>{heading?.heading ?? message.section.heading}</span>
        </Link>
      </p>
      <DocumentLanguages path={`/consultations/${slug}/messages/${message.number}`} original={consultation.language} translations={translations} shown={chosen} />
      {chosen ? <TranslationNotice translation={chosen} original={consultation.language} /> : null}
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
              <Link rel="prev" href={`/consultations/${slug}/messages/${place.previous}${stay}`}>
                <span aria-hidden="true" className="direction-arrow">←</span>{" "}
                {t("previousMessage", { number: place.previous })}
              </Link>
            </li>
          ) : null}
          {place.next !== null ? (
            <li>
              <Link rel="next" href={`/consultations/${slug}/messages/${place.next}${stay}`}>
                {t("nextMessage", { number: place.next })}
                {" "}<span aria-hidden="true" className="direction-arrow">→</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <Personal load={personalMessageReading.bind(null, slug, number, chosen?.language ?? null)}>
        <MessageReading actor={actor} found={found} shown={shown} query={query} languages={languages} />
      </Personal>
      <p>
        <Link href={`/consultations/${slug}${stay}#message-${message.number}`}>{t("backToDocument")}</Link>
      </p>
    </article>
  );
}
