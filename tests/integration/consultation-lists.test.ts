import { describe, expect, it } from "vitest";
import { ARCHIVE_PAGE_SIZE, listPastConsultations, listPublicConsultations, PAST_ON_HOME } from "@/lib/consultations/list-public";
import { ADMIN_PAGE_SIZE, listConsultationsForSecretariat } from "@/lib/consultations/manage";
import { db } from "@/lib/db/client";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";
import { uniqueSlug } from "../support/consultations";

// Far enough ahead that every other test's consultation has closed by then.
const NOW = new Date("2100-06-01T12:00:00Z");
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000);

async function consultation(label: string, times: { opensAt?: Date; closesAt?: Date; finalisedAt?: Date; published?: boolean }) {
  const slug = uniqueSlug(label);
  await db.consultation.create({
    data: {
      slug, title: label, language: "en",
      opensAt: times.opensAt ?? day(-30), closesAt: times.closesAt ?? null, finalisedAt: times.finalisedAt ?? null,
      publishedAt: times.published === false ? null : day(-40),
    },
  });
  return slug;
}

describe("the lists of consultations", () => {
  it("always shows every current consultation on the home page, however many have closed", async () => {
    const past = [];
    for (let i = 1; i <= PAST_ON_HOME + 2; i++) past.push(await consultation(`past-${i}`, { closesAt: day(-i) }));
    const open = await consultation("open-later", { closesAt: day(10) });
    const upcoming = await consultation("upcoming", { opensAt: day(5), closesAt: day(20) });
    const final = await consultation("final", { closesAt: day(-1), finalisedAt: day(-0.5) });
    const draft = await consultation("draft", { closesAt: day(10), published: false });

    const { groups, pastCount } = await listPublicConsultations(NOW);
    expect(groups.OPEN.map((item) => item.slug)).toContain(open);
    expect(groups.UPCOMING.map((item) => item.slug)).toContain(upcoming);
    expect(groups.FINAL.map((item) => item.slug)).toContain(final);
    expect(groups.FINAL.find((item) => item.slug === final)?.finalisedAt).toEqual(day(-0.5));
    expect(groups.CLOSED.every((item) => item.finalisedAt === null)).toBe(true);
    const shown = [...groups.OPEN, ...groups.UPCOMING, ...groups.CLOSED, ...groups.FINAL].map((item) => item.slug);
    expect(shown).not.toContain(draft);
    // The most recent past ones, newest first; the rest are in the archive.
    expect(groups.CLOSED.length + groups.FINAL.length).toBe(PAST_ON_HOME);
    expect(groups.CLOSED.map((item) => item.slug)).toEqual(past.slice(0, PAST_ON_HOME - 1));
    expect(pastCount).toBeGreaterThanOrEqual(PAST_ON_HOME + 3);
  });
});

/** Many at once, closed (or not yet) at `closesAt`, so that lists run to more than one page. */
async function many(label: string, count: number, closesAt: Date, published = true) {
  await db.consultation.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: uniqueSlug(`${label}-${i}`), title: `${label} ${i}`, language: "en", opensAt: day(-60), closesAt, publishedAt: published ? day(-60) : null,
    })),
  });
}

describe("pages of consultations", () => {
  it("pages through every past consultation in the archive, the most recent first", async () => {
    await many("archived", ARCHIVE_PAGE_SIZE + 1, day(-50));
    const first = await listPastConsultations(1, NOW);
    expect(first.pageCount).toBeGreaterThan(1);
    expect(first.consultations.length).toBeLessThanOrEqual(ARCHIVE_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.max(1, Math.ceil(first.count / ARCHIVE_PAGE_SIZE)));
    const all = [];
    for (let page = 1; page <= first.pageCount; page++) all.push(...(await listPastConsultations(page, NOW)).consultations);
    expect(all).toHaveLength(first.count);
    expect(new Set(all.map((item) => item.slug)).size).toBe(first.count);
    expect(all.every((item) => item.state === "CLOSED" || item.state === "FINAL")).toBe(true);
    const closes = all.map((item) => item.closesAt?.getTime() ?? 0);
    expect(closes).toEqual([...closes].sort((a, b) => b - a));
    // A page past the end shows the last one.
    expect((await listPastConsultations(first.pageCount + 5, NOW)).page).toBe(first.pageCount);
  });

  it("gives the secretariat every consultation, drafts included, a page at a time", async () => {
    await many("unpublished", ADMIN_PAGE_SIZE + 1, day(10), false);
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const total = await db.consultation.count();
    const first = await listConsultationsForSecretariat(secretariat, 1, NOW);
    expect(first.pageCount).toBe(Math.ceil(total / ADMIN_PAGE_SIZE));
    expect(first.pageCount).toBeGreaterThan(1);
    const seen = [];
    for (let page = 1; page <= first.pageCount; page++) seen.push(...(await listConsultationsForSecretariat(secretariat, page, NOW)).consultations);
    expect(new Set(seen.map((item) => item.id)).size).toBe(total);
    expect((await failure(listConsultationsForSecretariat(await createActor(), 1, NOW))).code).toBe("FORBIDDEN");
  });
});
