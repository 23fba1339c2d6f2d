import { db } from "@/lib/db/client";
import { ANSWERABLE } from "./dispositions";
import { groupDuplicates } from "./duplicates";

/** A group as a page shows it: each comment with its message's number and the start of its text. */
export type DuplicateGroupView = { exact: boolean; comments: { id: string; messageNumber: string; excerpt: string }[] };

export const EXCERPT_LENGTH = 140;

/**
 * Duplicate groups among the answerable comments of one message, or of the
 * whole consultation: a campaign often sends the same text on several
 * messages, and one disposition answers all of its copies.
 */
export async function duplicateGroupsIn(scope: { consultationId: string } | { messageId: string }): Promise<DuplicateGroupView[]> {
  const comments = await db.comment.findMany({
    where: { ...ANSWERABLE, ...("messageId" in scope ? { messageId: scope.messageId } : { message: { consultationId: scope.consultationId } }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, message: { select: { number: true } } },
  });
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  return groupDuplicates(comments).map((group) => ({
    exact: group.exact,
    comments: group.ids.map((id) => {
      const comment = byId.get(id)!;
      return { id, messageNumber: comment.message.number, excerpt: excerpt(comment.body) };
    }),
  }));
}

function excerpt(text: string) {
  const characters = Array.from(text);
  return characters.length <= EXCERPT_LENGTH ? text : `${characters.slice(0, EXCERPT_LENGTH).join("")}…`;
}
