import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getOutcome } from "@/lib/finalisation/outcome";
import { outcomeMessages } from "@/lib/finalisation/outcome-text";
import { participationStatistics } from "@/lib/stats/participation";
import { DEMO_OUTCOME_SLUG, seedDemoOutcome } from "@/prisma/seed/demo-outcome";

it("seeds a published outcome once: every comment answered, final texts that differ from the draft, a merged message, statistics", async () => {
  expect(await seedDemoOutcome()).toEqual({ created: true });
  expect(await seedDemoOutcome()).toEqual({ created: false });

  const outcome = await getOutcome(DEMO_OUTCOME_SLUG);
  expect(outcome).not.toBeNull();
  const messages = outcomeMessages(outcome!.sections);
  const comments = messages.flatMap((message) => message.comments);
  expect(comments).toHaveLength(12);
  expect(comments.every((comment) => comment.disposition !== null)).toBe(true);
  const changed = messages.filter((message) => message.finalText !== null && message.finalText !== message.draftText);
  expect(changed).toHaveLength(3);
  expect(messages.filter((message) => message.fate === "MERGED")).toHaveLength(1);

  const consultation = await db.consultation.findUniqueOrThrow({ where: { slug: DEMO_OUTCOME_SLUG }, select: { outcomeOverrideReason: true } });
  expect(consultation.outcomeOverrideReason).toBeNull();
  const stats = await participationStatistics(DEMO_OUTCOME_SLUG);
  expect(stats?.participants.total).toBe(12);
  expect(stats?.dispositions).not.toBeNull();
});
