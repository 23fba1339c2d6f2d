import { annotationCollection, annotationPage, annotationToW3c, pageCount } from "@/lib/annotations/w3c-export";
import type { ExportableAnnotation } from "@/lib/annotations/w3c-types";
import { db, type Prisma } from "@/lib/db/client";
import { languageQuery } from "@/lib/translations/read-translations";
import { translatedTextUrl, versionTextUrl } from "./message-text";
import { isStorableText } from "@/lib/text/user-text";

export const ANNOTATION_PAGE_SIZE = 100;
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

const published = { status: "PUBLISHED", parentId: null, quoteExact: { not: null } } satisfies Prisma.CommentWhereInput;

const exportFields = {
  id: true, body: true, language: true, createdAt: true, editedAt: true, authorName: true, authorStakeholderGroup: true, authorRegion: true, authorCountry: true,
  quoteExact: true, quotePrefix: true, quoteSuffix: true, positionStart: true, positionEnd: true,
  version: { select: { number: true, text: true } },
  translatedText: { select: { number: true, text: true, translation: { select: { language: true } } } },
  message: { select: { id: true, number: true, consultation: { select: { slug: true, language: true } } } },
} satisfies Prisma.CommentSelect;

type Row = Prisma.CommentGetPayload<{ select: typeof exportFields }>;

/** The W3C model counts positions in code points; JavaScript strings index UTF-16 units. */
const codePoints = (text: string, end: number) => [...text.slice(0, end)].length;

/** An annotation of a translation targets that translation's text, in its language. */
function exportable(row: Row, baseUrl: string): ExportableAnnotation {
  const { slug } = row.message.consultation;
  const onTranslation = row.translatedText;
  const language = onTranslation?.translation.language ?? row.message.consultation.language;
  const text = onTranslation?.text ?? row.version.text;
  const messageUrl = `${baseUrl}/consultations/${slug}/messages/${row.message.number}`;
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    modifiedAt: row.editedAt,
    author: { name: row.authorName, stakeholderGroup: row.authorStakeholderGroup, region: row.authorRegion, country: row.authorCountry },
    message: {
      number: row.message.number,
      versionNumber: row.version.number,
      url: onTranslation ? `${messageUrl}${languageQuery(language)}` : `${messageUrl}?version=${row.version.number}`,
      textUrl: onTranslation
        ? translatedTextUrl(baseUrl, row.message.id, language, onTranslation.number)
        : versionTextUrl(baseUrl, row.message.id, row.version.number),
    },
    language,
    bodyLanguage: row.language ?? undefined,
    selector: {
      exact: row.quoteExact ?? "",
      prefix: row.quotePrefix ?? "",
      suffix: row.quoteSuffix ?? "",
      start: codePoints(text, row.positionStart ?? 0),
      end: codePoints(text, row.positionEnd ?? 0),
    },
  };
}

/** The collection (page null) or one of its pages; null when there is no such consultation or page. */
export async function annotationExport(slug: string, baseUrl: string, page: number | null) {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, title: true, publishedAt: true } });
  if (!consultation?.publishedAt) return null;
  const where = { ...published, message: { consultationId: consultation.id } } satisfies Prisma.CommentWhereInput;
  const total = await db.comment.count({ where });
  const collectionUrl = `${baseUrl}/api/v1/consultations/${slug}/annotations`;
  const label = `Annotations: ${consultation.title}`;
  if (page === null) return annotationCollection({ collectionUrl, label, total, pageSize: ANNOTATION_PAGE_SIZE });
  if (!Number.isSafeInteger(page) || page < 0 || page >= pageCount(total, ANNOTATION_PAGE_SIZE)) return null;
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: page * ANNOTATION_PAGE_SIZE,
    take: ANNOTATION_PAGE_SIZE,
    select: exportFields,
  });
  return annotationPage(
    rows.map((row) => exportable(row, baseUrl)),
    { baseUrl, collectionUrl, label, page, pageSize: ANNOTATION_PAGE_SIZE, total },
  );
}

/** One public annotation by id (its IRI). */
export async function annotationById(id: string, baseUrl: string) {
  if (!isStorableText(id)) return null;
  const row = await db.comment.findFirst({ where: { id, ...published, message: { consultation: { publishedAt: { not: null } } } }, select: exportFields });
  return row ? annotationToW3c(exportable(row, baseUrl), baseUrl) : null;
}
