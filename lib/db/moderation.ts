import type { Tx } from "./client";

/**
 * Locks a comment's row until the transaction ends, so that flags and
 * moderation decisions on one comment happen one after the other: the flag
 * that reaches the threshold sees every flag before it, and the comment is
 * hidden exactly once however many arrive at the same moment.
 */
export async function lockComment(tx: Tx, commentId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "Comment" where id = ${commentId} for update`;
  return rows.length > 0;
}
