import { db } from "@/lib/db/client";
import { cursorParam } from "@/lib/http/pagination";
import { isStorableText } from "@/lib/text/user-text";
import { commentJson } from "./comment-json";

export const COMMENTS_PAGE_SIZE = 100;

/**
 * Every comment and reply of a published consultation, oldest first, with
 * keyset pagination. Withdrawn and hidden comments are listed without their
 * text, so that the record shows they existed; hidden ones say why.
 */
export async function publicComments(slug: string, baseUrl: string, cursorValue: string | null) {
  if (!isStorableText(slug)) return null;
  const cursor = cursorParam(cursorValue);
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, publishedAt: true } });
  if (!consultation?.publishedAt) return null;
  const rows = await db.comment.findMany({
    // Comments waiting for approval are not public yet.
    where: { message: { consultationId: consultation.id }, status: { not: "PENDING" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: COMMENTS_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: {
      message: { select: { number: true } },
      translatedText: { select: { translation: { select: { language: true } } } },
      _count: { select: { agreements: true } },
    },
  });
  const page = rows.slice(0, COMMENTS_PAGE_SIZE);
  const next = rows.length > COMMENTS_PAGE_SIZE ? page.at(-1)?.id : null;
  return {
    data: page.map((row) => commentJson(row, { messageNumber: row.message.number, agreements: row._count.agreements })),
    next: next ? `${baseUrl}/api/v1/consultations/${slug}/comments?cursor=${encodeURIComponent(next)}` : null,
  };
}
