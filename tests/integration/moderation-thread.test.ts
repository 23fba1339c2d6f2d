import { beforeEach, expect, it } from "vitest";
import { createComment } from "@/lib/comments/create-comment";
import { getMessageDiscussion } from "@/lib/comments/message-discussion";
import { db } from "@/lib/db/client";
import { hideComment } from "@/lib/moderation/decisions";
import { flagComment } from "@/lib/moderation/flag";
import { AUTO_HIDE_FLAGS } from "@/lib/moderation/schemas";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

it("tells the thread when and why a comment was hidden, or that readers' reports put it aside, and keeps the replies", async () => {
  const { id } = await importMarkdown("# Trust\n\n- Trust is built on transparency.\n", { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id }, include: { versions: true } });
  const author = await createActor();
  const replier = await createActor();
  const { comment: hidden } = await createComment(author, { messageId: message.id, body: "Buy cheap watches." });
  const { comment: reported } = await createComment(author, { messageId: message.id, body: "You are all fools." });
  await createComment(replier, { messageId: message.id, parentId: hidden.id, body: "This is an advert." });

  const moderator = await createActor({ role: "SECRETARIAT" });
  const at = new Date("2026-05-04T10:00:00Z");
  await hideComment(moderator, { commentId: hidden.id, reason: "SPAM", publicNote: "Advertising." }, at);
  for (let count = 0; count < AUTO_HIDE_FLAGS; count++) await flagComment(await createActor(), { commentId: reported.id, reason: "HARASSMENT_OR_HATE" });

  const { threads } = await getMessageDiscussion(null, message.id, message.versions[0]!.id);
  const [first, second] = threads;
  expect(first).toMatchObject({ status: "HIDDEN", body: null, moderation: { at, reason: "SPAM", note: "Advertising.", automatic: false } });
  expect(first!.replies.map((reply) => [reply.status, reply.body])).toEqual([["PUBLISHED", "This is an advert."]]);
  expect(second).toMatchObject({ status: "HIDDEN", body: null, moderation: { reason: "HARASSMENT_OR_HATE", note: null, automatic: true } });
  expect(first!.replies[0]!.moderation).toBeNull();
});
