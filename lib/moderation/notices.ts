import { mailConfigured } from "@/lib/auth/config";
import type { Tx } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/db/generated/enums";

/**
 * Tells a comment's author what the moderators did with it (hidden, held,
 * an appeal decided): a row on the notification queue, written in the
 * transaction of the decision, which the worker sends (when mail can be
 * sent: SMTP or the development outbox). The account page shows the same
 * state in the app whether or not mail is sent. `key` makes it one row per
 * event, whatever retries do.
 */
export async function tellAuthor(tx: Tx, notice: { kind: Extract<NotificationKind, "COMMENT_HIDDEN" | "COMMENT_HELD" | "APPEAL_DECIDED">; commentId: string; key: string; now: Date }) {
  if (!mailConfigured()) return;
  const { authorId } = await tx.comment.findUniqueOrThrow({ where: { id: notice.commentId }, select: { authorId: true } });
  await tx.notification.createMany({
    data: [{ userId: authorId, kind: notice.kind, dedupeKey: `${notice.kind.toLowerCase()}:${notice.key}`, commentId: notice.commentId, runAfter: notice.now, createdAt: notice.now }],
    skipDuplicates: true,
  });
}
