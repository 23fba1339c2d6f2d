import type { MessageNode, SectionNode } from "@/lib/consultations/read-tree";
import { db } from "@/lib/db/client";
import { isStorableText } from "@/lib/text/user-text";

/** A translation as its readers see it named: the language, the title and the credit. */
export type TranslationSummary = { language: string; title: string; translators: string; updatedAt: Date };

/** A message's newest text in a translation, with the number of the original's version it translates. */
export type TranslatedMessageText = { id: string; number: number; text: string; createdAt: Date; sourceVersionNumber: number };

export type DocumentInLanguage = {
  translation: TranslationSummary & { id: string; introduction: string };
  sections: Map<string, { heading: string; introduction: string }>;
  /** By message id; a message the translation lacks is read in the original. */
  texts: Map<string, TranslatedMessageText>;
};

/** A translated text is out of date while the original has a later version than the one it translates. */
export function isOutOfDate(text: Pick<TranslatedMessageText, "sourceVersionNumber">, currentVersionNumber: number) {
  return text.sourceVersionNumber < currentVersionNumber;
}

/** The translations of a consultation's document, by language tag. */
export function translationsOf(consultationId: string): Promise<TranslationSummary[]> {
  return db.translation.findMany({
    where: { consultationId },
    orderBy: { language: "asc" },
    select: { language: true, title: true, translators: true, updatedAt: true },
  });
}

/** The document in one of its translations (null when there is none in that language); `messageIds` narrows the texts read. */
export async function documentIn(consultationId: string, language: string, messageIds?: string[]): Promise<DocumentInLanguage | null> {
  const translation = await db.translation.findUnique({
    where: { consultationId_language: { consultationId, language } },
    select: { id: true, language: true, title: true, introduction: true, translators: true, updatedAt: true },
  });
  if (!translation) return null;
  const [sections, texts] = await Promise.all([
    db.translatedSection.findMany({ where: { translationId: translation.id }, select: { sectionId: true, heading: true, introduction: true } }),
    db.translatedText.findMany({
      where: { translationId: translation.id, ...(messageIds ? { messageId: { in: messageIds } } : {}) },
      orderBy: [{ messageId: "asc" }, { number: "desc" }],
      distinct: ["messageId"],
      select: { id: true, messageId: true, number: true, text: true, createdAt: true, sourceVersion: { select: { number: true } } },
    }),
  ]);
  return {
    translation,
    sections: new Map(sections.map(({ sectionId, ...section }) => [sectionId, section])),
    texts: new Map(
      texts.map(({ messageId, sourceVersion, ...text }) => [messageId, { ...text, sourceVersionNumber: sourceVersion.number }]),
    ),
  };
}

/**
 * The document tree as read in a translation: translated headings, sections'
 * introductions and message texts, each marked with its language; what the
 * translation lacks stays in the original (and says so), and a text that
 * translates an earlier version than the one shown is marked out of date.
 */
export function translateTree(sections: SectionNode[], document: DocumentInLanguage, originalLanguage: string): SectionNode[] {
  const language = document.translation.language;
  const message = (node: MessageNode): MessageNode => {
    const translated = document.texts.get(node.id);
    if (!translated) return { ...node, textLanguage: originalLanguage, untranslated: true };
    return { ...node, text: translated.text, textLanguage: language, outOfDate: isOutOfDate(translated, node.versionNumber) };
  };
  return sections.map((section) => {
    const translated = document.sections.get(section.id);
    return {
      ...section,
      ...(translated ? { ...translated, headingLanguage: language } : { headingLanguage: originalLanguage }),
      messages: section.messages.map(message),
      sections: translateTree(section.sections, document, originalLanguage),
    };
  });
}

/** The translation a page's `?language=` asks for, if the document has one in that language (the original otherwise). */
export function chosenTranslation(param: string | string[] | undefined, translations: TranslationSummary[]): TranslationSummary | null {
  const asked = Array.isArray(param) ? param[0] : param;
  if (!asked) return null;
  return translations.find((translation) => translation.language.toLowerCase() === asked.toLowerCase()) ?? null;
}

/** A language asked for (?language=xx) that is neither the original's nor a translation's: the page does not exist. */
export function isUnknownLanguage(param: string | string[] | undefined, chosen: TranslationSummary | null, original: string) {
  const asked = Array.isArray(param) ? param[0] : param;
  return Boolean(asked) && chosen === null && asked!.toLowerCase() !== original.toLowerCase();
}

/** The query that reads a document's page in a translation (none: the original), for every link to one. */
export function languageQuery(language: string | null | undefined) {
  return language ? `?language=${encodeURIComponent(language)}` : "";
}

/** What a message page shows of the document's languages; undefined when the document has no translation. */
export type MessageLanguages = {
  /** The translation the page shows (its language tag); null: the original. */
  translation: string | null;
  /** The message's newest text in that translation; null when it lacks the message (the original is shown). */
  text: TranslatedMessageText | null;
};

/** The translations of a message's document, the one asked for (`?language=`) and the message's text in it. */
export async function messageLanguages(consultationId: string, messageId: string, asked: string | string[] | undefined) {
  const translations = await translationsOf(consultationId);
  const chosen = chosenTranslation(asked, translations);
  const document = chosen ? await documentIn(consultationId, chosen.language, [messageId]) : null;
  const languages: MessageLanguages | undefined =
    translations.length > 0 ? { translation: chosen?.language ?? null, text: document?.texts.get(messageId) ?? null } : undefined;
  return { translations, chosen, document, languages };
}

/** The secretariat's page of a consultation's translations: the consultation, and each translation's coverage; null when there is none. */
export async function translationsForSecretariat(slug: string) {
  const consultation = isStorableText(slug)
    ? await db.consultation.findUnique({ where: { slug }, select: { id: true, title: true, language: true, referenceTimeZone: true } })
    : null;
  return consultation ? { consultation, translations: await translationOverview(consultation.id) } : null;
}

/** How much of the document each translation covers, and how much of it is out of date. */
export async function translationOverview(consultationId: string) {
  const [summaries, messages] = await Promise.all([
    translationsOf(consultationId),
    db.message.findMany({ where: { consultationId }, select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } } }),
  ]);
  const currentVersion = new Map(messages.map((message) => [message.id, message.versions[0]?.number ?? 0]));
  return Promise.all(
    summaries.map(async (summary) => {
      const texts = [...(await documentIn(consultationId, summary.language))!.texts];
      return {
        ...summary,
        translated: texts.length,
        outOfDate: texts.filter(([messageId, text]) => isOutOfDate(text, currentVersion.get(messageId) ?? 0)).length,
        messages: messages.length,
      };
    }),
  );
}
