import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_SLUG, seedDemo, seedDemoTranslation } from "@/prisma/seed/demo";

it("gives the demo its partial English translation once, aligned with the Chinese original", async () => {
  await seedDemo();
  expect(await seedDemoTranslation()).toEqual({ created: true });
  expect(await seedDemoTranslation()).toEqual({ created: false });
  const translation = await db.translation.findFirstOrThrow({ where: { consultation: { slug: DEMO_SLUG }, language: "en" }, include: { _count: { select: { texts: true, sections: true } } } });
  expect(translation._count).toEqual({ texts: 19, sections: 7 });
  // Nothing of the English lies outside the original's numbers; what it lacks is the later themes.
  const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: translation.id, action: "translation.imported" } });
  expect(audit.data).toMatchObject({ extra: [], written: 19 });
  expect((audit.data as { missing: string[] }).missing[0]).toBe("5.2.1.1");
  const first = await db.translatedText.findFirstOrThrow({ where: { translationId: translation.id, message: { number: "3.2.1.1" } } });
  expect(first.text).toMatch(/^As reliance on digital services deepens/);
});
