import { db } from "@/lib/db/client";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { consultationState } from "@/lib/consultations/state";
import { sectionsInOrder, type SectionNode } from "@/lib/consultations/read-tree";
import { cursorParam } from "@/lib/http/pagination";
import { documentIn, isOutOfDate, languageQuery, translationsOf } from "@/lib/translations/read-translations";

export const API_PAGE_SIZE = 50;

/** The open-data shape of a consultation (stable field names, documented in the README). */
function summary(row: {
  slug: string; title: string; language: string; opensAt: Date | null; closesAt: Date | null;
  referenceTimeZone: string; publishedAt: Date | null; finalisedAt: Date | null; firstPublishedAt?: Date | null;
}, baseUrl: string, now: Date) {
  return {
    slug: row.slug,
    title: row.title,
    language: row.language,
    state: consultationState(row, now).toLowerCase(),
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    referenceTimeZone: row.referenceTimeZone,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    url: `${baseUrl}/consultations/${row.slug}`,
    apiUrl: `${baseUrl}/api/v1/consultations/${row.slug}`,
  };
}

/** Published consultations, newest first, with keyset pagination on (publishedAt, id). */
export async function listConsultationsForApi(baseUrl: string, cursorValue: string | null, now = new Date()) {
  const cursor = cursorParam(cursorValue);
  const rows = await db.consultation.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: API_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, API_PAGE_SIZE);
  const next = rows.length > API_PAGE_SIZE ? page.at(-1)?.id : null;
  return {
    data: page.map((row) => summary(row, baseUrl, now)),
    next: next ? `${baseUrl}/api/v1/consultations?cursor=${encodeURIComponent(next)}` : null,
  };
}

type ApiSection = {
  number: string;
  heading: string;
  introduction: string;
  messages: { id: string; number: string; text: string; version: number; versionKind: string; commentCount: number; url: string }[];
  sections: ApiSection[];
};

export async function consultationForApi(slug: string, baseUrl: string, now = new Date()) {
  const consultation = await getConsultation(null, slug, now);
  if (!consultation) return null;
  const toApi = (section: SectionNode): ApiSection => ({
    number: section.number,
    heading: section.heading,
    introduction: section.introduction,
    messages: section.messages.map((message) => ({
      id: message.id,
      number: message.number,
      text: message.text,
      version: message.versionNumber,
      versionKind: message.versionKind.toLowerCase(),
      commentCount: message.commentCount,
      url: `${baseUrl}/consultations/${slug}/messages/${message.number}`,
    })),
    sections: section.sections.map(toApi),
  });
  return {
    ...summary(consultation, baseUrl, now),
    introduction: consultation.introduction,
    counts: consultation.counts,
    sections: consultation.sections.map(toApi),
    translations: await translationsForApi(consultation, baseUrl),
  };
}

/**
 * The document's translations, each with its sections' headings and its
 * messages' texts by number (what it lacks is absent), every text saying the
 * original's version it translates and whether a later one has come since.
 */
async function translationsForApi(consultation: { id: string; slug: string; sections: SectionNode[] }, baseUrl: string) {
  const summaries = await translationsOf(consultation.id);
  const sections = sectionsInOrder(consultation.sections);
  const messages = sections.flatMap((section) => section.messages);
  return Promise.all(
    summaries.map(async (summary) => {
      const document = (await documentIn(consultation.id, summary.language))!;
      return {
        language: summary.language,
        title: summary.title,
        introduction: document.translation.introduction,
        translators: summary.translators,
        updatedAt: summary.updatedAt.toISOString(),
        url: `${baseUrl}/consultations/${consultation.slug}${languageQuery(summary.language)}`,
        sections: sections.flatMap((section) => {
          const translated = document.sections.get(section.id);
          return translated ? [{ number: section.number, ...translated }] : [];
        }),
        messages: messages.flatMap((message) => {
          const translated = document.texts.get(message.id);
          return translated
            ? [{ number: message.number, text: translated.text, version: translated.number, translates: translated.sourceVersionNumber, outOfDate: isOutOfDate(translated, message.versionNumber) }]
            : [];
        }),
      };
    }),
  );
}
